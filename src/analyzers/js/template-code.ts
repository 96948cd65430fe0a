/**
 * The JavaScript an EJS template runs on the server: its scriptlets (`<% code %>`, `<%= expr %>`, `<%- expr %>`, with
 * `_`/`-` whitespace-trimming variants) kept where they are and every other character blanked (newlines kept), so
 * offsets and lines are the template's own. A lure can hide a loader in a footer partial that renders on every page
 * (`<% process.mainModule.require('child_process').exec(…) %>`); the JS rules read it like any code.
 *
 * Each tag's close becomes `;` so expressions that follow one another stay separate statements (`<%= a %><%= b %>`
 * → `a ; b ;`), and control flow split across tags (`<% if (x) { %> … <% } %>`) joins up as the engine compiles it.
 * Comments (`<%#`) and literal `<%%` are blanked. The result may still not parse (a scriptlet can be any fragment): the
 * caller's loose parser takes what it can.
 */
const TAG = /<%([_\-=#%]?)([\s\S]*?)[_\-]?%>/g;

export function ejsCode(text: string): string | null {
  if (!text.includes('<%')) return null;
  const out = blank(text);
  let any = false;
  for (const m of text.matchAll(TAG)) {
    const kind = m[1]!;
    if (kind === '#' || kind === '%') continue;
    const start = m.index! + 2 + kind.length;
    const body = m[2]!;
    for (let i = 0; i < body.length; i++) out[start + i] = body[i]!;
    // The closing `%>` (or `-%>`): its first character becomes the statement end.
    out[start + body.length] = ';';
    any = true;
  }
  return any ? out.join('') : null;
}

/** Every character a space, line breaks kept. */
function blank(text: string): string[] {
  const out = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    out[i] = c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' ? c : ' ';
  }
  return out;
}
