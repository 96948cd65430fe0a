/** Indicators in code or decoded text: URLs, raw IPs, webhook endpoints. */
import type { IocType } from '../../core/finding.js';

const URL_RE = /\b(?:https?|ftp|wss?):\/\/[^\s'"`<>()\\]{3,300}/gi;
const IP_RE = /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?::\d{2,5})?\b/g;

export interface FoundIoc {
  type: IocType;
  value: string;
}

/** Private, loopback, documentation and version-like addresses are not indicators. */
export function isPublicIp(ip: string): boolean {
  const p = ip.split(':')[0]!.split('.').map(Number);
  const [a, b] = p as [number, number];
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 192 && b === 168) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 169 && b === 254) return false;
  if ((a === 192 && b === 0) || (a === 198 && (b === 51 || b === 18 || b === 19)) || (a === 203 && b === 0)) return false;
  if (a === 255 || p.every((x) => x === p[0])) return false;
  return true;
}

export function extractIocs(text: string, limit = 20): FoundIoc[] {
  const out: FoundIoc[] = [];
  const seen = new Set<string>();
  const add = (type: IocType, value: string) => {
    const k = `${type}:${value}`;
    if (seen.has(k) || out.length >= limit) return;
    seen.add(k);
    out.push({ type, value });
  };
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,;:]+$/, '');
    if (/^https?:\/\/(localhost|127\.|0\.0\.0\.0|example\.(com|org))/i.test(url)) continue;
    add('url', url);
  }
  for (const m of text.matchAll(IP_RE)) if (isPublicIp(m[0])) add('ip', m[0]);
  return out;
}
