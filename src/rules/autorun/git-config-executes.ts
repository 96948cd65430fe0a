import type { Confidence, Severity } from '../../core/finding.js';
import { defineRule } from '../../core/rule.js';
import { locate } from './_shapes.js';

/** Lines hook managers write (git-lfs, husky, pre-commit, lefthook, simple-git-hooks): a working copy zipped as-is carries them. */
const MANAGER_LINE =
  /^(?:#.*|command -v git-lfs\b.*|git lfs [\w-]+ "\$@".*|\.?\s*"?\$\(dirname "?\$0"?\)"?\/_\/husky\.sh"?|.*\bhusky\b.*|.*\bpre-commit\b.*|.*\blefthook\b.*|.*simple-git-hooks.*|.*\byorkie\b.*|set -e|exit \d*|fi|then|else|done|esac|\}|\{|if .*|elif .*|export [A-Z_]+=.*|[A-Z_]+=.*|echo .*|printf .*|exec .*\bnpx\b.*|npx --no(?:-install)? .*|\w+\(\)\s*\{?|unset .*|shift|;;)$/;

function configWeight(label: string): [Severity, Confidence] | null {
  const key = label.split(' ')[0]!.toLowerCase();
  if (/^core\.(?:fsmonitor|sshcommand|hookspath|gitproxy)$|^filter\..*\.(?:clean|smudge|process)$|^uploadpack\.packobjectshook$/.test(key)) return ['high', 'high'];
  if (/^core\.(?:pager|editor|askpass)$|^pager\.|^sequence\.editor$|^credential\.helper$|^diff\..*\.(?:textconv|command)$|^merge\..*\.driver$/.test(key)) return ['medium', 'medium'];
  if (/^alias\./.test(key)) return ['low', 'low'];
  if (/^include|^core\.worktree$/.test(key)) return ['low', 'medium'];
  return null;
}

export default defineRule({
  id: 'git-config-executes',
  meta: {
    kind: 'threat',
    category: 'autorun',
    severity: 'high',
    confidence: 'high',
    summary: 'A shipped .git/config or git hook makes git run a command (fsmonitor, sshCommand, hooksPath, filter drivers, hooks)',
    why: 'git clone never copies .git/config or hooks, but a zip or tarball can: `core.fsmonitor` runs on every `git status`, which editors call as soon as the folder is opened; filter drivers run on checkout; hooks on commit.',
    fix: 'Do not open the folder in an editor or run git in it. Delete the .git folder (or clone the project fresh from its real remote) before looking further.',
    falsePositives: 'Zipped working copies carry the hooks git-lfs, husky, pre-commit or lefthook installed; hooks made only of such lines are not reported. Aliases and includes are reported at low.',
    references: ['https://git-scm.com/docs/git-config#Documentation/git-config.txt-corefsmonitor', 'https://github.com/justinsteven/advisories/blob/main/2022_git_buried_bare_repos_and_fsmonitor_various_abuses.md', 'CWE-78'],
    status: 'stable',
  },
  input: 'project',
  check(ctx, view) {
    for (const e of view.autorun) {
      if (e.trigger !== 'git') continue;
      // A hook manager's config (lefthook.yml) is committed by the project itself, unlike .git/hooks: what its commands
      // do is judged by the command rules (autorun-pipes-download-to-shell and the rest), not by where they sit.
      if (/\.ya?ml$/i.test(e.file)) continue;
      const text = view.readText(e.file);
      if (/(?:^|\/)\.git\/config$/.test(e.file)) {
        const w = configWeight(e.label ?? '');
        if (!w) continue;
        ctx.report({
          file: e.file,
          at: locate(text, e.line, e.command),
          message: `git config ${e.label} — a configuration git clone would never deliver`,
          evidence: e.command,
          severity: w[0],
          confidence: w[1],
        });
      } else {
        const lines = e.command.split('\n').map((l) => l.trim()).filter(Boolean);
        const own = lines.filter((l) => !MANAGER_LINE.test(l));
        if (!own.length) continue;
        const hook = e.file.slice(e.file.lastIndexOf('/') + 1);
        ctx.report({
          file: e.file,
          at: locate(text, e.line, own[0]!),
          message: `git hook "${hook}" ships with the repository and runs on git ${hook.replace(/^(?:pre|post)-/, '')}; its commands were not written by a hook manager`,
          evidence: own.slice(0, 3).join('\n'),
          severity: 'medium',
          confidence: 'medium',
        });
      }
    }
  },
});
