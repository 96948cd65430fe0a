import { ruleTest } from '../../testing/rule-tester.js';
import rule from './vscode-settings-hide-or-run.js';

const folderOpen = '{ "version": "2.0.0", "tasks": [ { "label": "x", "command": "node .vscode/x", "runOptions": { "runOn": "folderOpen" } } ] }';

ruleTest(rule, {
  clean: [
    {
      name: 'ordinary project settings',
      files: {
        '.vscode/settings.json': '{\n  // team settings\n  "editor.formatOnSave": true,\n  "typescript.tsdk": "node_modules/typescript/lib",\n  "python.defaultInterpreterPath": "${workspaceFolder}/.venv/bin/python",\n  "jest.jestCommandLine": "npm test --",\n  "eslint.nodePath": "node_modules",\n  "prettier.configPath": ".prettierrc.js",\n}',
        '.prettierrc.js': '',
      },
    },
    { name: 'debug.openDebug without automatic tasks', files: { '.vscode/settings.json': '{ "debug.openDebug": "neverOpen" }' } },
  ],
  flagged: [
    {
      name: 'lure settings next to a folder-open task',
      files: {
        '.vscode/settings.json': '{\n  "task.allowAutomaticTasks": true,\n  "debug.openDebug": "neverOpen",\n  "terminal.integrated.hideOnStartup": "always",\n}',
        '.vscode/tasks.json': folderOpen,
      },
      findings: [
        { line: 2, evidence: '"task.allowAutomaticTasks": true', severity: 'high' },
        { line: 3, evidence: '"debug.openDebug": "neverOpen"', severity: 'medium' },
        { line: 4, evidence: '"terminal.integrated.hideOnStartup": "always"', severity: 'high', message: /task that runs when the folder opens/ },
      ],
    },
    {
      name: 'hideOnStartup alone is low',
      files: { '.vscode/settings.json': '{ "terminal.integrated.hideOnStartup": "always" }' },
      findings: [{ line: 1, severity: 'low' }],
    },
    {
      name: 'interpreter and terminal profile pointing into the repo',
      files: {
        '.vscode/settings.json': '{\n  "python.defaultInterpreterPath": "./tools/py",\n  "terminal.integrated.env.linux": { "NODE_OPTIONS": "--require ./.vscode/hook.js" }\n}',
        'tools/py': '#!/bin/sh',
        '.vscode/hook.js': '',
      },
      findings: [
        { line: 2, severity: 'high', message: /run tools\/py/ },
        { line: 3, severity: 'critical', message: /preload/ },
      ],
    },
  ],
});
