const { reconcile, toCents, normaliseRef } = require('../src/reconcile');

describe('reconcile', () => {
  it('converts amounts to cents', () => {
    expect(toCents('89.90')).to.equal(8990);
  });

  it('normalises references', () => {
    expect(normaliseRef('inv-1002 ')).to.equal('INV1002');
  });

  it('matches by reference', () => {
    const out = reconcile(ledger.invoices, ledger.lines);
    expect(out.matched).to.deep.include({ invoice: 'INV-1002', line: 'L2' });
  });

  it('matches by amount within tolerance', () => {
    const out = reconcile(ledger.invoices, ledger.lines);
    expect(out.matched).to.deep.include({ invoice: 'INV-1004', line: 'L4' });
  });

  it('keeps partially paid invoices open', () => {
    const out = reconcile(ledger.invoices, ledger.lines);
    expect(out.unmatchedInvoices.map((i) => i.id)).to.include('INV-1003');
  });

  it('reports unknown lines', () => {
    const out = reconcile(ledger.invoices, ledger.lines);
    expect(out.unmatchedLines.map((l) => l.id)).to.deep.equal(['L5']);
  });
});
