import { ruleTest } from '../../testing/rule-tester.js';
import rule from './dep-autorun-lure.js';

const pkg = (deps: Record<string, string>, dev: Record<string, string>, scripts: Record<string, string> = { start: 'vite', build: 'vite build' }) =>
  JSON.stringify({ name: 'app', private: true, scripts, dependencies: deps, devDependencies: dev }, null, 2);

ruleTest(rule, {
  clean: [
    {
      name: 'popular and scoped plugins in a vite config',
      files: {
        'package.json': pkg({ react: '^18' }, { vite: '^5', '@vitejs/plugin-react': '^4', 'vite-tsconfig-paths': '^5' }),
        'vite.config.js': "import { defineConfig } from 'vite'\nimport react from '@vitejs/plugin-react'\nimport tsconfigPaths from 'vite-tsconfig-paths'\nexport default defineConfig({ plugins: [react(), tsconfigPaths()] })\n",
      },
    },
    {
      name: 'an unpopular plugin with a plugin name, in devDependencies, imported under its own name',
      files: {
        'package.json': pkg({ react: '^18' }, { vite: '^5', 'vite-plugin-qrcode-banner': '^0.1.0' }),
        'vite.config.js': "import { defineConfig } from 'vite'\nimport qrcodeBanner from 'vite-plugin-qrcode-banner'\nexport default defineConfig({ plugins: [qrcodeBanner()] })\n",
      },
    },
    {
      name: 'a plugin installed without -D (one sign only: misplaced)',
      files: {
        'package.json': pkg({ react: '^18', 'vite-plugin-qrcode-banner': '^0.1.0' }, { vite: '^5' }),
        'vite.config.js': "import { defineConfig } from 'vite'\nimport banner from 'vite-plugin-qrcode-banner'\nexport default defineConfig({ plugins: [banner()] })\n",
      },
    },
    {
      name: 'a name that reads like its popular neighbour, but declared and imported as a plugin should be (one sign)',
      files: {
        'package.json': pkg({ react: '^18' }, { vite: '^6', 'vite-tsconfig-paths': '^5', 'vite-tsconsole-print': '^1' }),
        'vite.config.js': "import { defineConfig } from 'vite'\nimport tsconsolePrint from 'vite-tsconsole-print'\nexport default defineConfig({ plugins: [tsconsolePrint()] })\n",
      },
    },
    {
      name: 'hardhat plugins imported for their side effects',
      files: {
        'package.json': pkg({}, { hardhat: '^2', 'hardhat-predeploy-thing': '^1' }, { test: 'hardhat test' }),
        'hardhat.config.js': 'require("hardhat-predeploy-thing");\nmodule.exports = { solidity: "0.8.20" };\n',
      },
    },
    {
      name: 'server code that calls an unpopular library and uses what it returns',
      files: {
        'package.json': pkg({ express: '^4', 'tiny-request-logger': '^1' }, {}, { start: 'node server.js' }),
        'server.js': "const express = require('express');\nconst logger = require('tiny-request-logger')();\nconst app = express();\napp.use(logger);\napp.listen(3000);\n",
      },
    },
    {
      name: 'a bare setup call the package names as such (install/register/config)',
      files: {
        'package.json': pkg({ express: '^4', 'stack-trace-mapper-x': '^1' }, {}, { start: 'node server.js' }),
        'server.js': "import { install } from 'stack-trace-mapper-x';\ninstall();\nimport express from 'express';\nexpress().listen(3000);\n",
      },
    },
    {
      name: 'an unpopular package the autorun code never loads',
      files: {
        'package.json': pkg({ express: '^4', 'krasulya-lightweight-charts': '3.4.3' }, {}, { start: 'node server.js' }),
        'server.js': "const express = require('express');\nexpress().listen(3000);\n",
      },
    },
    {
      name: 'the project\'s own workspace package',
      files: {
        'package.json': pkg({ 'acme-icons': 'workspace:*' }, { vite: '^5' }),
        'vite.config.js': "import { defineConfig } from 'vite'\nimport icons from 'acme-icons'\nexport default defineConfig({ plugins: [icons('x')] })\n",
        'packages/icons/package.json': '{"name":"acme-icons"}',
      },
    },
  ],
  flagged: [
    {
      name: 'a plugin with no plugin name declared at runtime while vite is a devDependency (cdn-icon-fetch shape)',
      files: {
        'package.json': pkg({ react: '^18', 'remote-glyph-kit': '^1.0.2' }, { vite: '^6', '@vitejs/plugin-react': '^4' }),
        'vite.config.js': "import { defineConfig } from 'vite'\nimport react from '@vitejs/plugin-react'\nimport { fetchGlyph } from 'remote-glyph-kit'\nexport default defineConfig({ plugins: [react(), fetchGlyph('42')] })\n",
      },
      findings: [{ file: 'vite.config.js', line: 3, severity: 'high', confidence: 'medium', message: /"remote-glyph-kit" \(package\.json:\d+, not a popular package\) is loaded by vite\.config\.js, which scripts\.start runs: it is a vite plugin declared in "dependencies".*says nothing of a vite plugin/ }],
    },
    {
      name: 'a vite-named package imported under an unrelated name, declared at runtime (vite-tsconsole-log shape)',
      files: {
        'package.json': pkg({ react: '^18', 'vite-tsconfig-paths': '^5', 'vite-consoleprint-debug': '^1.0.4' }, { vite: '^6' }),
        'vite.config.ts': "import { defineConfig } from 'vite';\nimport paths from 'vite-tsconfig-paths';\nimport proc from 'vite-consoleprint-debug';\nexport default defineConfig((): any => ({ plugins: [paths(), proc()] }));\n",
      },
      findings: [{ file: 'vite.config.ts', line: 3, message: /"vite-consoleprint-debug".*devDependency; it is imported under the unrelated name "proc"/ }],
    },
    {
      name: 'a name that reads like its popular neighbour, declared at runtime while vite is a devDependency',
      files: {
        'package.json': pkg({ react: '^18', 'vite-tsconfig-paths': '^5', 'vite-tsconsole-print': '^1' }, { vite: '^6' }),
        'vite.config.js': "import { defineConfig } from 'vite'\nimport tsconsolePrint from 'vite-tsconsole-print'\nexport default defineConfig({ plugins: [tsconsolePrint()] })\n",
      },
      findings: [{ file: 'vite.config.js', line: 2, message: /"vite-tsconsole-print".*imitates "vite-tsconfig-paths" \(listed beside it in the same manifest\); it is a vite plugin declared in "dependencies"/ }],
    },
    {
      name: 'a tailwind plugin whose name slips a word into a popular plugin name',
      files: {
        'package.json': pkg({ next: '^14', 'tailwindcss-fancy-animate': '^1' }, { tailwindcss: '^3' }, { dev: 'next dev' }),
        'tailwind.config.js': "module.exports = {\n  content: ['./src/**/*.tsx'],\n  plugins: [require('tailwindcss-fancy-animate')],\n};\n",
      },
      findings: [{ file: 'tailwind.config.js', line: 3, message: /imitates "tailwindcss-animate" \(the word "fancy" slipped into a popular name\); it is a tailwindcss plugin declared in "dependencies"/ }],
    },
    {
      name: 'the plugin loaded with a dynamic import (top-level await in an ESM config)',
      files: {
        'package.json': pkg({ react: '^18', 'remote-glyph-kit': '^1.0.3' }, { vite: '^6' }),
        'vite.config.mjs': "import { defineConfig } from 'vite'\nconst { fetchGlyph } = await import('remote-glyph-kit')\nexport default defineConfig({ plugins: [fetchGlyph('7')] })\n",
      },
      findings: [{ file: 'vite.config.mjs', line: 2, message: /"remote-glyph-kit".*a vite plugin declared in "dependencies"/ }],
    },
    {
      name: 'a webpack plugin constructed with new, no plugin name, runtime dependency',
      files: {
        'package.json': pkg({ 'asset-sync-kit': '^1.2.0' }, { webpack: '^5', 'webpack-cli': '^5', 'html-webpack-plugin': '^5' }, { build: 'webpack' }),
        'webpack.config.js': "const HtmlWebpackPlugin = require('html-webpack-plugin');\nconst AssetSync = require('asset-sync-kit');\nmodule.exports = {\n  entry: './src/index.js',\n  plugins: [new HtmlWebpackPlugin(), new AssetSync()],\n};\n",
      },
      findings: [{ file: 'webpack.config.js', line: 2, message: /"asset-sync-kit".*a webpack plugin declared in "dependencies"/ }],
    },
    {
      name: 'a package function called bare at server start with a literal id (result thrown away)',
      files: {
        'package.json': pkg({ express: '^4', 'remote-glyph-kit': '^1.0.3' }, {}, { start: 'node server/index.js' }),
        'server/index.js': "const express = require('express');\nconst { syncGlyphs } = require('remote-glyph-kit');\nsyncGlyphs('99');\nexpress().listen(5000);\n",
      },
      findings: [{ file: 'server/index.js', line: 2, message: /"remote-glyph-kit".*it is called as the file loads and the result is thrown away/ }],
    },
    {
      name: 'a package called at load whose result is bound to a name never used (process-log shape), in a controller the server reaches',
      files: {
        'package.json': pkg({ express: '^4', 'stream-proc-logger': '^2.0.5' }, {}, { start: 'node server/server.js' }),
        'server/server.js': "const app = require('./app');\napp.listen(4000);\n",
        'server/app.js': "const express = require('express');\nconst users = require('./controllers/userController');\nconst app = express();\napp.get('/u', users.list);\nmodule.exports = app;\n",
        'server/controllers/userController.js': "const crypto = require('crypto');\nconst log = require('stream-proc-logger')();\n\nexports.list = (req, res) => res.json([]);\n",
      },
      findings: [{ file: 'server/controllers/userController.js', line: 2, message: /"stream-proc-logger".*scripts\.start runs: it is called as the file loads and the result is bound to a name the file never uses/ }],
    },
  ],
});
