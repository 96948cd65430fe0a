#!/usr/bin/env node
'use strict';
const { program } = require('commander');
const fs = require('fs');
const YAML = require('yaml');
const license = require('../lib/license');
const { generate } = require('../lib/generate');

program.name('schemagen').version(require('../package.json').version);

program
  .command('generate <spec>')
  .option('-o, --out <dir>', 'output directory', 'generated')
  .option('--zod', 'also emit zod schemas (Pro)')
  .action(async (spec, opts) => {
    const doc = YAML.parse(fs.readFileSync(spec, 'utf8'));
    const pro = opts.zod ? await license.check() : null;
    if (opts.zod && !pro) {
      console.error('--zod needs a Pro license: schemagen activate <key>');
      process.exitCode = 2;
      return;
    }
    generate(doc, { out: opts.out, zod: Boolean(pro) });
  });

program
  .command('activate <key>')
  .description('activate a Pro license on this machine')
  .action(async (key) => {
    const res = await license.activate(key);
    console.log(res.ok ? `activated for ${res.owner}` : `activation failed: ${res.error}`);
  });

program.parseAsync();
