import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

http
  .createServer(async (req, res) => {
    const id = new URL(req.url, 'http://x').searchParams.get('id');
    const { rows } = await pool.query('SELECT id, name FROM users WHERE id = $1', [id]);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(rows[0] ?? null));
  })
  .listen(3000);
