import { ruleTest } from '../../testing/rule-tester.js';
import { exec, HOME, obs, open } from './_fixture.js';
import rule from './dropped-file-executed.js';

ruleTest(rule, {
  clean: [
    { name: 'build writes and runs inside the project', observations: obs({ syscalls: [open(`${HOME}/projects/task/node_modules/.bin/tool`, 11, true), exec([`${HOME}/projects/task/node_modules/.bin/tool`])] }) },
    { name: 'writes a temp file it never runs', observations: obs({ syscalls: [open('/tmp/cache.json', 11, true), exec(['node', 'x.js'])] }) },
  ],
  flagged: [
    {
      name: 'drops ~/.npl and runs it with node',
      observations: obs({ syscalls: [open(`${HOME}/.npl`, 11, true), exec(['node', `${HOME}/.npl`], 12)] }),
      findings: [{ line: 5, message: `Executed ${HOME}/.npl, a file it had just written` }],
    },
  ],
});
