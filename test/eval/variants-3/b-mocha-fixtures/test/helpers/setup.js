const fs = require('fs');
const path = require('path');
const chai = require('chai');
const chaiAsPromised = require('chai-as-promised');
const nock = require('nock');

chai.use(chaiAsPromised);
global.expect = chai.expect;

// No real network in tests: only nock'd hosts may be reached.
nock.disableNetConnect();

const FIX = path.join(__dirname, '..', 'fixtures');

/** Fixtures store small binary samples base64-encoded so they diff nicely. */
global.fixture = (name) => {
  const json = JSON.parse(fs.readFileSync(path.join(FIX, `${name}.json`), 'utf8'));
  return { ...json, bytes: Buffer.from(json.base64, 'base64') };
};

afterEach(() => nock.cleanAll());
