/** Worker-thread entry: analyses a batch of files with the registry's rules. Loaded by piscina, one per core. */
import { readFileForScan } from '../targets/read.js';
import { selectRules } from '../rules/index.js';
import { analyzeFile, type FileResult } from './analyze-file.js';
import { prefetchDeobfuscation, pumpDeobfuscation, useDeobfuscatorPort } from '../analyzers/js/deobfuscate.js';
import { computeFacts, decodeText, isBinary } from '../analyzers/file-facts.js';
import { obfuscatorFingerprint } from '../analyzers/js/obfuscation.js';
import type { BatchTask, BatchOutcome } from './pool.js';
import type { AnyRule } from '../core/rule.js';

let cachedKey = '';
let cachedRules = selectRules();

export default function analyzeBatch(task: BatchTask): BatchOutcome[] {
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
    if (deobRule) prefetchObfuscated(task.files, reads, deobRule);
    return task.files.map((f, i): BatchOutcome => {
      const read = reads[i]!;
      reads[i] = undefined!;
      pumpDeobfuscation();
      if (!read.ok) return { rel: f.rel, error: read.error };
      const result: FileResult = analyzeFile(f.rel, read.bytes, cachedRules, { parseAsJs: f.parseAsJs, parseMaxBytes: task.parseMaxBytes });
      return { rel: f.rel, result };
    });
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
function prefetchObfuscated(files: BatchTask['files'], reads: ReturnType<typeof readFileForScan>[], rule: AnyRule): void {
  let sent = 0;
  for (let i = 0; i < files.length && sent < PREFETCH_MAX; i++) {
    const read = reads[i]!;
    if (!read.ok || Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).indexOf(HEX_ID) < 0) continue;
    if (isBinary(read.bytes)) continue;
    const text = decodeText(read.bytes).text;
    const facts = computeFacts(files[i]!.rel, read.bytes, text);
    if (facts.vendored || (rule.appliesTo && !rule.appliesTo(facts))) continue;
    if (!obfuscatorFingerprint(text).matched) continue;
    if (prefetchDeobfuscation(text)) sent++;
  }
}
