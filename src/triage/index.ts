/** `lurescan message`: judge the approach, not only the code. Pure: text in, report out; nothing is fetched or run. */
import { TOOL_VERSION } from '../core/version.js';
import { extractArtefacts } from './artefacts.js';
import { parseMessage } from './input.js';
import { buildPlaybook, buildReply } from './playbook.js';
import { COMBOS, TACTICS } from './tactics.js';
import type { Artefact, MessageLanguage, MessageReport, MessageRisk, ParsedMessage, Quote, TacticHit } from './types.js';

export type { MessageReport, MessageRisk, TacticHit, Artefact } from './types.js';
export { parseMessage } from './input.js';

const MAX_QUOTES = 3;
const URL_IN_TEXT = /\bhttps?:\/\/\S+|\b(?:[\w-]+\.)+(?:com|org|io|net|me|app|dev|xyz|gg|nz|ly)\/\S*/gi;
const HIGH = 60;
const ELEVATED = 30;

export function detectLanguage(text: string): MessageLanguage {
  const kana = (text.match(/[\u3040-\u30ff]/g) ?? []).length;
  return kana >= 5 ? 'ja' : 'en';
}

/** The sentence of `line` around [start, end): quotes stay short and show the words that matched. */
function sentenceAround(line: string, start: number, end: number): string {
  const boundary = /[.!?](?=\s|$)\s*|[。！？]\s*|\s[-–—]\s/g;
  let s = 0;
  let e = line.length;
  for (const m of line.matchAll(boundary)) {
    const stop = m.index! + m[0].length;
    if (stop <= start) s = stop;
    else if (m.index! >= end) {
      e = m.index! + 1;
      break;
    }
  }
  let q = line.slice(s, e).trim();
  if (q.length > 220) {
    const from = Math.max(0, start - s - 80);
    q = `${from > 0 ? '…' : ''}${q.slice(from, from + 220)}…`;
  }
  return q;
}

function findTactics(msg: ParsedMessage, lang: MessageLanguage): TacticHit[] {
  const hits: TacticHit[] = [];
  for (const t of TACTICS) {
    const quotes: Quote[] = [];
    const patterns = Object.values(t.patterns).flat();
    msg.lines.forEach((l, i) => {
      if (quotes.length >= MAX_QUOTES) return;
      // URLs are artefacts, not words: "dex" in a repository name is not a DeFi pitch.
      const words = l.text.replace(URL_IN_TEXT, (u) => ' '.repeat(u.length));
      for (const re of patterns) {
        const m = re.exec(words);
        if (!m) continue;
        const text = sentenceAround(l.text, m.index, m.index + m[0].length);
        if (!quotes.some((q) => q.text === text)) quotes.push({ text: l.from ? `${l.from}: ${text}` : text, line: i + 1 });
        break;
      }
    });
    if (quotes.length) hits.push({ id: t.id, title: t.titles?.[lang] ?? t.title, weight: t.weight, quotes });
  }
  return hits;
}

function score(tactics: TacticHit[], artefacts: Artefact[]): { score: number; risk: MessageRisk; reasons: string[] } {
  const ids = new Set(tactics.map((t) => t.id));
  let s = tactics.reduce((n, t) => n + t.weight, 0);
  for (const c of COMBOS) if (c.ids.every((id) => ids.has(id))) s += c.bonus;
  const dangerousCommand = artefacts.some((a) => a.type === 'command' && a.dangerous);
  const lookalikes = artefacts.filter((a) => a.type === 'lookalike-domain' || (a.type === 'url' && a.dangerous));
  const mismatch = artefacts.some((a) => a.type === 'sender-mismatch' && a.dangerous);
  const codeLinks = artefacts.some((a) => a.type === 'repository' || a.type === 'file-share');
  if (lookalikes.length) s += 25;
  if (mismatch) s += 10;
  if (codeLinks && ids.has('run-locally')) s += 10;
  if (artefacts.some((a) => a.type === 'file-share') && ids.has('test-task')) s += 5;
  const reasons: string[] = [];
  // A pasted "fix" one-liner that downloads and runs code is the attack itself (ClickFix): high on its own.
  if (dangerousCommand) {
    s = Math.max(s, 90);
    reasons.push('it asks you to run a command that downloads and executes code');
  }
  s = Math.min(100, s);
  const risk: MessageRisk = dangerousCommand || s >= HIGH ? 'high' : s >= ELEVATED ? 'elevated' : 'low';
  return { score: s, risk, reasons };
}

function summaryEn(risk: MessageRisk, reasons: string[], titles: string[]): string {
  const top = titles.map((t) => t.charAt(0).toLowerCase() + t.slice(1));
  if (risk === 'high') return `This approach matches the fake-recruiter lure pattern: ${[...reasons, ...top].join('; ')}. Do not run anything it sends you.`;
  if (risk === 'elevated') return `Some signs of a fake-recruiter approach: ${top.join('; ')}. Verify the person before you touch the code.`;
  return top.length ? `Few lure signs (${top.join('; ')}); still verify before running any code.` : 'No known lure tactic found. Verification before running unknown code is still good practice.';
}

function summaryJa(risk: MessageRisk, command: boolean, top: string[]): string {
  const list = top.join('、');
  if (risk === 'high') return `偽リクルーターの手口と一致します${command ? '（ダウンロードしたコードを実行させるコマンドを含みます）' : ''}：${list}。送られてきたものは何も実行しないでください。`;
  if (risk === 'elevated') return `偽リクルーターの兆候があります：${list}。コードに触れる前に相手を確認してください。`;
  return top.length ? `兆候はわずかです（${list}）。それでも実行前に確認してください。` : '既知の手口は見つかりませんでした。未知のコードを実行する前の確認は引き続き推奨します。';
}

export interface TriageOptions {
  /** File name, used to recognise .eml and Telegram JSON exports. */
  filename?: string;
  /** Shown in the report (a path, or '-' for stdin). */
  source?: string;
}

export function triageMessage(raw: string, opts: TriageOptions = {}): MessageReport {
  const msg = parseMessage(raw, opts.filename ?? '');
  const fullText = msg.lines.map((l) => l.text).join('\n');
  const language = detectLanguage(fullText);
  const tactics = findTactics(msg, language);
  const artefacts = extractArtefacts(msg);
  const { score: s, risk, reasons } = score(tactics, artefacts);
  const ordered = [...tactics].sort((a, b) => b.weight - a.weight);
  const top = ordered.slice(0, 3).map((t) => t.title);
  const summary = language === 'ja' ? summaryJa(risk, reasons.length > 0, top) : summaryEn(risk, reasons, top);
  return {
    schemaVersion: 1,
    tool: { name: 'lurescan', version: TOOL_VERSION },
    kind: 'message',
    source: opts.source ?? '-',
    format: msg.format,
    language,
    risk,
    score: s,
    summary,
    tactics: ordered,
    artefacts,
    playbook: buildPlaybook(tactics, artefacts, language),
    reply: { language, text: buildReply(tactics, artefacts, language) },
  };
}
