import { defineRule } from '../../core/rule.js';
import { hasModule, jsFacts, networkSends, type Call } from './_js-facts.js';
import { clip } from './_iocs.js';

// Global (system-wide, not DOM) keyboard hooks available to Node.
const HOOK_MODULES = /^(?:iohook|node-global-key-listener|uiohook-napi|node-gkm|gkm|keylogger|node-keylogger|global-keypress|@tkomde\/iohook)(?:\.|$)/;
const WINAPI = /\b(?:SetWindowsHookEx[AW]?|GetAsyncKeyState|GetKeyboardState)\b/;

export default defineRule({
  id: 'keylogging',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'high',
    confidence: 'medium',
    summary: 'Installs a system-wide keyboard hook (iohook, node-global-key-listener, SetWindowsHookEx) and ships keystrokes',
    why: 'InvisibleFerret-style RATs log keystrokes system-wide to capture passwords and seed phrases typed anywhere, then send the buffer to their C2.',
    fix: 'Do not run the project. If it ran, change every password typed since then from a clean device.',
    falsePositives: 'Screen recorders and hotkey tools use global hooks to show or bind keys; a hook alone is reported at low confidence, with an upload in the same file at high. DOM keydown listeners are not global hooks and are ignored.',
    references: ['https://attack.mitre.org/techniques/T1056/001/'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: /iohook|global-key-listener|uiohook|gkm|keylogger|global-keypress|SetWindowsHookEx|GetAsyncKeyState|GetKeyboardState/,
  check(ctx, js) {
    const f = jsFacts(js);
    const viaModule = hasModule(f, HOOK_MODULES);
    const winapi = f.strings.find((s) => s.value.length < 200 && WINAPI.test(s.value));
    if (!viaModule && !winapi) return;
    // Where keys are listened to: hook.on('keydown'|'keypress'|'keyup'), listener.addListener(cb), hook.start().
    let at: Call | undefined = f.calls.find((c) =>
      (c.method === 'on' || c.method === 'addListener') && c.args[0]?.type === 'Literal' && /^key(?:down|up|press)$/.test(String(c.args[0].value)) && HOOK_MODULES.test(c.callee));
    at ??= f.calls.find((c) => (c.method === 'addListener' || c.method === 'start' || c.isNew) && HOOK_MODULES.test(c.callee));
    if (!at && !winapi) return; // imported but never hooked
    const sends = networkSends(f).length > 0;
    const node = at ? at.node : winapi!;
    ctx.report({
      at: { node },
      message: `System-wide keyboard hook${at ? ` (${at.callee})` : ` (${winapi!.value})`}${sends ? ' with an upload in the same file' : ''}`,
      evidence: clip(js.text.slice(node.start, Math.min(node.end, node.start + 200))),
      severity: sends ? 'high' : 'medium',
      confidence: sends ? 'high' : 'low',
    });
  },
});
