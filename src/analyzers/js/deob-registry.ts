/** Per-thread memory of which file texts the obfuscator-io rule deobfuscated (read by collectStrings). */
interface Registered {
  code: string;
  at: number;
}
const registry = new Map<string, Registered>();
const MAX_REGISTERED = 8;

/** Remembers that `text` deobfuscates to `code` (the obfuscator-io rule calls this; `collectStrings` reads it). */
export function registerDeobfuscated(text: string, code: string, at: number): void {
  if (registry.size >= MAX_REGISTERED) registry.delete(registry.keys().next().value!);
  registry.set(text, { code, at });
}

/** The deobfuscated code of `text`, if the obfuscator-io rule decoded it in this thread. Never decodes by itself. */
export function deobfuscatedOf(text: string): Registered | null {
  return registry.get(text) ?? null;
}
