import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/index.js';
import type { Report } from '../../src/core/report.js';
import { renderCsv } from '../../src/reporters/csv.js';
import { renderHtml } from '../../src/reporters/html.js';
import { iocPattern, STIX_SCO_NAMESPACE, toStix } from '../../src/reporters/stix.js';
import { uuidv5 } from '../../src/reporters/uuid.js';
import { emptyDir, EXAMPLE, tmpDir } from '../cli/helpers.js';

const T0 = new Date('2026-01-02T03:04:05.000Z');

/** A report whose every sample-controlled string is hostile. */
async function hostileReport(): Promise<Report> {
  const base = await scan(EXAMPLE);
  const evil = '</textarea></script><script>alert(1)</script><img src=x onerror=alert(2)>\u202E\u2066"\'&\u001b[31m';
  const f = base.findings[0]!;
  return {
    ...base,
    target: `t${evil}`,
    summary: `s${evil}`,
    autorun: [{ trigger: 'npm-install', command: `node x.js${evil}`, file: `p${evil}`, line: 1, leadsTo: [`l${evil}`], label: `lab${evil}` }],
    findings: [
      {
        ...f,
        file: `f${evil}`,
        message: `m${evil}`,
        evidence: `e${evil}`,
        decoded: `d${evil}${'D'.repeat(1 << 20)}`,
        ruleId: f.ruleId,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 12,
        frame: { startLine: 1, lines: [`x${evil}${'L'.repeat(1 << 20)}`], firstColumns: [1] },
        iocs: [{ type: 'url', value: `http://x/${evil}`, file: `f${evil}`, line: 1 }],
      },
    ],
    iocs: [{ type: 'url', value: `http://x/${evil}`, file: `f${evil}`, line: 1 }],
    skipped: [{ path: `s${evil}`, reason: `r${evil}` }],
    errors: [{ path: `e${evil}`, message: `m${evil}` }],
    fileHashes: { [`f${evil}`]: 'a'.repeat(64) },
    detonation: { ran: true, durationMs: 1, phases: {}, actions: [{ label: evil, command: evil, file: evil, line: 1, skipped: evil }], notes: [evil] },
  };
}

describe('HTML report', () => {
  it('is one self-contained page with a strict CSP and no external reference', async () => {
    const html = renderHtml(await scan(EXAMPLE));
    assert.match(html, /^<!doctype html>/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.ok(csp, 'CSP meta tag');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.doesNotMatch(html, /<(link|iframe|object|embed|img|base)\b/i);
    assert.doesNotMatch(html, /\s(src|href)="(?!#)/i, 'only in-page links');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.equal(html.match(/<script\b/g)?.length, 1);
    assert.match(html, /DO NOT RUN/);
    assert.match(html, /<svg class="autorun-svg"/);
    assert.match(html, /<mark class="ev">/);
  });

  it('escapes everything from the sample: <script>, </textarea>, bidi controls, megabyte lines', async () => {
    const html = renderHtml(await hostileReport());
    assert.match(html, /<section id="detonation">/);
    assert.equal(html.match(/<script\b/gi)?.length, 1, 'only our script');
    assert.equal(html.match(/<\/script>/gi)?.length, 1);
    assert.doesNotMatch(html, /<\/textarea>|<img/i);
    assert.doesNotMatch(html, /[\u202e\u2066\u001b]/, 'no raw bidi/escape characters');
    assert.match(html, /&#60;\/textarea&#62;/);
    assert.match(html, /⟨U\+202E⟩/);
    // The unfolded megabyte frame line is folded by the reporter; its evidence (at column 1) stays marked.
    assert.match(html, /<mark class="ev">x&#60;\/textarea/);
    assert.ok(html.length < 200_000, `bounded size: ${html.length}`);
  });

  it('folds a real megabyte-long line with a payload in the middle around the evidence', async () => {
    const d = tmpDir();
    const line = `var pad = "${'A'.repeat(1 << 20)}";${' '.repeat(800)}eval(Buffer.from("PHNjcmlwdD4=","base64").toString()) // </script><script>alert(1)</script>`;
    writeFileSync(join(d, 'tailwind.config.js'), `module.exports = {};\n${line}\n`);
    const report = await scan(d, { threads: 0 });
    const html = renderHtml(report);
    assert.ok(html.length < 200_000, `bounded: ${html.length}`);
    assert.equal(html.match(/<script\b/gi)?.length, 1);
    assert.match(html, /<mark class="ev">.*eval/s);
  });
});

describe('STIX 2.1 export', () => {
  const UUID = /^[a-z][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
  const SDO_REQUIRED: Record<string, string[]> = {
    identity: ['name', 'identity_class'],
    malware: ['name', 'is_family'],
    indicator: ['pattern', 'pattern_type', 'valid_from'],
    relationship: ['relationship_type', 'source_ref', 'target_ref'],
    report: ['name', 'published', 'object_refs'],
  };

  /** Structural validation after the STIX 2.1 spec: ids, versions, timestamps, required properties, references. */
  function validateBundle(b: ReturnType<typeof toStix>) {
    assert.equal(b.type, 'bundle');
    assert.match(b.id, UUID);
    assert.ok(!('spec_version' in b), 'a 2.1 bundle has no spec_version');
    const ids = new Set<string>();
    for (const o of b.objects) {
      assert.match(o.id, UUID, o.id);
      assert.equal(o.id.split('--')[0], o.type);
      assert.ok(!ids.has(o.id), `duplicate id ${o.id}`);
      ids.add(o.id);
      assert.equal(o.spec_version, '2.1');
      if (o.type in SDO_REQUIRED) {
        assert.match(String(o.created), TS);
        assert.match(String(o.modified), TS);
        for (const p of SDO_REQUIRED[o.type]!) assert.ok(p in o, `${o.type} lacks ${p}`);
      }
    }
    for (const o of b.objects) {
      const refs = [o.created_by_ref, o.source_ref, o.target_ref, ...((o.object_refs as string[]) ?? []), ...((o.sample_refs as string[]) ?? [])].filter(Boolean);
      for (const r of refs) assert.ok(ids.has(r as string), `${o.id} refers to missing ${r}`);
      if (o.type === 'indicator') assert.match(String(o.pattern), /^\[[a-z0-9-]+:[a-z_.'A-Z0-9-]+ = '(?:[^'\\]|\\.)*'\]$/);
      if (o.type === 'report') assert.ok((o.object_refs as string[]).length > 0);
    }
  }

  it('the example lure: valid structure, malware + file hash indicators + indicates relationships', async () => {
    const r = await scan(EXAMPLE);
    const b = toStix(r, { timestamp: T0 });
    validateBundle(b);
    const types = b.objects.map((o) => o.type);
    assert.ok(types.includes('malware'));
    assert.ok(types.includes('report'));
    const indicators = b.objects.filter((o) => o.type === 'indicator');
    assert.ok(indicators.some((i) => i.pattern === `[file:hashes.'SHA-256' = '${r.fileHashes!['tailwind.config.js']}']`));
    for (const ioc of r.iocs.filter((i) => i.type === 'url')) assert.ok(indicators.some((i) => i.pattern === `[url:value = '${ioc.value.replace(/'/g, "\\'")}']`), ioc.value);
    const rels = b.objects.filter((o) => o.type === 'relationship');
    assert.equal(rels.length, indicators.length);
    const file = b.objects.find((o) => o.type === 'file' && (o as { name?: string }).name === 'tailwind.config.js')!;
    assert.ok(file);
    // SCO ids follow the spec: uuidv5 in the STIX namespace over the canonical id-contributing properties.
    assert.equal(file.id, `file--${uuidv5(JSON.stringify({ hashes: { 'SHA-256': r.fileHashes!['tailwind.config.js'] }, name: 'tailwind.config.js' }), STIX_SCO_NAMESPACE)}`);
  });

  it('uuidv5 matches the RFC 4122 vector', () => {
    assert.equal(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('ids are deterministic: a re-scan gives the same ids; only timestamps move', async () => {
    const a = toStix(await scan(EXAMPLE), { timestamp: T0 });
    const b = toStix(await scan(EXAMPLE), { timestamp: new Date('2027-01-01T00:00:00.000Z') });
    assert.deepEqual(
      a.objects.map((o) => o.id),
      b.objects.map((o) => o.id),
    );
    assert.equal(a.id, b.id);
  });

  it('a clean empty scan is still a valid bundle (no malware object)', async () => {
    const b = toStix(await scan(emptyDir()), { timestamp: T0 });
    validateBundle(b);
    assert.ok(!b.objects.some((o) => o.type === 'malware'));
  });

  it('patterns for url, domain, IPv4, IPv6, e-mail and hashes; quotes escaped; paths and wallet ids left out', () => {
    assert.equal(iocPattern({ type: 'url', value: "http://x/a'b\\c" }), "[url:value = 'http://x/a\\'b\\\\c']");
    assert.equal(iocPattern({ type: 'domain', value: 'Evil.Example' }), "[domain-name:value = 'evil.example']");
    assert.equal(iocPattern({ type: 'ip', value: '203.0.113.7' }), "[ipv4-addr:value = '203.0.113.7']");
    assert.equal(iocPattern({ type: 'ip', value: '2001:db8::1' }), "[ipv6-addr:value = '2001:db8::1']");
    assert.equal(iocPattern({ type: 'ip', value: 'not-an-ip' }), undefined);
    assert.equal(iocPattern({ type: 'email', value: 'a@b.c' }), "[email-addr:value = 'a@b.c']");
    assert.equal(iocPattern({ type: 'hash', value: 'A'.repeat(64) }), `[file:hashes.'SHA-256' = '${'a'.repeat(64)}']`);
    assert.equal(iocPattern({ type: 'hash', value: 'b'.repeat(32) }), `[file:hashes.'MD5' = '${'b'.repeat(32)}']`);
    assert.equal(iocPattern({ type: 'path', value: '~/.ssh/id_rsa' }), undefined);
    assert.equal(iocPattern({ type: 'wallet-extension', value: 'nkbihfbeogaeaoehlefnkodbefgpgknn' }), undefined);
  });

  it('hostile IOC values stay valid patterns', async () => {
    validateBundle(toStix(await hostileReport(), { timestamp: T0 }));
  });
});

describe('CSV export', () => {
  it('type,value,file,line,rule with one row per IOC and a sha256 row per file with findings', async () => {
    const r = await scan(EXAMPLE);
    const csv = renderCsv(r);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'type,value,file,line,rule');
    for (const i of r.iocs) assert.ok(lines.some((l) => l.startsWith(`${i.type},`) && l.includes(i.value)), i.value);
    assert.ok(lines.includes(`sha256,${r.fileHashes!['tailwind.config.js']},tailwind.config.js,,`));
  });
  it('quotes commas, quotes and newlines; defuses spreadsheet formulas', async () => {
    const base = await scan(emptyDir());
    const csv = renderCsv({
      ...base,
      iocs: [
        { type: 'url', value: 'http://x/a,b"c', file: 'a\nb.js', line: 3 },
        { type: 'domain', value: '=HYPERLINK("http://evil")', file: '+x', line: 1 },
      ],
    });
    const lines = csv.split('\r\n');
    assert.equal(lines[1], 'url,"http://x/a,b""c","a\nb.js",3,');
    assert.equal(lines[2], `domain,"'=HYPERLINK(""http://evil"")",'+x,1,`);
  });
});
