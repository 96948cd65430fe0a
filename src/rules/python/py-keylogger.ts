import { defineRule } from '../../core/rule.js';
import { modelOf, resolveCallee } from '../../analyzers/python/model.js';
import { at, clip, isNetworkCall } from './_util.js';

/** Global keyboard hooks: every key pressed anywhere, not hotkeys. */
const HOOK = /(?:^|\.)(?:pynput\.keyboard\.Listener|keyboard\.Listener|keyboard\.(?:on_press|on_release|hook|record|start_recording)|pyHook\.HookManager|pyWinhook\.HookManager|HookManager|GetAsyncKeyState|SetWindowsHookExA?W?)$/;
/** Where captured keys go besides HTTP: mail, chat bots, raw sockets. */
const OTHER_SEND = /^(?:smtplib\.SMTP(?:_SSL)?|socket\.socket|telebot\.TeleBot|discord_webhook\.DiscordWebhook)$|\.(?:sendall|sendmail|send_message)$/;

export default defineRule({
  id: 'py-keylogger',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'critical',
    confidence: 'high',
    summary: 'Python installs a global keyboard hook (pynput Listener, keyboard.on_press, pyWinhook) and sends what it records',
    why: 'InvisibleFerret and commodity Python stealers log every keystroke (passwords, seed phrases typed into wallets) and upload the buffer to their C2 on a timer.',
    fix: 'Do not run it. If it ran, change the passwords typed since and move funds from wallets whose secrets were typed.',
    falsePositives: 'Hotkey tools (pynput GlobalHotKeys, HotKey) are not hooks of every key and are not reported; a global hook with no network, mail or socket send in the file is medium.',
    references: ['https://attack.mitre.org/techniques/T1056/001/'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /\b(?:Listener|on_press|on_release|hook|record|HookManager|GetAsyncKeyState|SetWindowsHookEx)\b/,
  check(ctx, py) {
    const model = modelOf(py);
    const hook = model.calls.find((c) => HOOK.test(resolveCallee(model, c.callee)));
    if (!hook) return;
    const send = model.calls.find((c) => isNetworkCall(model, c) || OTHER_SEND.test(resolveCallee(model, c.callee)));
    ctx.report({
      at: at(hook.node),
      message: `Global keyboard hook ${resolveCallee(model, hook.callee)}${send ? `; the file sends data out with ${resolveCallee(model, send.callee)} (line ${send.node.startPosition.row + 1})` : ''}`,
      evidence: clip(hook.node.text),
      severity: send ? 'critical' : 'medium',
      confidence: send ? 'high' : 'medium',
    });
  },
});
