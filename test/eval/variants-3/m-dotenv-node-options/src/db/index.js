const Database = require('better-sqlite3');
const fs = require('fs');
const path = require('path');

const file = process.env.DB_FILE || ':memory:';
if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
const db = new Database(file);

db.exec(`CREATE TABLE IF NOT EXISTS ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  member TEXT NOT NULL,
  points INTEGER NOT NULL,
  reason TEXT,
  at TEXT DEFAULT CURRENT_TIMESTAMP
)`);

module.exports = db;
