/** Worker-thread entry: analyses a batch of files with the registry's rules. Loaded by piscina, one per core. */
import { readFileForScan } from '../targets/read.js';
import { selectRules } from '../rules/index.js';
import { analyzeFileLoadingPython } from './analyze-file.js';
import { deobfuscationInput, prefetchDeobfuscation, pumpDeobfuscation, useDeobfuscatorPort } from '../analyzers/js/deobfuscate.js';
import type { BatchTask, BatchOutcome } from './pool.js';
import type { AnyRule } from '../core/rule.js';

let cachedKey = '';
let cachedRules = selectRules();

export default async function analyzeBatch(task: BatchTask): Promise<BatchOutcome[]> {
  const key = JSON.stringify(task.ruleSelection);
  if (key !== cachedKey) {
    cachedRules = selectRules(task.ruleSelection);
    cachedKey = key;
  }
  // Deobfuscation goes through the main thread's helper: its warm children serve every worker, and outlive this one.
  useDeobfuscatorPort(task.deob);
  try {
    // Read first (a batch is at most 4 MB), so the obfuscated files among them start decoding before analysis.
    const reads = task.files.map((f) => readFileForScan(f.abs, task.maxFileBytes));
    const deobRule = task.deob ? cachedRules.find((r) => r.id === 'obfuscator-io') : undefined;
    const ahead = deobRule ? prefetchObfuscated(task.files, reads, deobRule) : new Set<number>();
    // The files being decoded ahead are analysed last, so the worker analyses the rest of its batch meanwhile instead
    // of blocking on the first answer. The outcomes keep the batch's order.
    const order = [...task.files.keys()].sort((a, b) => Number(ahead.has(a)) - Number(ahead.has(b)));
    const outcomes: BatchOutcome[] = new Array(task.files.length);
    for (const i of order) {
      const f = task.files[i]!;
      const read = reads[i]!;
      reads[i] = undefined!;
      pumpDeobfuscation();
      if (!read.ok) outcomes[i] = { rel: f.rel, error: read.error };
      else outcomes[i] = { rel: f.rel, result: await analyzeFileLoadingPython(f.rel, read.bytes, cachedRules, { parseAsJs: f.parseAsJs, parseMaxBytes: task.parseMaxBytes }) };
    }
    return outcomes;
  } finally {
    useDeobfuscatorPort(undefined);
    task.deob?.close();
  }
}

/** How many of a batch's files may be queued to decode ahead of their turn (one at a time, in one warm child). */
const PREFETCH_MAX = 4;
const HEX_ID = Buffer.from('_0x');

/**
 * The obfuscator-io rule decodes each obfuscated, non-vendored file synchronously when it reaches it, so a batch's
 * obfuscated files decoded one after another with the worker blocked each time. They are queued ahead here (same text
 * as the rule will pass, same default options): the first starts decoding now, each next one as soon as the previous is
 * answered, in the same warm child, while the worker goes on analysing; the rule's call then collects the answer. A
 * file the rule would not decode is never sent: the rule's own appliesTo, its vendored branch, the same fingerprint.
 */
function prefetchObfuscated(files: BatchTask['files'], reads: ReturnType<typeof readFileForScan>[], rule: AnyRule): Set<number> {
  const sent = new Set<number>();
  for (let i = 0; i < files.length && sent.size < PREFETCH_MAX; i++) {
    const read = reads[i]!;
    if (!read.ok || Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).indexOf(HEX_ID) < 0) continue;
    const text = deobfuscationInput(files[i]!.rel, read.bytes, rule.appliesTo);
    if (text !== null && prefetchDeobfuscation(text)) sent.add(i);
  }
  return sent;
}
