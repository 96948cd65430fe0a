import { defineRule } from '../../core/rule.js';
import { fileReads, hasModule, jsFacts, type Str, evidenceOf } from '../stealing/_js-facts.js';
import { clip, urlIocs, urlsIn } from '../stealing/_iocs.js';

const TELEGRAM = /api\.telegram\.org\/bot[^/\s]*\/?(send\w+)?/i;
const DISCORD = /(?:discord(?:app)?\.com|discordapp\.net)\/api(?:\/v\d+)?\/webhooks\/\d+\/[\w-]+/i;
// What makes a message exfiltration rather than a notification: host identity, env, tokens, files.
const LOOT_CALLS = /^(?:os\.(?:hostname|userInfo|homedir|networkInterfaces|platform|type)|\?\.(?:hostname|userInfo|homedir|networkInterfaces))$/;

export default defineRule({
  id: 'webhook-exfil',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'high',
    confidence: 'high',
    summary: 'Sends files, environment or host data to a Telegram bot or Discord webhook',
    why: 'Commodity npm stealers and some lure payloads skip their own server and post tokens, env files and host names to a Telegram bot (sendDocument/sendMessage) or a Discord webhook, which the attacker reads anywhere.',
    fix: 'Do not run the project. Revoke the tokens and secrets the machine held; report the bot/webhook to Telegram/Discord.',
    falsePositives: 'CI notifiers and chat bots post to Telegram and Discord too; the webhook alone is low, and only a webhook together with host identity (os.hostname/userInfo/homedir), process.env dumps or file reads in the same file is high.',
    references: ['https://attack.mitre.org/techniques/T1567/', 'https://blog.phylum.io/'],
    status: 'stable',
  },
  input: 'js-ast',
  // A finding needs a Telegram bot API URL (api.telegram.org/bot), a Discord webhook URL (…/api/webhooks/…), a
  // WebhookClient or a Telegram bot library: the second condition asks for those, so a site that links its Discord and
  // Telegram channels is not parsed for this rule.
  prefilter: [
    /telegram|discord|webhook|WebhookClient|_0x[0-9a-f]{4}|fromCharCode|base64|atob/i,
    /telegram\.org|api\.telegram|['"`]telegram['"`]|webhooks|WebhookClient|node-telegram-bot-api|telegraf|_0x[0-9a-f]{4}|fromCharCode|base64|atob/i,
  ],
  check(ctx, js) {
    const f = jsFacts(js);
    const hooks: Array<{ s: Str; kind: string; url?: ReturnType<typeof urlsIn>[number] }> = [];
    for (const s of f.strings) {
      if (s.value.length > 5000) continue;
      const t = TELEGRAM.exec(s.value);
      if (t) hooks.push({ s, kind: `Telegram bot${t[1] ? ` ${t[1]}` : ''}`, url: urlsIn(s.value)[0] });
      else if (DISCORD.test(s.value)) hooks.push({ s, kind: 'Discord webhook', url: urlsIn(s.value)[0] });
    }
    const webhookClient = f.calls.find((c) => c.isNew && /(?:^|\.)WebhookClient$/.test(c.callee) && hasModule(f, /^discord\.js/));
    const telegramLib = f.calls.find((c) => /^(?:node-telegram-bot-api|telegraf)/.test(c.callee) && c.isNew);
    if (!hooks.length && !webhookClient && !telegramLib) return;
    const loot: string[] = [];
    if (f.calls.some((c) => LOOT_CALLS.test(c.callee))) loot.push('host identity');
    if (/\bprocess\.env\b(?!\.)|JSON\.stringify\(\s*process\.env|Object\.(?:keys|entries)\(\s*process\.env/.test(js.text)) loot.push('the whole environment');
    if (fileReads(f).length) loot.push('file contents');
    if (f.strings.some((s) => /sendDocument|[\\/]Local Storage[\\/]leveldb|\.ldb\b|tokens?\b.*discord/i.test(s.value))) loot.push('documents/tokens');
    const [severity, confidence] = loot.length ? (['high', 'high'] as const) : (['low', 'low'] as const);
    const at = hooks[0]?.s ?? (webhookClient ?? telegramLib)!.node;
    const kind = hooks[0]?.kind ?? (webhookClient ? 'Discord WebhookClient' : 'Telegram bot client');
    const url = hooks[0]?.url;
    ctx.report({
      at: { node: at },
      message: `${kind}${loot.length ? ` receiving ${loot.join(', ')}` : ''}`,
      evidence: clip(evidenceOf(js, at)),
      decoded: hooks[0]?.s.folded ? clip(hooks[0].s.value, 300) : undefined,
      severity,
      confidence,
      iocs: url ? urlIocs(url) : undefined,
    });
  },
});
