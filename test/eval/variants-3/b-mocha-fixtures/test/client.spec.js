const nock = require('nock');
const { createClient } = require('../src');

describe('thumbnailer client', () => {
  it('posts the image and returns bytes', async () => {
    const px = fixture('pixel');
    nock('https://thumbs.example.invalid').post('/v1/thumbnail?width=64').reply(200, px.bytes);
    const c = createClient({ baseURL: 'https://thumbs.example.invalid', apiKey: 'test' });
    const out = await c.thumbnail(px.bytes, { width: 64 });
    expect(out.equals(px.bytes)).to.equal(true);
  });

  it('rejects on 500', async () => {
    nock('https://thumbs.example.invalid').post(/.*/).reply(500);
    const c = createClient({ baseURL: 'https://thumbs.example.invalid', apiKey: 'test' });
    await expect(c.thumbnail(Buffer.alloc(1))).to.be.rejected;
  });
});
