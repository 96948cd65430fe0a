/** URL / host / IP helpers shared by the stealing, exfiltration and persistence rules. */
import type { IocType } from '../../core/finding.js';

export interface IocArg {
  type: IocType;
  value: string;
}

export const URL_RE = /\b(?:https?|wss?|ftp):\/\/[^\s'"`<>()\\]{3,}/gi;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIPv4(h: string): boolean {
  const m = IPV4.exec(h);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}

/** Loopback, private, link-local, CGNAT, unspecified, broadcast, documentation ranges: not a remote C2. */
export function isPublicIPv4(h: string): boolean {
  const m = IPV4.exec(h);
  if (!m) return false;
  const [a, b, c] = m.slice(1, 4).map(Number) as [number, number, number];
  if (m.slice(1).some((x) => Number(x) > 255)) return false;
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a === 192 && b === 0 && c === 2) return false;
  if (a === 198 && (b === 18 || b === 19 || (b === 51 && c === 100))) return false;
  if (a === 203 && b === 0 && c === 113) return false;
  return true;
}

export function isLocalHost(h: string): boolean {
  const x = h.toLowerCase();
  return x === 'localhost' || x.endsWith('.localhost') || x === '0.0.0.0' || x === '[::1]' || x === '::1' || x.endsWith('.local') ||
    x.endsWith('.test') || x.endsWith('.example') || x === 'example.com' || x.endsWith('.example.com') || x.endsWith('.invalid') ||
    (isIPv4(x) && !isPublicIPv4(x));
}

export interface ParsedUrl {
  url: string;
  host: string;
  port: string;
  path: string;
}

/** Every URL inside a string (lenient: obfuscated URLs may lack a scheme: `//1.2.3.4:1224/keys` is accepted too). */
export function urlsIn(s: string): ParsedUrl[] {
  const out: ParsedUrl[] = [];
  const re = /(?:\b(?:https?|wss?|ftp):)?\/\/([a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d{1,5}))?(\/[^\s'"`<>\\]*)?/gi;
  for (const m of s.matchAll(re)) {
    const host = m[1]!.toLowerCase();
    const hasScheme = m[0].includes(':/');
    if (!hasScheme && !isIPv4(host)) continue; // `//comment` lines are not URLs
    if (!host.includes('.') && !host.startsWith('[') && host !== 'localhost') continue;
    out.push({ url: m[0].slice(0, 300), host, port: m[2] ?? '', path: m[3] ?? '' });
    if (out.length > 50) break;
  }
  return out;
}

export function urlIocs(u: ParsedUrl): IocArg[] {
  const iocs: IocArg[] = [{ type: 'url', value: u.url }];
  iocs.push({ type: isIPv4(u.host) ? 'ip' : 'domain', value: u.host });
  return iocs;
}

export function dedupeIocs(iocs: IocArg[]): IocArg[] {
  const seen = new Set<string>();
  return iocs.filter((i) => {
    const k = `${i.type}\0${i.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function clip(s: string, n = 200): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
