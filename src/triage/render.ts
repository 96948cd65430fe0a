/** Message report → text. Pure functions of the report; colours only when asked. */
import pc from 'picocolors';
import type { MessageReport } from './types.js';

const BANNER: Record<MessageReport['risk'], { en: string; ja: string }> = {
  high: { en: 'HIGH RISK — treat this as a lure', ja: '危険度: 高 — 偽リクルーターの手口と判断してください' },
  elevated: { en: 'ELEVATED — verify before anything runs', ja: '危険度: 中 — 実行する前に相手を確認してください' },
  low: { en: 'LOW — no known lure tactic', ja: '危険度: 低 — 既知の手口は見つかりませんでした' },
};

export function renderMessageTerminal(r: MessageReport, opts: { color?: boolean } = {}): string {
  const c = pc.createColors(opts.color ?? false);
  const paint = r.risk === 'high' ? (s: string) => c.bold(c.bgRed(c.white(s))) : r.risk === 'elevated' ? (s: string) => c.bold(c.bgYellow(c.black(s))) : (s: string) => c.bold(c.bgGreen(c.black(s)));
  const out: string[] = [];
  out.push(`  ${paint(` ${BANNER[r.risk][r.language]} `)}  ${c.dim(`score ${r.score}/100 · ${r.source} · ${r.format}`)}`, '');
  out.push(wrap(r.summary, 2), '');
  if (r.tactics.length) {
    out.push(c.bold(r.language === 'ja' ? '手口' : 'Tactics'));
    for (const t of r.tactics) {
      out.push(`  ${c.yellow('●')} ${t.title} ${c.dim(`(+${t.weight})`)}`);
      for (const q of t.quotes) out.push(`      ${c.dim(`${r.language === 'ja' ? '行' : 'line'} ${q.line}:`)} “${q.text}”`);
    }
    out.push('');
  }
  if (r.artefacts.length) {
    out.push(c.bold(r.language === 'ja' ? 'アーティファクト（リンク・コマンド等）' : 'Artefacts'));
    for (const a of r.artefacts) {
      const mark = a.dangerous ? c.red('!') : c.dim('·');
      out.push(`  ${mark} ${a.type.padEnd(16)} ${a.value}${a.note ? c.dim(`  — ${a.note}`) : ''}`);
    }
    out.push('');
  }
  out.push(c.bold(r.language === 'ja' ? '確認の手順' : 'What to do'));
  r.playbook.forEach((s, i) => out.push(wrap(`${i + 1}. ${s}`, 2, 5)));
  out.push('', c.bold(r.language === 'ja' ? '返信の例' : 'A reply you can send'));
  for (const l of r.reply.text.split('\n')) out.push(`  │ ${l}`);
  out.push('', c.dim(r.language === 'ja' ? 'これは判断材料であり、断定ではありません。' : 'This is an indicator, not a court: verify before you trust or run anything.'), '');
  return out.join('\n');
}

export function renderMessageJson(r: MessageReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

function wrap(text: string, indent: number, hang = indent, width = 100): string {
  if (/[\u3000-\u9fff]/.test(text)) return ' '.repeat(indent) + text; // CJK: no word boundaries to wrap at
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + w.length + 1 > width - indent) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.map((l, i) => ' '.repeat(i ? hang : indent) + l).join('\n');
}
