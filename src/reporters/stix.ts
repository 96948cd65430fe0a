import { isIP } from 'node:net';
import type { Ioc } from '../core/finding.js';
import type { Report } from '../core/report.js';
import { iocRules } from './present.js';
import { uuidv5 } from './uuid.js';

/** STIX 2.1 §2.9: the namespace for deterministic Cyber-observable ids. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Our namespace for SDO/SRO ids: uuidv5 over the object's identifying content, so a re-scan gives the same ids. */
export const LURESCAN_NAMESPACE = '6b0f2a3e-4c1d-5e8f-9a7b-2c3d4e5f6a7b';

type StixObject = Record<string, unknown> & { type: string; id: string };

export interface StixOptions {
  /** created/modified/valid_from; ids do not depend on it. Default: now. */
  timestamp?: Date;
}

/**
 * A STIX 2.1 bundle for a SOC: one indicator per URL, domain, IPv4/IPv6, e-mail and hash IOC and per SHA-256 of a file
 * with findings; a malware object for the sample (unless it is clean) with its files as sample_refs; `indicates`
 * relationships; a report object that lists everything. Ids are deterministic (uuidv5 over content): re-scanning the
 * same sample yields the same objects, only their timestamps move (a new `modified` of the same object).
 */
export function renderStix(report: Report, opts: StixOptions = {}): string {
  return `${JSON.stringify(toStix(report, opts), null, 2)}\n`;
}

export function toStix(report: Report, opts: StixOptions = {}): { type: 'bundle'; id: string; objects: StixObject[] } {
  const ts = (opts.timestamp ?? new Date()).toISOString();
  const common = { spec_version: '2.1', created: ts, modified: ts };
  const identity: StixObject = {
    type: 'identity',
    id: `identity--${uuidv5('identity:lurescan', LURESCAN_NAMESPACE)}`,
    ...common,
    name: 'lurescan',
    identity_class: 'system',
    description: `lurescan ${report.tool.version}, a static scanner for fake-recruiter lure repositories`,
  };
  const by = { created_by_ref: identity.id };
  const objects: StixObject[] = [identity];
  const hashes = Object.entries(report.fileHashes ?? {}).sort(([a], [b]) => a.localeCompare(b));

  // Files of the sample that carry findings, as SCOs with the spec's deterministic ids (hashes + name).
  const files: StixObject[] = hashes.map(([path, sha256]) => {
    const name = path.slice(path.lastIndexOf('/') + 1) || path;
    const idProps = { hashes: { 'SHA-256': sha256 }, name };
    return { type: 'file', spec_version: '2.1', id: `file--${uuidv5(canonical(idProps), STIX_SCO_NAMESPACE)}`, ...idProps, x_lurescan_path: path };
  });

  const malwareKey = [...hashes.map(([, h]) => h)].sort().join(',') || report.target;
  const malware: StixObject | undefined =
    report.verdict === 'clean'
      ? undefined
      : {
          type: 'malware',
          id: `malware--${uuidv5(`malware:${malwareKey}`, LURESCAN_NAMESPACE)}`,
          ...common,
          ...by,
          name: `Suspected fake-recruiter lure: ${report.target}`,
          description: report.summary,
          is_family: false,
          malware_types: ['dropper', 'trojan'],
          confidence: report.score,
          labels: [report.verdict],
          ...(files.length ? { sample_refs: files.map((f) => f.id) } : {}),
        };

  const indicators: StixObject[] = [];
  const seen = new Set<string>();
  const addIndicator = (pattern: string, name: string, description: string) => {
    if (seen.has(pattern)) return;
    seen.add(pattern);
    indicators.push({
      type: 'indicator',
      id: `indicator--${uuidv5(`indicator:${pattern}`, LURESCAN_NAMESPACE)}`,
      ...common,
      ...by,
      name,
      description,
      indicator_types: [report.verdict === 'malicious' ? 'malicious-activity' : 'anomalous-activity'],
      pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: ts,
    });
  };
  const rulesOf = iocRules(report);
  const rulesFor = (i: Ioc) => rulesOf(i.type, i.value);
  for (const i of [...report.iocs].sort((a, b) => a.type.localeCompare(b.type) || a.value.localeCompare(b.value))) {
    const pattern = iocPattern(i);
    if (!pattern) continue;
    const rules = rulesFor(i);
    addIndicator(pattern, `${i.type} ${i.value}`.slice(0, 250), `Seen in ${i.file}:${i.line}${rules.length ? ` (${rules.join(', ')})` : ''}.`);
  }
  for (const [path, sha256] of hashes) addIndicator(`[file:hashes.'SHA-256' = '${sha256}']`, `SHA-256 of ${path}`.slice(0, 250), `A file of the sample that carries findings: ${path}.`);

  const relationships: StixObject[] = malware
    ? indicators.map((ind) => ({
        type: 'relationship',
        id: `relationship--${uuidv5(`relationship:${ind.id}:indicates:${malware.id}`, LURESCAN_NAMESPACE)}`,
        ...common,
        ...by,
        relationship_type: 'indicates',
        source_ref: ind.id,
        target_ref: malware.id,
      }))
    : [];

  objects.push(...files, ...(malware ? [malware] : []), ...indicators, ...relationships);
  const reportObj: StixObject = {
    type: 'report',
    id: `report--${uuidv5(`report:${malwareKey}:${indicators.map((i) => i.id).join(',')}`, LURESCAN_NAMESPACE)}`,
    ...common,
    ...by,
    name: `lurescan: ${report.verdict} (score ${report.score}/100) — ${report.target}`,
    description: report.summary,
    published: ts,
    report_types: malware ? ['malware', 'indicator'] : ['indicator'],
    object_refs: objects.filter((o) => o.type !== 'identity').map((o) => o.id).concat(objects.length === 1 ? [identity.id] : []),
  };
  objects.push(reportObj);
  const bundleId = `bundle--${uuidv5(`bundle:${objects.map((o) => o.id).join(',')}`, LURESCAN_NAMESPACE)}`;
  return { type: 'bundle', id: bundleId, objects };
}

/** A STIX patterning expression for one IOC, or undefined for IOC kinds that are not network/file observables. */
export function iocPattern(i: Pick<Ioc, 'type' | 'value'>): string | undefined {
  const v = i.value.trim();
  if (!v) return undefined;
  switch (i.type) {
    case 'url':
      return `[url:value = '${lit(v)}']`;
    case 'domain':
      return `[domain-name:value = '${lit(v.toLowerCase())}']`;
    case 'ip': {
      const kind = isIP(v.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
      const bare = v.replace(/^\[|\]$/g, '');
      if (kind === 4) return `[ipv4-addr:value = '${lit(bare)}']`;
      if (kind === 6) return `[ipv6-addr:value = '${lit(bare)}']`;
      return undefined;
    }
    case 'email':
      return `[email-addr:value = '${lit(v)}']`;
    case 'hash': {
      const h = v.toLowerCase();
      const algo = /^[0-9a-f]{64}$/.test(h) ? 'SHA-256' : /^[0-9a-f]{40}$/.test(h) ? 'SHA-1' : /^[0-9a-f]{32}$/.test(h) ? 'MD5' : /^[0-9a-f]{128}$/.test(h) ? 'SHA-512' : undefined;
      return algo ? `[file:hashes.'${algo}' = '${h}']` : undefined;
    }
    default:
      // 'path' and 'wallet-extension' describe what a stealer reads on the victim, not an observable of the sample.
      return undefined;
  }
}

/** A STIX pattern string literal: backslash and quote escaped. */
function lit(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

/** JSON with sorted keys and no whitespace (RFC 8785 for the plain strings and objects used in id properties). */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}
