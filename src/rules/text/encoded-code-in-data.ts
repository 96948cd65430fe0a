import { defineRule } from '../../core/rule.js';
import { printableRatio } from './_invisible.js';
import { urlIocs, type IocArg } from '../execution/_exec.js';

/**
 * Data and configuration files: what a loader reads with `require('../package.json').field`, `fs.readFileSync` or
 * `JSON.parse`, so the code itself never shows the payload. Notebooks (base64 images in outputs) and source maps
 * (base64 VLQ mappings) are not data of this kind and are left out.
 */
const DATA_EXT = new Set(['.json', '.jsonc', '.json5', '.yml', '.yaml', '.toml', '.ini', '.cfg', '.conf', '.properties', '.env', '.txt', '.csv', '.xml', '.plist', '.lock']);
const DATA_NAME = /(?:^|\/)\.env(?:\.[\w.-]+)?$|(?:^|\/)\.[\w-]+rc$/;
/**
 * Source files of languages no AST rule reads (a Go init(), a Rust build.rs, a Gradle script, a C# or C++ build
 * helper): an encoded command in one is as telling as in a data file, and nothing else would decode it.
 */
const UNPARSED_SOURCE_EXT = new Set(['.go', '.rs', '.java', '.kt', '.kts', '.gradle', '.groovy', '.scala', '.cs', '.fs', '.vb', '.c', '.cc', '.cpp', '.cxx', '.h', '.hpp', '.m', '.mm', '.swift', '.rb', '.php', '.pl', '.lua', '.dart', '.zig', '.nim', '.cr', '.ex', '.exs', '.vcxproj', '.csproj', '.props', '.targets']);

/** An encoded run: base64 (standard or URL-safe, 40+ characters) or hex (40+ digits). */
const TOKEN = /[A-Za-z0-9+/_-]{40,}={0,2}/g;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+={0,2}$/;
/** Bounds: a lockfile holds thousands of integrity hashes (binary once decoded, rejected on a 48-character probe). */
const MAX_TOKENS = 20_000;
const MAX_DECODE = 256 * 1024;
const MAX_FINDINGS = 5;

/** What decoded text does, strongest first: the reason a data file has no business holding it. */
const DOES: Array<[RegExp, string]> = [
  [/\b(?:curl|wget)\b[^\n|]{0,300}\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^\n]{0,300}\|\s*(?:iex|Invoke-Expression)\b/i, 'downloads a script and pipes it into a shell'],
  [/child_process|\b(?:execSync|spawnSync|execFileSync|execFile)\s*\(|\b(?:exec|spawn)\s*\(\s*['"`]|\bos\.(?:system|popen)\s*\(|\bsubprocess\.(?:run|call|Popen|check_output|check_call)\b|\bpowershell(?:\.exe)?\s+-|\bcmd(?:\.exe)?\s+\/[ck]\b|\b(?:ba|z)?sh\s+-c\s/i, 'starts a process'],
  [/(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(|\bvm\.runIn\w*Context\s*\(|\bexec\s*\(\s*(?:compile|base64|zlib|marshal|__import__|bytes\.fromhex|codecs)|\b__import__\s*\(\s*['"](?:os|subprocess|base64|zlib)['"]/, 'evaluates code'],
];

/** `hex`: whether the token is hex (HEX), when the caller already knows. */
function decode(token: string, hex = HEX.test(token)): string | null {
  if (hex) return Buffer.from(token, 'hex').toString('utf8');
  if (!BASE64.test(token)) return null;
  return Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** Decoded text that reads as text (code, a command), not binary (a hash, an image, a key). */
const readable = (s: string) => s.length >= 16 && printableRatio(s) >= 0.95;

export default defineRule({
  id: 'encoded-code-in-data',
  meta: {
    kind: 'threat',
    category: 'hidden-code',
    severity: 'high',
    confidence: 'high',
    summary: 'A data or config file (package.json, .json, .yml, .env, .txt …), or source in a language no AST rule reads (Go, Rust, Java/Kotlin, C#, C/C++ …), holds base64 or hex that decodes to code that runs commands or evaluates code',
    why: 'Loaders keep their payload out of the code: a field of package.json or a "checksum" in a config file holds the stealer or the `curl … | sh` command base64-encoded, and one innocuous line (`eval(Buffer.from(require("../package.json").meta.x, "base64").toString())`) runs it. Neither file looks malicious alone. Configuration has no reason to carry encoded commands.',
    fix: 'Do not run the project. Read the decoded value shown here, then find the code that reads this file and field (require/readFile/JSON.parse of it) and decodes it.',
    falsePositives:
      'Integrity hashes, keys, certificates, images and other binary data decode to binary and are ignored; so do JWTs and base64 of plain text or data (a decoded value must read as text and contain a process launch, a download piped into a shell, or eval/new Function). Notebooks and source maps are not read by this rule.',
    references: ['https://attack.mitre.org/techniques/T1027/', 'https://attack.mitre.org/techniques/T1140/', 'CWE-506'],
    status: 'preview',
  },
  input: 'file',
  prefilter: /[A-Za-z0-9+/_-]{40}/,
  appliesTo: (f) => f.isText && (DATA_EXT.has(f.ext) || DATA_NAME.test(f.path) || UNPARSED_SOURCE_EXT.has(f.ext)),
  check(ctx, file) {
    const text = file.text!;
    let tokens = 0;
    let reported = 0;
    for (const m of text.matchAll(TOKEN)) {
      if (++tokens > MAX_TOKENS || reported >= MAX_FINDINGS) break;
      const token = m[0];
      const hex = HEX.test(token);
      // Probe the head first: binary (hashes, images) is rejected without decoding the whole run.
      const head = decode(token.slice(0, hex ? 48 : 64).replace(/=+$/, ''), hex);
      if (head === null || !readable(head)) continue;
      let decoded = decode(token.slice(0, MAX_DECODE), hex);
      if (decoded === null || !readable(decoded)) continue;
      // One more layer: base64 of base64 is a common wrapper.
      const inner = /^\s*([A-Za-z0-9+/_-]{40,}={0,2})\s*$/.exec(decoded);
      if (inner) {
        const again = decode(inner[1]!);
        if (again !== null && readable(again)) decoded = again;
      }
      const does = DOES.find(([re]) => re.test(decoded!));
      if (!does) continue;
      reported++;
      const iocs: IocArg[] = [...decoded.matchAll(/\bhttps?:\/\/[^\s'"`<>)\]};|]+/g)].slice(0, 5).flatMap((u) => urlIocs(u[0]));
      ctx.report({
        at: { offset: m.index!, length: Math.min(token.length, 200) },
        message: `${hex ? 'Hex' : 'Base64'} in a data file decodes to code that ${does[1]}`,
        evidence: token.length > 200 ? `${token.slice(0, 200)}…` : token,
        decoded: decoded.slice(0, 2000),
        ...(iocs.length ? { iocs } : {}),
      });
    }
  },
});
