/** Does a text look like a program, in which language, and does it reach for dangerous capabilities? Heuristic, bounded. */

export type CodeLang = 'javascript' | 'shell' | 'batch' | 'powershell' | 'python' | 'vbscript';

export interface CodeSniff {
  lang: CodeLang;
  /** Distinct indicators of that language that matched. */
  hits: string[];
  /** Dangerous capabilities named in the text (process spawning, network, dynamic code). */
  danger: string[];
}

const SAMPLE = 64 * 1024;

const LANGS: Array<{ lang: CodeLang; min: number; tests: Array<[string, RegExp]> }> = [
  {
    lang: 'javascript',
    min: 3,
    tests: [
      ['require()', /\brequire\s*\(\s*['"`]/],
      ['module.exports', /\bmodule\.exports\b|\bexports\.\w+\s*=/],
      ['import', /^\s*import\s+(?:[\w{*]|['"])/m],
      ['const/let/var', /(?:^|[;{}\s])(?:const|let|var)\s+[\w$[{]/],
      ['function', /\bfunction\s*[\w$]*\s*\(/],
      ['arrow function', /\)\s*=>|\b\w+\s*=>\s*[{(\w]/],
      ['process.*', /\bprocess\.(?:env|platform|argv|exit|cwd)\b/],
      ['console.*', /\bconsole\.(?:log|error)\s*\(/],
      ['async/await', /\basync\s+(?:function|\()|\bawait\s+[\w$]/],
      ['obfuscator', /_0x[0-9a-f]{4,}|var _\$_[0-9a-f]{4}|while\s*\(\s*!!\s*\[\s*\]\s*\)/],
      ['global[...]', /\bglobal\s*\[\s*['"]/],
    ],
  },
  {
    lang: 'shell',
    min: 2,
    tests: [
      ['shebang', /^#!\s*\/(?:usr\/)?bin\/(?:env\s+)?(?:ba|z|da|k)?sh\b/],
      ['commands', /^\s*(?:curl|wget|chmod|mkdir|unzip|tar|nohup|export|rm\s+-[rf])\s/m],
      ['if/fi', /^\s*if\s+\[.*\];?\s*(?:then)?\s*$/m],
      ['variables', /\$\{?[A-Z_]{3,}\}?/],
    ],
  },
  {
    lang: 'batch',
    min: 2,
    tests: [
      ['@echo off', /^\s*@echo\s+off\b/im],
      ['set', /^\s*set\s+"?\w+=/im],
      ['REM', /^\s*REM\s/im],
      ['%VAR%', /%[A-Z_]{3,}%/i],
      ['if exist/goto', /^\s*(?:if\s+(?:not\s+)?exist|goto\s+\w|call\s+:?\w)/im],
    ],
  },
  {
    lang: 'powershell',
    min: 2,
    tests: [
      ['cmdlets', /\b(?:Invoke-(?:WebRequest|Expression|RestMethod)|Start-Process|New-Object|Get-ChildItem|Set-ExecutionPolicy|Expand-Archive)\b/i],
      ['$env:', /\$env:\w+/i],
      ['$variables', /\$[A-Za-z_]\w*\s*=/],
      ['WebClient', /Net\.WebClient|DownloadString|DownloadFile/i],
    ],
  },
  {
    lang: 'python',
    min: 2,
    tests: [
      ['import', /^\s*(?:import\s+[\w.]+|from\s+[\w.]+\s+import\s)/m],
      ['def', /^\s*def\s+\w+\s*\(.*\)\s*:/m],
      ['if __name__', /if\s+__name__\s*==/],
      ['exec/compile', /\bexec\s*\(|\bcompile\s*\(/],
      ['shebang', /^#!.*python/],
    ],
  },
  {
    lang: 'vbscript',
    min: 2,
    tests: [
      ['CreateObject', /\bCreateObject\s*\(/i],
      ['Dim', /^\s*Dim\s+\w/im],
      ['WScript', /\bWScript\.\w+/i],
    ],
  },
];

const DANGER: Array<[string, RegExp]> = [
  ['child_process', /child_process|\bexecSync\b|\bspawnSync?\s*\(|\bexecFile\b/],
  ['exec', /(?<![\w$.])exec\s*\(|\.exec\s*\(\s*['"`]|os\.system|subprocess|Start-Process|WScript\.Shell|\bcmd(?:\.exe)?\s+\/c\b/i],
  ['eval/Function', /(?<![\w$.])(?:eval|Function)\s*\(|\.constructor\s*\(|Invoke-Expression|\bIEX\b/],
  ['require()', /(?<![\w$.])require\s*\(/],
  ['network', /\bfetch\s*\(|\baxios\b|\bhttps?\.(?:get|request)\b|XMLHttpRequest|\bcurl\s|\bwget\s|Invoke-WebRequest|Invoke-RestMethod|DownloadString|DownloadFile|urllib|requests\.(?:get|post)|\bsocket\b|https?:\/\//i],
  ['file writes', /writeFileSync|createWriteStream|\bchmod\s|Out-File|>\s*%TEMP%/i],
];

/** Returns a language when the text is clearly a program; null for prose, data, markup, empty files. */
export function sniffCode(text: string): CodeSniff | null {
  const t = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (!t.trim()) return null;
  if (/^version https:\/\/git-lfs\.github\.com\/spec\//.test(t)) return null; // Git LFS pointer
  if (/^\s*<(?:\?xml|svg|!doctype|html)\b/i.test(t)) return null; // markup mislabelled as an image
  let best: CodeSniff | null = null;
  for (const { lang, min, tests } of LANGS) {
    const hits = tests.filter(([, re]) => re.test(t)).map(([name]) => name);
    const strong = (lang === 'shell' || lang === 'python') && hits.includes('shebang') || (lang === 'batch' && hits.includes('@echo off')) || hits.includes('obfuscator');
    if ((hits.length >= min || strong) && (!best || hits.length > best.hits.length)) best = { lang, hits, danger: [] };
  }
  if (best) best.danger = DANGER.filter(([, re]) => re.test(t)).map(([name]) => name);
  return best;
}
