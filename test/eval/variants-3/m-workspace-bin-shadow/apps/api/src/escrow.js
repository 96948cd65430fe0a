const store = new Map();
let n = 0;

function open({ buyer, seller, amount }) {
  const e = { id: String(++n), buyer, seller, amount, state: 'funded', approvals: [] };
  store.set(e.id, e);
  return e;
}

// TODO(candidate): release requires approval from both buyer and seller
function release(id, by) {
  const e = store.get(id);
  if (!e) throw new Error('unknown escrow');
  e.approvals.push(by);
  e.state = 'released';
  return e;
}

module.exports = { open, release };
