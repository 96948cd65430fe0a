import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from './io.js';
import { parseMaxFileSize, parseOnline, parseTimeoutMs } from './options.js';

describe('shared CLI options', () => {
  it('--max-file-size: MB to bytes; nothing, zero or words are refused', () => {
    assert.equal(parseMaxFileSize(undefined), undefined);
    assert.deepEqual(parseMaxFileSize('1.5'), { maxFileBytes: 1572864 });
    for (const bad of ['0', '-3', 'ten', '']) assert.throws(() => parseMaxFileSize(bad), UsageError, bad);
  });

  it('--timeout: seconds to ms, the command default when absent, 1–3600 s', () => {
    assert.equal(parseTimeoutMs(undefined), undefined);
    assert.equal(parseTimeoutMs(undefined, 60), 60_000);
    assert.equal(parseTimeoutMs('2.5'), 2500);
    for (const bad of ['0', '3601', 'soon']) assert.throws(() => parseTimeoutMs(bad), /--timeout takes a number of seconds/);
  });

  it('--deep implies --online; a registry without online mode is a usage error; only http(s) URLs', () => {
    assert.equal(parseOnline({}), undefined);
    assert.deepEqual(parseOnline({ deep: true }), { deep: true, npmRegistry: undefined, pypiUrl: undefined });
    assert.equal(parseOnline({ online: true, registry: 'http://127.0.0.1:4873' })?.npmRegistry, 'http://127.0.0.1:4873');
    assert.throws(() => parseOnline({ registry: 'http://127.0.0.1:4873' }), /need --online/);
    assert.throws(() => parseOnline({ online: true, registry: 'file:///etc' }), /http\(s\) URL/);
  });
});
