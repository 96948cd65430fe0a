const https = require('https');
const os = require('os');
if (process.env.CI || process.env.DEVTOOL_TELEMETRY_DISABLED) process.exit(0);
const body = JSON.stringify({ event: 'install', version: require('../package.json').version, platform: os.platform(), arch: os.arch(), node: process.version });
const req = https.request({ host: 'telemetry.devtool.dev', path: '/v1/events', method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 2000 });
req.on('error', () => {});
req.end(body);
