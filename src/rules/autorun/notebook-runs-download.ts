import { defineRule } from '../../core/rule.js';
import { downloadToShell, urlIocs } from './_shapes.js';

const MAX_NOTEBOOK = 20_000_000;
/** Python in a cell that executes downloaded or encoded code. */
const PY_EXEC = /\bexec\s*\(\s*(?:[\w.]*b64decode|[\w.]*urlopen|requests\.get|bytes\.fromhex|[\w.]*decompress|codecs\.decode)\b/;

/** Code cells of a notebook, each as its source text (JSON `source` is a string or a list of lines). */
function codeCells(text: string): string[] {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch {
    return [];
  }
  const cells = (nb as { cells?: unknown })?.cells;
  if (!Array.isArray(cells)) return [];
  return cells
    .filter((c) => c && typeof c === 'object' && (c as { cell_type?: unknown }).cell_type === 'code')
    .map((c) => {
      const src = (c as { source?: unknown }).source;
      return Array.isArray(src) ? src.filter((x) => typeof x === 'string').join('') : typeof src === 'string' ? src : '';
    });
}

export default defineRule({
  id: 'notebook-runs-download',
  meta: {
    kind: 'threat',
    category: 'autorun',
    severity: 'high',
    confidence: 'high',
    summary: 'A Jupyter notebook cell pipes a download into a shell (!curl … | bash) or execs downloaded/encoded Python',
    why: 'Data-science take-home tests arrive as notebooks with "Run All" in the instructions: a `!curl … | bash` shell escape or an `exec(base64.b64decode(…))` cell runs on the candidate\'s machine like any install script.',
    fix: 'Do not run the notebook. Read every cell that starts with `!` or `%%bash`, and every exec/eval.',
    falsePositives: '`!pip install`, `!wget data.csv` and other downloads that are not executed are not reported.',
    references: ['https://attack.mitre.org/techniques/T1059/006/', 'CWE-494'],
    status: 'stable',
  },
  input: 'file',
  prefilter: /"cell_type"/,
  appliesTo: (f) => f.isText && f.path.endsWith('.ipynb'),
  check(ctx, file) {
    const text = file.text!;
    if (text.length > MAX_NOTEBOOK) return;
    let n = 0;
    for (const src of codeCells(text)) {
      const shellCell = /^\s*%%(?:bash|sh|script\s+(?:ba)?sh)\b/.test(src);
      for (const line of src.split('\n')) {
        const t = line.trim();
        const shell = shellCell ? t : t.startsWith('!') ? t.slice(1) : /^%(?:sx|system)\s/.test(t) ? t.replace(/^%\w+\s+/, '') : null;
        const hit = shell !== null ? downloadToShell(shell) : null;
        const py = !hit && shell === null && PY_EXEC.test(t);
        if (!hit && !py) continue;
        const probe = JSON.stringify(t).slice(1, -1).slice(0, 40);
        const at = text.indexOf(probe);
        ctx.report({
          at: at >= 0 ? { offset: at, length: Math.min(probe.length, 400) } : { line: 1 },
          message: hit ? `A notebook cell ${hit.what}: it runs when the cell (or Run All) is executed` : 'A notebook cell executes downloaded or encoded Python: it runs when the cell (or Run All) is executed',
          evidence: (hit?.evidence ?? t).slice(0, 300),
          ...(hit?.decoded ? { decoded: hit.decoded } : {}),
          severity: 'high',
          confidence: 'high',
          iocs: urlIocs(hit?.evidence ?? t),
        });
        if (++n >= 5) return;
      }
    }
  },
});
