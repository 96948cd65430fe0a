const dayjs = require('dayjs');

const TOLERANCE_CENTS = 1;

function toCents(amount) {
  return Math.round(Number(amount) * 100);
}

function normaliseRef(ref) {
  return String(ref || '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/**
 * Match statement lines to invoices by reference, then by amount within a date window.
 * Returns { matched: [{ invoice, line }], unmatchedInvoices, unmatchedLines }.
 */
function reconcile(invoices, lines) {
  const open = invoices.map((inv) => ({ ...inv, _due: toCents(inv.amount), _ref: normaliseRef(inv.reference) }));
  const matched = [];
  const unmatchedLines = [];

  for (const line of lines) {
    const ref = normaliseRef(line.reference);
    const cents = toCents(line.amount);
    let inv = open.find((i) => i._ref && ref.includes(i._ref));
    if (!inv) {
      inv = open.find(
        (i) =>
          Math.abs(i._due - cents) <= TOLERANCE_CENTS &&
          Math.abs(dayjs(line.date).diff(dayjs(i.issuedAt), 'day')) <= 45,
      );
    }
    if (!inv) {
      unmatchedLines.push(line);
      continue;
    }
    // BUG (task): partial payments should reduce _due and keep the invoice open
    matched.push({ invoice: inv.id, line: line.id });
    open.splice(open.indexOf(inv), 1);
  }

  return {
    matched,
    unmatchedInvoices: open.map(({ _due, _ref, ...rest }) => rest),
    unmatchedLines,
  };
}

module.exports = { reconcile, toCents, normaliseRef };
