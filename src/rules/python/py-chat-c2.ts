import { defineRule } from '../../core/rule.js';
import { modelOf, resolveCallee } from '../../analyzers/python/model.js';
import { at, clip, isProcessCall } from './_util.js';

// Chat-bot libraries a backdoor uses as its command channel: no server of its own, traffic to discord.com/telegram.org.
const CHAT_LIBS = /^(?:discord|telebot|telegram|aiogram|pyrogram|telethon|slack_sdk|slack_bolt|slack)(?:\.|$)/;
// Reading what was posted in the channel.
const CHAT_API = /api\.telegram\.org\/bot|discord(?:app)?\.com\/api\/(?:v\d+\/)?channels\/|slack\.com\/api\/conversations\.history/;
const READS_MESSAGES = /\bgetUpdates\b|\/messages\b|conversations\.history|\.history\s*\(|\bmessage\.(?:content|text)\b|\bmsg\.(?:content|text)\b|\.content\b[^\n]{0,40}\b(?:split|startswith|strip)\b|\bon_message\b|message_handler|\bget_updates\b|\bMessageHandler\b|\bon_message_create\b/;
// Sending the command's output back.
const REPLIES = /\/sendMessage\b|\/sendDocument\b|\.send\s*\(|\breply(?:_text)?\s*\(|\bsend_message\s*\(|\bsend_document\s*\(|\bchat_postMessage\s*\(/;
// A bot token in the code (or kept in base64): Discord "M…….G…….…" or Telegram "123456789:AA…".
const TOKEN = /\b[MNO][A-Za-z\d_-]{23,27}\.[\w-]{6}\.[\w-]{27,40}\b|\b\d{8,10}:AA[\w-]{33}\b/;

export default defineRule({
  id: 'py-chat-c2',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'medium',
    summary: 'Python runs shell commands it reads from a Discord/Telegram/Slack channel (a chat bot used as a backdoor\'s command channel)',
    why: 'RATs shipped in packages need no server: they log into a chat bot, read commands posted in a channel, run them with shell=True and post the output back, so their traffic looks like a chat client\'s.',
    fix: 'Do not run it. If it ran, treat the machine as controlled remotely: revoke the bot token shown and reinstall.',
    falsePositives: 'Admin bots that let their owner run shell commands look the same; the finding is high confidence only when the output is posted back or the bot token is kept in the code.',
    references: ['https://attack.mitre.org/techniques/T1102/002/', 'https://attack.mitre.org/techniques/T1059/'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /\b(?:discord|telebot|telegram|aiogram|pyrogram|telethon|slack_sdk|slack_bolt|slack)\b|api\.telegram\.org|discord(?:app)?\.com\/api|slack\.com\/api/,
  check(ctx, py) {
    const model = modelOf(py);
    // A bot library, or the bot HTTP API called by hand (api.telegram.org/bot…/getUpdates, discord.com/api/…/channels).
    if (![...model.imports].some((m) => CHAT_LIBS.test(m)) && !CHAT_API.test(py.text)) return;
    if (!READS_MESSAGES.test(py.text)) return;
    // A shell run of a command that is not written in the code.
    const shell = model.calls.find((c) => {
      if (!isProcessCall(model, c)) return false;
      const callee = resolveCallee(model, c.callee);
      const viaShell = /^(?:os\.(?:system|popen)|subprocess\.(?:getoutput|getstatusoutput)|asyncio\.create_subprocess_shell)$/.test(callee) || c.kwargs.get('shell')?.text === 'True';
      const a = c.args[0];
      return viaShell && !!a && /^(?:identifier|subscript|attribute|call)$/.test(a.type);
    });
    if (!shell) return;
    const decodedToken = model.strings.some((s) => {
      if (TOKEN.test(s.value)) return true;
      if (!/^[A-Za-z0-9+/]{40,200}={0,2}$/.test(s.value)) return false;
      let t = s.value;
      for (let i = 0; i < 3; i++) {
        t = Buffer.from(t, 'base64').toString('latin1');
        if (TOKEN.test(t)) return true;
      }
      return false;
    });
    const replies = REPLIES.test(py.text);
    ctx.report({
      at: at(shell.node),
      message: `Runs shell commands read from a chat channel${replies ? ' and posts the output back' : ''}${decodedToken ? ' (bot token kept in the code)' : ''}`,
      evidence: clip(shell.node.text),
      confidence: replies || decodedToken ? 'high' : 'medium',
    });
  },
});
