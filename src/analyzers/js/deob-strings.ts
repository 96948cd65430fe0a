/**
 * What deobfuscated code reveals: the strings worth showing a user (URLs, IPs, module names, commands, browser and
 * wallet paths, wallet extension ids), and a small per-thread registry so `collectStrings` can hand the strings of a
 * deobfuscated file to every rule without decoding twice.
 */
import type { Ioc } from '../../core/finding.js';
import { collectStrings } from './collect-strings.js';
import { parseJs } from './parse.js';

export type InterestingKind = 'url' | 'ip' | 'module' | 'command' | 'browser' | 'wallet' | 'secret-path' | 'path';
export interface Interesting {
  kind: InterestingKind;
  value: string;
  ioc?: Omit<Ioc, 'file' | 'line'>;
}

const MODULES = new Set(['child_process', 'fs', 'os', 'path', 'request', 'axios', 'http', 'https', 'net', 'crypto', 'sqlite3', 'form-data', 'node-fetch', 'socket.io-client', 'node:child_process', 'node:fs', 'node:os', 'node:process']);
const COMMAND = /^(curl|wget|tar|python3?|pip3?|powershell|cmd(\.exe)?|bash|sh|npm|node|pbpaste|osascript|reg|schtasks|launchctl|systemctl|crontab)\b|\|\s*(sh|bash)\b/i;
const BROWSER = /Login Data|Local State|Web Data|Cookies|Local Extension Settings|User Data|Application Support\/(Google|BraveSoftware|Opera)|google-chrome|BraveSoftware|Brave-Browser|Firefox|\.ldb$/;
const SECRET = /id\.json|keychain|exodus|\.ssh|\.aws|\.env\b|mnemonic|seed|wallet|\.pyp|\.npl|\/pdown|p\.zip|solana/i;
const WALLET_ID = /^[a-p]{32}$/;
const IP = /^(?:[a-z]+:\/\/)?(\d{1,3}(?:\.\d{1,3}){3})(?::\d{2,5})?/;

export function interestingStrings(code: string): Interesting[] {
  const parsed = parseJs(code);
  if (!parsed.ast) return [];
  const seen = new Set<string>();
  const out: Interesting[] = [];
  for (const s of collectStrings({ ast: parsed.ast })) {
    const v = s.value.trim();
    if (v.length < 2 || v.length > 500 || seen.has(v)) continue;
    const hit = classify(v);
    if (!hit) continue;
    seen.add(v);
    out.push(hit);
    if (out.length >= 200) break;
  }
  return out;
}

function classify(v: string): Interesting | null {
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(v)) {
    const ip = IP.exec(v);
    return { kind: 'url', value: v, ioc: ip ? { type: 'url', value: v } : { type: 'url', value: v } };
  }
  const ip = IP.exec(v);
  if (ip && ip[0] === v && ip[1]!.split('.').every((o) => Number(o) <= 255)) return { kind: 'ip', value: v, ioc: { type: 'ip', value: ip[1]! } };
  if (WALLET_ID.test(v)) return { kind: 'wallet', value: v, ioc: { type: 'wallet-extension', value: v } };
  if (MODULES.has(v)) return { kind: 'module', value: v };
  if (BROWSER.test(v)) return { kind: 'browser', value: v, ioc: { type: 'path', value: v } };
  if (SECRET.test(v) && v.length < 120) return { kind: 'secret-path', value: v, ioc: { type: 'path', value: v } };
  if (COMMAND.test(v) && v.length < 300) return { kind: 'command', value: v };
  return null;
}

export { registerDeobfuscated, deobfuscatedOf } from './deob-registry.js';
