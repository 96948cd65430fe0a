import { ruleTest } from '../../testing/rule-tester.js';
import rule from './autorun-runs-non-js-file.js';

const tasks = (cmd: string) =>
  `{\n  // comment\n  "version": "2.0.0",\n  "tasks": [{\n    "label": "x",\n    "command": ${JSON.stringify(cmd)},\n    "runOptions": { "runOn": "folderOpen" },\n  }],\n}\n`;

ruleTest(rule, {
  clean: [
    { name: 'express bin/www', files: { 'package.json': '{"scripts":{"start":"node ./bin/www","dev":"nodemon server/bin/www --watch server/*"}}' } },
    { name: 'option values are not files', files: { 'package.json': '{"scripts":{"dev":"nodemon --watch public/fonts -e woff2,js server.js","start":"node --env-file .env --title assets/x server.js"}}' } },
    { name: 'node on js/ts/json-free files', files: { 'package.json': '{"scripts":{"start":"node dist/index.mjs","dev":"tsx src/main.ts","test":"node --test test/","build":"node -e \\"require(\'./build.txt\')\\""}}' } },
    { name: 'a non-js file in a script nothing runs by itself', files: { 'package.json': '{"scripts":{"font":"node public/fonts/a.woff2"}}' } },
    { name: 'python on a .py file', files: { '.vscode/tasks.json': tasks('python3 tools/setup.py') } },
    { name: 'devcontainer runs a script with an extension', files: { '.devcontainer/devcontainer.json': '{"postCreateCommand":"node .devcontainer/setup.js"}' } },
    { name: 'preloads that are packages or scripts', files: { 'package.json': '{"scripts":{"start":"node -r dotenv/config --require ./scripts/setup.js server.js","dev":"node --import tsx/esm src/main.ts"}}' } },
    { name: 'launch.json with ordinary runtimeArgs', files: { '.vscode/launch.json': '{"configurations":[{"type":"node","request":"launch","name":"d","program":"${workspaceFolder}/server.js","runtimeArgs":["--inspect","-r","ts-node/register"]}]}' } },
  ],
  flagged: [
    {
      name: 'folderOpen task running a woff2 font',
      files: { '.vscode/tasks.json': tasks("(command -v node >/dev/null 2>&1 && node ./public/fonts/fa-solid-400.woff2) || echo ''"), 'public/fonts/fa-solid-400.woff2': 'x' },
      findings: [{ line: 6, evidence: 'node ./public/fonts/fa-solid-400.woff2', severity: 'critical', message: /opened in VS Code/ }],
    },
    {
      name: 'extensionless file in .vscode and a dictionary',
      files: {
        '.vscode/tasks.json': tasks('node .vscode/helper'),
        'package.json': '{\n "scripts": {\n  "start": "npm run boot && react-scripts start",\n  "boot": "node .vscode/spellright.dict"\n }\n}',
      },
      findings: [
        { line: 6, file: '.vscode/tasks.json', evidence: 'node .vscode/helper' },
        { line: 4, file: 'package.json', evidence: 'node .vscode/spellright.dict', message: /npm start.*script "boot"/ },
      ],
    },
    {
      name: 'postinstall python on a png',
      files: { 'package.json': '{"scripts":{"postinstall":"python3 assets/logo.png"}}' },
      findings: [{ line: 1, evidence: 'python3 assets/logo.png' }],
    },
    {
      name: 'devcontainer hands an extensionless file in .devcontainer/ to node',
      files: { '.devcontainer/devcontainer.json': '{\n "postCreateCommand": "npm i && node .devcontainer/init"\n}', '.devcontainer/init': 'x' },
      findings: [{ line: 2, file: '.devcontainer/devcontainer.json', evidence: 'node .devcontainer/init', severity: 'critical' }],
    },
    {
      name: 'launch.json preloads an extensionless file from .vscode through runtimeArgs',
      files: { '.vscode/launch.json': '{\n "configurations": [{\n  "type": "node",\n  "request": "launch",\n  "name": "Debug",\n  "program": "${workspaceFolder}/server.js",\n  "runtimeArgs": ["--require", "./.vscode/.debug"]\n }]\n}', '.vscode/.debug': 'x', 'server.js': '' },
      findings: [{ line: 6, file: '.vscode/launch.json', severity: 'critical', message: /\.vscode\/\.debug/ }],
    },
    { name: 'npm start preloads a font', files: { 'package.json': '{\n "scripts": {\n  "start": "node -r ./public/fonts/icons.woff2 server.js"\n }\n}' }, findings: [{ line: 3, evidence: 'node -r ./public/fonts/icons.woff2 server.js' }] },
  ],
});
