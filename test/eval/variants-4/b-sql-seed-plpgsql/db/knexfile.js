module.exports = {
  client: 'pg',
  connection: process.env.DATABASE_URL || 'postgres://localhost/loyalty',
  migrations: { directory: __dirname + '/migrations' },
  seeds: { directory: __dirname + '/seeds' },
};
