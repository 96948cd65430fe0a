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
  ],
});
