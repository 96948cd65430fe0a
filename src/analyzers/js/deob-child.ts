/**
 * Child process entry for deobfuscate.ts: stdin = obfuscated code, stdout = JSON { ok, code } | { ok, error }.
 * webcrack evaluates the sample's string decoders inside isolated-vm (its default Node sandbox); this process exists
 * so a crash, a runaway transform or memory blow-up kills only the child.
 */
import { readFileSync } from 'node:fs';

// Resolved at runtime: webcrack is an optional dependency.
const MODULE = 'webcrack';

async function main(): Promise<void> {
  const input = readFileSync(0, 'utf8');
  try {
    const { webcrack } = (await import(MODULE)) as {
      webcrack: (code: string, opts: Record<string, unknown>) => Promise<{ code: string }>;
    };
    const result = await webcrack(input, { unpack: false, deobfuscate: true, unminify: true, jsx: false, mangle: false });
    process.stdout.write(JSON.stringify({ ok: true, code: result.code }));
  } catch (e) {
    process.stdout.write(JSON.stringify({ ok: false, error: String((e as Error)?.message ?? e).slice(0, 500) }));
  }
}

void main().then(() => process.exit(0));
