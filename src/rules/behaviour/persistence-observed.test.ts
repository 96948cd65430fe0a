import { ruleTest } from '../../testing/rule-tester.js';
import { exec, HOME, obs, open } from './_fixture.js';
import rule from './persistence-observed.js';

ruleTest(rule, {
  clean: [{ name: 'reads rc files, writes a cache', observations: obs({ syscalls: [open(`${HOME}/.bashrc`), open(`${HOME}/.cache/x`, 11, true)] }) }],
  flagged: [
    {
      name: 'autostart entry, bashrc and husky hook',
      observations: obs({ syscalls: [open(`${HOME}/.config/autostart/update.desktop`, 11, true), open(`${HOME}/.bashrc`, 11, true), open(`${HOME}/projects/task/.git/hooks/pre-commit`, 11, true), exec(['crontab', '/tmp/c'])] }),
      findings: [
        { line: 5, message: 'Wrote an XDG autostart entry: ~/.config/autostart/update.desktop', severity: 'critical' },
        { line: 5, message: 'Wrote a shell startup file: ~/.bashrc', severity: 'critical' },
        { line: 5, message: 'Wrote a git hook: ~/projects/task/.git/hooks/pre-commit', severity: 'medium' },
        { line: 5, message: 'Wrote a crontab', severity: 'critical' },
      ],
    },
  ],
});
