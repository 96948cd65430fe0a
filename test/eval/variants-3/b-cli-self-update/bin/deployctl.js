#!/usr/bin/env node
const { program } = require('commander');
const pkg = require('../package.json');
const deploy = require('../lib/commands/deploy');
const update = require('../lib/commands/update');

program.name('deployctl').version(pkg.version);

program
  .command('deploy <service>')
  .option('-e, --env <env>', 'target environment', 'staging')
  .action(deploy);

program
  .command('update')
  .description('download and install the latest release (verifies its signature)')
  .option('--channel <channel>', 'release channel', 'stable')
  .option('--dry-run', 'only check for a newer version')
  .action(update);

program.parseAsync();
