/** The only style and script of the HTML report. The page's CSP allows exactly these two, by hash. */

export const CSS = `
:root{--fg:#1d1f23;--muted:#5d6470;--line:#d9dde3;--bg:#fff;--soft:#f5f6f8;--crit:#9b1020;--high:#c0392b;--med:#b26a00;--low:#4f6d8a;--info:#6b7280;--ok:#1b7f3b;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:0 20px 40px}
h2{font-size:20px;margin:32px 0 10px;border-bottom:1px solid var(--line);padding-bottom:6px}
h3{font-size:16px;margin:0;font-family:var(--mono);word-break:break-all}
code,pre,.mono{font-family:var(--mono);font-size:13px}
.banner{color:#fff;padding:22px 20px 18px}
.banner .inner{max-width:1180px;margin:0 auto}
.v-malicious{background:#9b1020}.v-suspicious{background:#a85d00}.v-clean{background:#1b7f3b}
.verdict{font-size:34px;font-weight:800;letter-spacing:.04em;margin:0}
.banner .meta{font-size:16px;margin:4px 0 10px;opacity:.95}
.banner .summary{margin:0;max-width:900px}
.banner .target{font-family:var(--mono);word-break:break-all}
.meter rect.track{fill:rgba(255,255,255,.35)}.meter rect.fill{fill:#fff}
.incomplete{background:#fff3cd;color:#5c4400;border:1px solid #e0c36a;padding:8px 12px;margin:16px 0 0;border-radius:4px}
nav{margin:14px 0 0;font-size:14px}nav a{margin-right:14px;color:inherit}
.autorun-svg{width:100%;height:auto;border:1px solid var(--line);border-radius:6px;background:var(--soft)}
.autorun-svg .box{fill:#fff;stroke:#9aa3ad;stroke-width:1}
.autorun-svg .box.action{fill:#e8f0fb;stroke:#5b7db1}
.autorun-svg .box.danger{stroke:#c0392b;stroke-width:2.5;fill:#fdecea}
.autorun-svg text{font:12px var(--mono);fill:#1d1f23}
.autorun-svg text.label{font:bold 12px system-ui,sans-serif}
.autorun-svg .edge{fill:none;stroke:#9aa3ad;stroke-width:1.5}
.autorun-svg .edge.danger{stroke:#c0392b;stroke-width:3}
.autorun-svg .legend{font:12px system-ui,sans-serif;fill:#5d6470}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.val{font-family:var(--mono);font-size:13px;word-break:break-all}
tr.danger td:first-child{border-left:4px solid var(--high)}
.filters{display:flex;flex-wrap:wrap;gap:14px;align-items:center;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin-bottom:14px;font-size:14px}
.filters label{white-space:nowrap}
article.file{border:1px solid var(--line);border-radius:6px;margin:0 0 16px;overflow:hidden}
article.file>header{background:var(--soft);padding:8px 12px;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.badge{display:inline-block;font-size:12px;font-weight:700;border-radius:3px;padding:1px 7px;color:#fff;text-transform:uppercase;letter-spacing:.03em}
.badge.auto{background:var(--high)}
.sev-critical{background:var(--crit)}.sev-high{background:var(--high)}.sev-medium{background:var(--med)}.sev-low{background:var(--low)}.sev-info{background:var(--info)}
.finding{padding:10px 12px;border-top:1px solid var(--line)}
.finding .head{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.finding .msg{font-weight:600}
.finding .where{color:var(--muted);font-size:13px}
.rule{font-family:var(--mono);font-size:12px;color:var(--muted)}
pre.frame{margin:8px 0;background:#0f1419;color:#d6dbe1;border-radius:5px;padding:8px 0;overflow-x:auto;white-space:pre}
pre.frame .ln{display:inline-block;min-width:4.5em;padding:0 10px 0 8px;text-align:right;color:#6c7680;user-select:none;border-right:1px solid #2b323a;margin-right:8px}
pre.frame .row.hit{background:#1f2a36}
pre.frame .fold{color:#f0b35a}
pre.frame mark.ev{background:#5c1d24;color:#fff;text-decoration:underline wavy #ff6b6b;text-underline-offset:3px}
pre.frame .tk{color:#ff8f70}pre.frame .ts{color:#a5d6a7}pre.frame .tc{color:#7f8c98;font-style:italic}pre.frame .tn{color:#f7c87f}
.colnote{color:var(--muted);font-size:12px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin:6px 0}
.pair>div{background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:6px 8px;min-width:0}
.pair .k{font-size:12px;color:var(--muted);display:block}
.pair code{word-break:break-all;white-space:pre-wrap}
.pair .dec code{color:#0b5d1e}
.means{margin:6px 0 0}
details{margin-top:4px;font-size:14px}
button.copy{font:12px system-ui,sans-serif;padding:2px 8px;border:1px solid #9aa3ad;border-radius:3px;background:#fff;cursor:pointer}
button.copy.done{background:#e4f5e8;border-color:var(--ok)}
.empty{color:var(--muted)}
footer{color:var(--muted);font-size:13px;margin-top:30px;border-top:1px solid var(--line);padding-top:10px}
@media (max-width:760px){.pair{grid-template-columns:1fr}}
@media print{
  .filters,button.copy,nav{display:none!important}
  .finding[hidden],article.file[hidden]{display:block!important}
  .banner{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  pre.frame{white-space:pre-wrap;word-break:break-all;background:#fff;color:#000;border:1px solid #999}
  pre.frame mark.ev{background:#ffd6d6;color:#000}
  article.file{break-inside:avoid}
}
`;

export const JS = `
(function () {
  'use strict';
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var sevBoxes = all('input[name="sev"]');
  var ruleSel = document.getElementById('rule-filter');
  var shownEl = document.getElementById('shown-count');
  function apply() {
    var sevs = {};
    sevBoxes.forEach(function (b) { if (b.checked) sevs[b.value] = true; });
    var rule = ruleSel ? ruleSel.value : '';
    var shown = 0;
    all('.finding').forEach(function (f) {
      var ok = !!sevs[f.getAttribute('data-severity')] && (!rule || f.getAttribute('data-rule') === rule);
      f.hidden = !ok;
      if (ok) shown++;
    });
    all('article.file').forEach(function (a) { a.hidden = !a.querySelector('.finding:not([hidden])'); });
    if (shownEl) shownEl.textContent = String(shown);
  }
  sevBoxes.forEach(function (b) { b.addEventListener('change', apply); });
  if (ruleSel) ruleSel.addEventListener('change', apply);
  function fallbackCopy(text) {
    var t = document.createElement('textarea');
    t.value = text;
    t.setAttribute('readonly', '');
    document.body.appendChild(t);
    t.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(t);
    return ok;
  }
  function done(b, ok) {
    b.textContent = ok ? 'Copied' : 'Copy failed';
    b.classList.toggle('done', ok);
    setTimeout(function () { b.textContent = b.getAttribute('data-label') || 'Copy'; b.classList.remove('done'); }, 2000);
  }
  all('button.copy').forEach(function (b) {
    b.addEventListener('click', function () {
      var text = b.getAttribute('data-value') || '';
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done(b, true); }, function () { done(b, fallbackCopy(text)); });
      } else done(b, fallbackCopy(text));
    });
  });
  apply();
})();
`;
