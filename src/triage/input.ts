/** Turns what a user can paste or export (plain text, Markdown, .eml, Telegram JSON) into lines and links. */
import type { MessageLine, ParsedMessage } from './types.js';

const MAX_CHARS = 2_000_000;

export function parseMessage(raw: string, filename = ''): ParsedMessage {
  const text = raw.length > MAX_CHARS ? raw.slice(0, MAX_CHARS) : raw;
  const trimmed = text.trimStart();
  if (/\.json$/i.test(filename) || (trimmed.startsWith('{') && /"messages"\s*:/.test(trimmed.slice(0, 4000)))) {
    const tg = parseTelegram(trimmed);
    if (tg) return tg;
  }
  if (/\.eml$/i.test(filename) || /^(?:Received|From|Return-Path|Delivered-To|MIME-Version|Message-ID|Subject|Date):/im.test(trimmed.slice(0, 2000)) && /^\s*$/m.test(trimmed)) {
    const eml = parseEml(text);
    if (eml) return eml;
  }
  return fromText(text, 'text');
}

// Copied chat text. Discord: "mike — Today at 10:42 AM"; Slack: "Mike Chen  10:42 AM"; inline: "[10:42] mike: hi".
// Discord first: its header also ends in a time.
const SPEAKER_LINE = [
  /^(.{1,40}?)\s+[—–-]\s+(?:Today|Yesterday|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})(?: at)?\s+\d{1,2}:\d{2}(?:\s?[AP]M)?\s*$/i,
  /^(.{1,40}?)\s{1,3}(?:\[\d{1,2}:\d{2}(?:\s?[AP]M)?\]|\d{1,2}:\d{2}\s?[AP]M)\s*$/i,
];
const INLINE_SPEAKER = /^\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?\]?\s+([^:\n]{1,40}):\s+(.*)$/i;

/** Attributes lines of copied Slack/Discord conversations to their authors; text without such headers is unchanged. */
function attributeSpeakers(lines: MessageLine[]): void {
  let speaker: string | undefined;
  for (const l of lines) {
    const inline = INLINE_SPEAKER.exec(l.text);
    if (inline) {
      l.from = inline[1]!.trim();
      l.text = inline[2]!;
      continue;
    }
    const header = SPEAKER_LINE.map((re) => re.exec(l.text)).find(Boolean);
    // "See you at 10:42 AM" is prose, not a header.
    if (header && !/\b(?:at|on|by|until|till|before|after|from|to|around|about)$/i.test(header[1]!.trim())) {
      speaker = header[1]!.trim();
      continue;
    }
    if (speaker && l.text.trim()) l.from = speaker;
  }
}

function fromText(text: string, format: ParsedMessage['format'], headers?: Record<string, string>): ParsedMessage {
  const lines: MessageLine[] = text.replace(/\r\n?/g, '\n').split('\n').map((t) => ({ text: t }));
  if (format === 'text') attributeSpeakers(lines);
  const links: ParsedMessage['links'] = [];
  lines.forEach((l, i) => {
    // Markdown [text](href) and HTML <a href="...">text</a>
    for (const m of l.text.matchAll(/\[([^\]\n]{1,200})\]\((https?:\/\/[^)\s]+)\)/g)) links.push({ text: m[1]!, href: m[2]!, line: i + 1 });
    for (const m of l.text.matchAll(/<a\s[^>]*href=["'](https?:\/\/[^"']+)["'][^>]*>([^<]{1,200})<\/a>/gi)) links.push({ text: m[2]!, href: m[1]!, line: i + 1 });
  });
  return { format, lines, links, ...(headers ? { headers } : {}) };
}

// ---------- Telegram Desktop "Export chat history" (JSON) ----------
type TgText = string | Array<string | { type?: string; text?: string; href?: string }>;
interface TgMessage {
  type?: string;
  from?: string;
  text?: TgText;
}

function parseTelegram(json: string): ParsedMessage | null {
  let data: { messages?: TgMessage[] };
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (!data || !Array.isArray(data.messages)) return null;
  const lines: MessageLine[] = [];
  const links: ParsedMessage['links'] = [];
  for (const m of data.messages.slice(0, 20_000)) {
    if (m.type && m.type !== 'message') continue;
    const parts = typeof m.text === 'string' ? [m.text] : Array.isArray(m.text) ? m.text : [];
    let body = '';
    for (const p of parts) {
      if (typeof p === 'string') body += p;
      else if (p && typeof p.text === 'string') {
        body += p.text;
        if (p.href) links.push({ text: p.text, href: p.href, line: lines.length + 1 + body.split('\n').length - 1 });
        else if (p.type === 'link' && /^https?:/.test(p.text)) links.push({ text: p.text, href: p.text, line: lines.length + 1 });
      }
    }
    const from = typeof m.from === 'string' ? m.from : undefined;
    for (const t of body.split('\n')) lines.push({ text: t, ...(from ? { from } : {}) });
  }
  return { format: 'telegram-json', lines, links };
}

// ---------- .eml (RFC 5322 + a little MIME) ----------
function parseEml(text: string): ParsedMessage | null {
  const norm = text.replace(/\r\n?/g, '\n');
  const split = norm.indexOf('\n\n');
  if (split === -1) return null;
  const headers = parseHeaders(norm.slice(0, split));
  if (!headers['from'] && !headers['subject']) return null;
  const body = decodeBody(headers, norm.slice(split + 2));
  const subject = headers['subject'] ? `Subject: ${decodeWords(headers['subject'])}\n` : '';
  const parsed = fromText(`${subject}${body}`, 'eml', headers);
  return parsed;
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last = '';
  for (const line of block.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      out[last] += ` ${line.trim()}`;
      continue;
    }
    const m = /^([\w-]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    last = m[1]!.toLowerCase();
    out[last] = out[last] ? `${out[last]}, ${m[2]}` : m[2]!;
  }
  return out;
}

/** =?utf-8?B?...?= and =?utf-8?Q?...?= encoded words. */
function decodeWords(s: string): string {
  return s.replace(/=\?([\w-]+)\?([BbQq])\?([^?]*)\?=/g, (_, _cs: string, enc: string, data: string) => {
    try {
      if (enc.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
      return Buffer.from(qpDecode(data.replace(/_/g, ' ')), 'latin1').toString('utf8');
    } catch {
      return data;
    }
  });
}

function qpDecode(s: string): string {
  return s.replace(/=\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function decodeTransfer(encoding: string | undefined, body: string): string {
  const enc = (encoding ?? '').toLowerCase();
  if (enc.includes('base64')) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc.includes('quoted-printable')) return Buffer.from(qpDecode(body), 'latin1').toString('utf8');
  return body;
}

function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<a\s[^>]*href=["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, '[$2]($1)')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function decodeBody(headers: Record<string, string>, body: string, depth = 0): string {
  const ctype = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(ctype)?.[1];
  if (/multipart\//i.test(ctype) && boundary && depth < 5) {
    const parts = body.split(`--${boundary}`).slice(1);
    const texts: string[] = [];
    let html = '';
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const p = part.replace(/^\n/, '');
      const cut = p.indexOf('\n\n');
      if (cut === -1) continue;
      const h = parseHeaders(p.slice(0, cut));
      const ct = h['content-type'] ?? 'text/plain';
      if (/multipart\//i.test(ct)) texts.push(decodeBody(h, p.slice(cut + 2), depth + 1));
      else if (/text\/plain/i.test(ct)) texts.push(decodeTransfer(h['content-transfer-encoding'], p.slice(cut + 2)));
      else if (/text\/html/i.test(ct)) html = decodeTransfer(h['content-transfer-encoding'], p.slice(cut + 2));
      else {
        const name = /name="?([^";\n]+)"?/i.exec(`${h['content-disposition'] ?? ''};${ct}`)?.[1];
        if (name) texts.push(`[attachment: ${name}]`);
      }
    }
    if (!texts.some((t) => t.trim()) && html) texts.push(stripHtml(html));
    return texts.join('\n');
  }
  const decoded = decodeTransfer(headers['content-transfer-encoding'], body);
  return /text\/html/i.test(ctype) ? stripHtml(decoded) : decoded;
}
