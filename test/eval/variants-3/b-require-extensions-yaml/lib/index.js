require('./register-yaml');

const base = require('../config/app.yaml');
const env = process.env.NODE_ENV || 'development';
const overrides = base.environments && base.environments[env] ? base.environments[env] : {};

const config = { ...base.defaults, ...overrides };

if (require.main === module) console.log(JSON.stringify(config, null, 2));
module.exports = config;
