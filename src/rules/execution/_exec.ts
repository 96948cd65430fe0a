/** Helpers shared by the execution rules: describing a sink's code argument and its network origin for a finding. */
import type { Ioc } from '../../core/finding.js';
import { foldString } from '../../analyzers/js/fold.js';
import { describeUrl, type Origin } from '../../analyzers/js/flow.js';
import type { Node } from '../../analyzers/js/walk.js';
import { embeddedScripts } from '../../analyzers/js/embedded.js';

export type IocArg = Omit<Ioc, 'file' | 'line'> & { line?: number };

/** 'https://x.io/a' → url + domain (or ip) IOCs. */
export function urlIocs(url: string | undefined): IocArg[] {
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return [];
  const out: IocArg[] = [{ type: 'url', value: url }];
  try {
    const host = new URL(url).hostname;
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':')) out.push({ type: 'ip', value: host });
    else if (host) out.push({ type: 'domain', value: host });
  } catch {
    /* not a parseable URL: the url IOC alone */
  }
  return out;
}

export interface SourceText {
  /** 'axios.get(https://x/y)' or 'axios.get(URL from env DEV_API_KEY, base64-decoded)'. */
  text: string;
  url?: string;
  envVars?: string[];
  /** Whether the URL points somewhere other than this origin (absolute, not localhost). */
  external: boolean;
  relative: boolean;
}

/** Describes a network origin for a message: which call, which URL (folded), or which env var the URL comes from. */
export function describeSource(o: Origin, ast: Node): SourceText {
  const d = describeUrl(o.url ?? null, ast);
  let where = '';
  if (d.url) where = d.url;
  else if (d.envVars?.length) where = `URL from env ${d.envVars.join(', ')}${d.decoded ? ' (base64-decoded)' : ''}`;
  const local = d.url ? /^[a-z]+:\/\/(localhost|127\.|0\.0\.0\.0|\[::1\])/i.test(d.url) : false;
  const relative = d.url !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(d.url) && !d.url.startsWith('//');
  const external = d.envVars?.length ? true : d.url !== undefined && !relative && !local;
  return { text: where ? `${o.label}(${where})` : o.label, ...(d.url ? { url: d.url } : {}), ...(d.envVars ? { envVars: d.envVars } : {}), external, relative };
}

/** The decoded code a sink runs, when the argument folds (shown in `decoded`). */
export function foldedCode(code: Node | null, ast: Node): { value: string; decoded: boolean } | null {
  if (!code) return null;
  const r = foldString(code, ast, { maxSteps: 50_000 });
  return r ? { value: r.value, decoded: r.decoded } : null;
}

/** Whether a node is a plain string literal (or template without expressions). */
export function isLiteralString(n: Node | null | undefined): boolean {
  if (!n) return false;
  if (n.type === 'Literal') return typeof n.value === 'string';
  return n.type === 'TemplateLiteral' && n.expressions.length === 0;
}

/** The file's own AST plus the scripts embedded in its long string literals (same offsets as the file). */
export function astUnits(js: { ast: Node; text: string }): Array<{ ast: Node; embedded: boolean }> {
  return [{ ast: js.ast, embedded: false }, ...embeddedScripts(js).map((ast) => ({ ast, embedded: true }))];
}
export const EMBEDDED_PREFIX = 'In a script embedded in a string literal: ';
