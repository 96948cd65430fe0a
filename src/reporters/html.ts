import { createHash } from 'node:crypto';
import type { Finding } from '../core/finding.js';
import { isPartialReason, type Report } from '../core/report.js';
import { SEVERITIES } from '../core/finding.js';
import { FRAME_WIDTH } from '../core/location.js';
import { CSS, JS } from './html-assets.js';
import { autorunSvg } from './html-autorun.js';
import { highlightLine, langOf } from './html-highlight.js';
import { BANNER, clip, dangerousFiles, foldFrameLine, formatBytes, groupByFile, iocRules, isDangerous, lineInSpan, plural, sanitize, showBlanks, TRIGGER_ACTION, whatItMeans } from './present.js';

/** Caps for sample-controlled text, so a hand-made or hostile report cannot make a megabyte page. */
const MAX = { path: 400, message: 600, evidence: 1200, decoded: 4000, command: 1000, value: 2000, summary: 6000, frameLine: 400, frameLines: 24 };

/** HTML-escapes after making invisible/bidi/control characters visible: text from a sample can never become markup. */
export function esc(s: string): string {
  return sanitize(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/**
 * Attribute values that must keep the exact characters (copy buttons copy the real IOC): escaped, not sanitized;
 * control and bidi characters as numeric references so none sits raw in the file.
 */
function attr(s: string): string {
  return s.replace(/[&<>"'\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, (c) => `&#${c.charCodeAt(0)};`);
}
const sha256b64 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

/**
 * One self-contained page: inline CSS and JS allowed by hash in a strict CSP (no network, no other script, no inline
 * handlers), everything from the sample escaped. Sections: verdict banner, autorun map (picture + table), findings by
 * file with highlighted folded frames and decoded values, indicators with copy buttons, what was not examined.
 */
export function renderHtml(report: Report): string {
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${sha256b64(CSS)}'`,
    `script-src 'sha256-${sha256b64(JS)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "connect-src 'none'",
  ].join('; ');
  const title = `lurescan: ${BANNER[report.verdict]} — ${clip(report.target, 120)}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    banner(report),
    '<main>',
    '<nav><a href="#autorun">Autorun map</a><a href="#findings">Findings</a><a href="#iocs">Indicators</a><a href="#not-examined">Skipped, partial or failed</a></nav>',
    autorunSection(report),
    detonationSection(report),
    findingsSection(report),
    iocSection(report),
    notExaminedSection(report),
    footer(report),
    '</main>',
    `<script>${JS}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function banner(r: Report): string {
  const w = 240;
  const fill = Math.round((Math.max(0, Math.min(100, r.score)) / 100) * w);
  return `<header class="banner v-${r.verdict}" id="verdict"><div class="inner">
<p class="verdict">${BANNER[r.verdict]}</p>
<p class="meta">${r.verdict} · score <b>${r.score}</b>/100 <svg class="meter" width="${w}" height="10" aria-hidden="true"><rect class="track" width="${w}" height="10" rx="5"/><rect class="fill" width="${fill}" height="10" rx="5"/></svg> · <span class="target">${esc(clip(r.target, MAX.path))}</span></p>
<p class="summary">${esc(clip(r.summary, MAX.summary))}</p>
${r.incomplete ? `<p class="incomplete"><b>Incomplete scan:</b> ${plural(r.errors.length, 'problem')} kept some content from being examined — see <a href="#not-examined">Skipped, partial or failed</a>. A clean verdict here is not a clean bill of health.</p>` : ''}
</div></header>`;
}

function autorunSection(r: Report): string {
  if (!r.autorun.length) {
    return '<section id="autorun"><h2>Autorun map</h2><p class="empty">Nothing in this tree starts by itself on install, start, folder open or git use.</p></section>';
  }
  const flagged = dangerousFiles(r);
  const rows = r.autorun
    .map((e) => {
      const danger = isDangerous(e, flagged);
      const leads = e.leadsTo.length
        ? e.leadsTo.map((f) => (flagged.has(f) ? `<b>${esc(clip(f, MAX.path))}</b> (has findings)` : esc(clip(f, MAX.path)))).join('<br>')
        : '<span class="empty">—</span>';
      return `<tr${danger ? ' class="danger"' : ''}><td>${esc(TRIGGER_ACTION[e.trigger] ?? e.trigger)}</td><td class="val">$ ${esc(clip(showBlanks(e.command.trim()), MAX.command))}</td><td class="val">${esc(clip(e.file, MAX.path))}:${e.line}${e.label ? `<br><span class="rule">${esc(clip(e.label, 300))}</span>` : ''}</td><td class="val">${leads}</td></tr>`;
    })
    .join('\n');
  return `<section id="autorun"><h2>Autorun map — what starts by itself (${r.autorun.length})</h2>
${autorunSvg(r, (s) => esc(s))}
<table class="autorun-table"><thead><tr><th>When you</th><th>What runs</th><th>Declared in</th><th>Files it reaches</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function detonationSection(r: Report): string {
  const d = r.detonation;
  if (!d) return '';
  const rows = d.actions
    .map((a) => {
      const how = a.skipped ? `skipped: ${esc(a.skipped)}` : a.timedOut ? 'stopped at the time limit' : a.signal ? `killed by ${esc(a.signal)}` : `exit ${a.exitCode ?? '?'}`;
      return `<tr><td>${esc(clip(a.label, 300))}</td><td class="val">$ ${esc(clip(showBlanks(a.command.trim()), MAX.command))}</td><td class="val">${esc(clip(a.file, MAX.path))}:${a.line}</td><td>${how}</td></tr>`;
    })
    .join('\n');
  const counts = [d.processes !== undefined ? plural(d.processes, 'process', 'processes') : '', d.networkEvents !== undefined ? plural(d.networkEvents, 'network attempt') : ''].filter(Boolean).join(' · ');
  return `<section id="detonation"><h2>Detonation — ${d.ran ? `ran in the jail for ${(d.durationMs / 1000).toFixed(1)} s` : 'did not run'}</h2>
${counts ? `<p>${counts}</p>` : ''}<table><thead><tr><th>Action</th><th>Command</th><th>Declared in</th><th>Outcome</th></tr></thead><tbody>
${rows}
</tbody></table>${d.notes.map((n) => `<p class="empty">${esc(clip(n, MAX.message))}</p>`).join('')}</section>`;
}

function findingsSection(r: Report): string {
  if (!r.findings.length) return '<section id="findings"><h2>Findings</h2><p class="empty">No findings.</p></section>';
  const counts = new Map<string, number>();
  for (const f of r.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const sevFilters = SEVERITIES.filter((s) => counts.has(s))
    .map((s) => `<label><input type="checkbox" name="sev" value="${s}" checked> <span class="badge sev-${s}">${s}</span> ${counts.get(s)}</label>`)
    .join(' ');
  const ruleIds = [...new Set(r.findings.map((f) => f.ruleId))].sort();
  const perRule = new Map<string, number>();
  for (const f of r.findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  const ruleFilter = `<label>Rule <select id="rule-filter"><option value="">all rules (${ruleIds.length})</option>${ruleIds
    .map((id) => `<option value="${attr(id)}">${esc(id)} (${perRule.get(id)})</option>`)
    .join('')}</select></label>`;
  const groups = groupByFile(r.findings)
    .map(([file, fs]) => {
      const auto = fs.some((f) => f.autorun);
      return `<article class="file" data-file="${attr(file)}"><header><h3>${file ? esc(clip(file, MAX.path)) : '(whole project)'}</h3>${auto ? '<span class="badge auto">runs automatically</span>' : ''}<span class="rule">${plural(fs.length, 'finding')}${r.fileHashes?.[file] ? ` · sha256 ${r.fileHashes[file]}` : ''}</span></header>
${fs.map((f) => finding(r, f)).join('\n')}
</article>`;
    })
    .join('\n');
  return `<section id="findings"><h2>Findings — ${plural(r.findings.length, 'finding')} in ${plural(groupByFile(r.findings).length, 'file')}</h2>
<div class="filters" role="group" aria-label="Filters"><span>Severity</span> ${sevFilters} ${ruleFilter} <span>showing <b id="shown-count">${r.findings.length}</b> of ${r.findings.length}</span></div>
${groups}
</section>`;
}

function finding(r: Report, f: Finding): string {
  const meta = r.rules[f.ruleId];
  const means = whatItMeans(r, f);
  const pair =
    f.decoded !== undefined
      ? `<div class="pair"><div><span class="k">evidence (as written)</span><code>${esc(clip(f.evidence, MAX.evidence))}</code></div><div class="dec"><span class="k">decoded</span><code>${esc(clip(f.decoded, MAX.decoded))}</code></div></div>`
      : !f.frame && f.evidence
        ? `<div class="pair"><div><span class="k">evidence</span><code>${esc(clip(f.evidence, MAX.evidence))}</code></div></div>`
        : '';
  return `<div class="finding" data-severity="${f.severity}" data-rule="${attr(f.ruleId)}">
<div class="head"><span class="badge sev-${f.severity}">${f.severity}</span><span class="msg">${esc(clip(f.message, MAX.message))}</span><span class="rule">${esc(f.ruleId)}</span></div>
<div class="where">${esc(clip(f.file || '(project)', MAX.path))}:${f.line}:${f.column} · ${f.confidence} confidence${f.autorun ? ' · reached by autorun' : ''}${f.weightNote ? ` · weighted down: ${esc(f.weightNote)}` : ''}</div>
${frame(f)}${pair}${means ? `<p class="means"><b>What this means:</b> ${esc(means)}</p>` : ''}${meta ? `<details><summary>What to do</summary><p>${esc(meta.fix)}</p><p><b>Known false positives:</b> ${esc(meta.falsePositives)}</p></details>` : ''}
</div>`;
}

function frame(f: Finding): string {
  const fr = f.frame;
  if (!fr || !fr.lines.length) return '';
  const lang = langOf(f.file);
  const rows = fr.lines.slice(0, MAX.frameLines).map((raw, i) => {
    const ln = fr.startLine + i;
    const inSpan = lineInSpan(f, ln);
    const { text, first } = foldFrameLine(raw, fr.firstColumns[i] ?? 1, f, ln, MAX.frameLine);
    const from = inSpan ? (ln === f.line ? Math.max(0, f.column - first) : 0) : 0;
    const to = inSpan ? (ln === f.endLine ? Math.max(from + 1, f.endColumn - first) : text.length) : 0;
    const body = highlightLine(text, lang, from, Math.min(to, text.length), esc);
    const left = first > 1 ? `<span class="fold" title="${first - 1} characters folded">…</span>` : '';
    const right = text.length >= FRAME_WIDTH ? '<span class="fold">…</span>' : '';
    const note = ln === f.line && first > 1 ? ` <span class="colnote">(column ${f.column} of a long line)</span>` : '';
    return `<span class="row${inSpan ? ' hit' : ''}"><span class="ln">${ln}</span>${left}${body}${right}${note}</span>`;
  });
  return `<pre class="frame"><code>${rows.join('\n')}</code></pre>`;
}

function iocSection(r: Report): string {
  const hashes = Object.entries(r.fileHashes ?? {});
  if (!r.iocs.length && !hashes.length) return '<section id="iocs"><h2>Indicators</h2><p class="empty">No indicators.</p></section>';
  const rulesFor = iocRules(r);
  const rows = r.iocs
    .map(
      (i) =>
        `<tr><td>${esc(i.type)}</td><td class="val">${esc(clip(i.value, MAX.value))}</td><td class="val">${esc(clip(i.file, MAX.path))}:${i.line}</td><td class="rule">${rulesFor(i.type, i.value).map(esc).join(', ')}</td><td><button class="copy" type="button" data-label="Copy" data-value="${attr(i.value)}">Copy</button></td></tr>`,
    )
    .join('\n');
  const hashRows = hashes
    .map(([file, h]) => `<tr><td>sha256</td><td class="val">${h}</td><td class="val">${esc(clip(file, MAX.path))}</td><td></td><td><button class="copy" type="button" data-label="Copy" data-value="${attr(h)}">Copy</button></td></tr>`)
    .join('\n');
  const allValues = [...r.iocs.map((i) => i.value), ...hashes.map(([, h]) => h)].join('\n');
  return `<section id="iocs"><h2>Indicators (${r.iocs.length}${hashes.length ? ` + ${plural(hashes.length, 'file hash', 'file hashes')}` : ''}) <button class="copy" type="button" data-label="Copy all" data-value="${attr(allValues)}">Copy all</button></h2>
<table class="iocs"><thead><tr><th>Type</th><th>Value</th><th>Where</th><th>Rule</th><th></th></tr></thead><tbody>
${rows}
${hashRows}
</tbody></table></section>`;
}

function notExaminedSection(r: Report): string {
  if (!r.skipped.length && !r.errors.length) return '<section id="not-examined"><h2>Skipped, partial or failed</h2><p class="empty">Everything was examined.</p></section>';
  const rows = [
    ...r.errors.map((e) => `<tr class="danger"><td>failed</td><td class="val">${esc(clip(e.path, MAX.path))}</td><td>${esc(clip(e.message, MAX.message))}</td></tr>`),
    ...r.skipped.map((s) => `<tr><td>${isPartialReason(s.reason) ? 'partial' : 'skipped'}</td><td class="val">${esc(clip(s.path, MAX.path))}</td><td>${esc(clip(s.reason, MAX.message))}</td></tr>`),
  ].join('\n');
  return `<section id="not-examined"><h2>Skipped, partial or failed (${r.errors.length + r.skipped.length})</h2>
<table><thead><tr><th></th><th>Path</th><th>Why</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function footer(r: Report): string {
  const s = r.stats;
  return `<footer>${plural(s.files, 'file')}, ${formatBytes(s.bytes)}${s.parsedFiles !== undefined ? `, ${s.parsedFiles} parsed` : ''}, in ${s.durationMs} ms · lurescan ${esc(r.tool.version)} · report schema ${esc(r.schemaVersion)} · nothing in the target was executed</footer>`;
}
