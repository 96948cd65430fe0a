import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-obfuscated-grabber.js';

const ARMOR = `from pytransform import pyarmor_runtime\npyarmor_runtime()\n__pyarmor__(__name__, __file__, b'\\x50\\x59\\x41\\x52\\x4d\\x4f\\x52')\n`;
const SETUP = (deps: string[]) => `from setuptools import setup\nsetup(\n  name='x',\n  py_modules=['x'],\n  long_description=open('README.md').read(),\n  install_requires=[${deps.map((d) => `'${d}'`).join(', ')}],\n)\n`;

ruleTest(rule, {
  clean: [
    {
      name: 'readable Discord bot with the same dependencies',
      files: { 'setup.py': SETUP(['discord.py', 'dhooks', 'mss', 'pycryptodome', 'psutil']), 'src/x.py': `import dhooks, mss\nhook = dhooks.Webhook(URL)\n` },
    },
    {
      name: 'commercial PyArmor package with ordinary dependencies',
      files: { 'setup.py': SETUP(['requests', 'numpy', 'psutil', 'pycryptodome']), 'src/x.py': ARMOR },
    },
    {
      name: 'obfuscated, a channel but only one tool group',
      files: { 'pyproject.toml': `[project]\nname = "x"\ndependencies = ["python-telegram-bot>=20", "psutil"]\n`, 'x/__init__.py': ARMOR },
    },
  ],
  flagged: [
    {
      name: 'PyArmor module, webhook + screenshots + browser secrets + recon in setup.py',
      files: { 'setup.py': SETUP(['requests', 'dhooks', 'mss', 'pycryptodome', 'pillow', 'psutil']), 'src/x.py': ARMOR },
      findings: [{ file: 'src/x.py', line: 1, message: /grabber kit: .*channel \(dhooks\)/, severity: 'critical' }],
    },
    {
      name: 'BlankOBF banner, deps from egg-info requires.txt',
      files: {
        'pkg.egg-info/requires.txt': `discord_webhook\npyautogui\npywin32\n\n[dev]\npytest\n`,
        'pkg/__init__.py': `# Obfuscated with BlankOBF\n_ = lambda c: c\nexec(_(a + b))\n`,
      },
      findings: [{ file: 'pkg/__init__.py', line: 1, message: /BlankOBF/ }],
    },
  ],
});
