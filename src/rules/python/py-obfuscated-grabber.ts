import { defineRule } from '../../core/rule.js';
import { pep503 } from '../../analyzers/manifest/pypi.js';
import { clip, PY_OBFUSCATORS } from './_util.js';

/**
 * What a Python "grabber" kit needs, by PyPI name (PEP 503 form): a chat channel to send the loot, and tools to take it.
 * Each of these is common alone (psutil, pycryptodome); the set around code nobody can read is the kit.
 */
const KIT: Record<string, string> = {
  dhooks: 'channel',
  'discord-webhook': 'channel',
  'discord-webhooks': 'channel',
  discordwebhook: 'channel',
  'pytelegrambotapi': 'channel',
  'python-telegram-bot': 'channel',
  telebot: 'channel',
  mss: 'screenshots',
  pyautogui: 'screenshots',
  pyscreenshot: 'screenshots',
  'opencv-python': 'webcam',
  pycryptodome: 'browser secrets',
  pycryptodomex: 'browser secrets',
  pywin32: 'browser secrets',
  pypiwin32: 'browser secrets',
  'browser-cookie3': 'browser secrets',
  psutil: 'host recon',
  wmi: 'host recon',
  getmac: 'host recon',
  gputil: 'host recon',
  'py-cpuinfo': 'host recon',
  pynput: 'keystrokes',
  keyboard: 'keystrokes',
  pyperclip: 'clipboard',
};

const MANIFEST = /(?:^|\/)(?:setup\.py|setup\.cfg|pyproject\.toml|requires\.txt|PKG-INFO|METADATA|[\w.-]*requirements[\w.-]*\.txt)$/;
const MAX_MANIFESTS = 40;
const MAX_PY_FILES = 400;

/** Requirement names declared by one manifest (setup.py install_requires, requires.txt, Requires-Dist, pyproject, requirements). */
function declared(path: string, text: string): string[] {
  const names: string[] = [];
  const add = (req: string) => {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req);
    if (m) names.push(pep503(m[1]!));
  };
  if (/\.py$/.test(path)) {
    const m = /install_requires\s*=\s*\[([^\]]{0,4000})\]/.exec(text);
    if (m) for (const q of m[1]!.matchAll(/['"]([^'"\n]{1,200})['"]/g)) add(q[1]!);
  } else if (/\.toml$/.test(path)) {
    const m = /\bdependencies\s*=\s*\[([^\]]{0,4000})\]/.exec(text);
    if (m) for (const q of m[1]!.matchAll(/['"]([^'"\n]{1,200})['"]/g)) add(q[1]!);
  } else if (/\.cfg$/.test(path)) {
    const m = /\binstall_requires\s*=\s*\n((?:[ \t]+\S[^\n]*\n?){1,200})/.exec(text);
    if (m) for (const line of m[1]!.split('\n')) add(line);
  } else if (/(?:PKG-INFO|METADATA)$/.test(path)) {
    for (const m of text.slice(0, 200_000).matchAll(/^Requires-Dist:\s*([^\n]+)/gm)) add(m[1]!);
  } else {
    for (const line of text.slice(0, 200_000).split('\n')) {
      if (/^\s*\[/.test(line)) break; // requires.txt: extras sections follow the base requirements
      if (!/^\s*(?:#|-)/.test(line)) add(line);
    }
  }
  return names;
}

export default defineRule({
  id: 'py-obfuscated-grabber',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'critical',
    confidence: 'high',
    summary: 'A Python package whose code is hidden by an obfuscator (PyArmor, BlankOBF …) and whose dependencies are a grabber kit (a Discord/Telegram channel plus screenshot, browser-secret, recon or keystroke tools)',
    why: 'Discord/Telegram "grabbers" published to PyPI ship their code obfuscated so it cannot be read, and declare what they need to steal and send: dhooks or a Telegram client for the channel, mss/pyautogui for screenshots, pycryptodome/pywin32 to decrypt browser passwords and cookies, psutil/wmi for host details. Each dependency is common alone; together around unreadable code they are the kit.',
    fix: 'Do not install it. If it was installed, treat browser passwords, cookies and Discord tokens of that machine as stolen.',
    falsePositives: 'Needs both: an obfuscated Python file in the package, and a chat channel dependency with at least two of the other tool groups. A readable Discord bot with the same dependencies is not reported.',
    references: ['https://attack.mitre.org/techniques/T1555/003/', 'https://attack.mitre.org/techniques/T1027/002/', 'https://blog.phylum.io/tag/pypi/'],
    status: 'preview',
  },
  input: 'project',
  check(ctx, view) {
    const groups = new Map<string, Set<string>>();
    let manifests = 0;
    for (const f of view.files) {
      if (!MANIFEST.test(f.path) || /(?:^|\/)node_modules\//.test(f.path)) continue;
      if (++manifests > MAX_MANIFESTS) break;
      const text = view.readText(f.path);
      if (!text) continue;
      for (const name of declared(f.path, text)) {
        const g = KIT[name];
        if (!g) continue;
        let set = groups.get(g);
        if (!set) groups.set(g, (set = new Set()));
        set.add(name);
      }
    }
    if (!groups.has('channel') || groups.size < 3) return;
    // Only now read the Python files, for an obfuscator's runtime or banner.
    let read = 0;
    for (const f of view.files) {
      if (f.ext !== '.py' || /(?:^|\/)node_modules\//.test(f.path)) continue;
      if (++read > MAX_PY_FILES) break;
      const text = view.readText(f.path);
      if (!text) continue;
      const i = text.search(PY_OBFUSCATORS);
      if (i < 0) continue;
      const marker = text.slice(i, i + 60).split('\n')[0]!;
      const kit = [...groups].map(([g, names]) => `${g} (${[...names].join(', ')})`).join('; ');
      ctx.report({
        at: { offset: i, length: marker.length },
        file: f.path,
        message: `Obfuscated code (${marker.trim()}) in a package whose dependencies are a grabber kit: ${kit}`,
        evidence: clip(marker),
      });
      return;
    }
  },
});
