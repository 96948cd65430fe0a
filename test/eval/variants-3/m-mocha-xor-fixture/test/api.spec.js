const request = require('supertest');
const app = require('../src/index');

describe('POST /reconcile', () => {
  it('rejects bad payloads', async () => {
    const res = await request(app).post('/reconcile').send({ invoices: 'nope' });
    expect(res.status).to.equal(400);
  });

  it('returns a reconciliation', async () => {
    const res = await request(app).post('/reconcile').send({ invoices: ledger.invoices, lines: ledger.lines });
    expect(res.status).to.equal(200);
    expect(res.body).to.have.keys('matched', 'unmatchedInvoices', 'unmatchedLines');
  });
});
