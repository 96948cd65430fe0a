/** Worker-thread entry: analyses a batch of files with the registry's rules. Loaded by piscina, one per core. */
import { readFileForScan } from '../targets/read.js';
import { selectRules } from '../rules/index.js';
import { analyzeFile, type FileResult } from './analyze-file.js';
import { useDeobfuscatorPort } from '../analyzers/js/deobfuscate.js';
import type { BatchTask, BatchOutcome } from './pool.js';

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
    return task.files.map((f): BatchOutcome => {
      const read = readFileForScan(f.abs, task.maxFileBytes);
      if (!read.ok) return { rel: f.rel, error: read.error };
      const result: FileResult = analyzeFile(f.rel, read.bytes, cachedRules, { parseAsJs: f.parseAsJs, parseMaxBytes: task.parseMaxBytes });
      return { rel: f.rel, result };
    });
  } finally {
    useDeobfuscatorPort(undefined);
    task.deob?.close();
  }
}
