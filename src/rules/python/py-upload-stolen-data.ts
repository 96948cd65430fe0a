import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../core/rule.js';
import { modelOf, resolveCallee, type PyCall, type PyModel } from '../../analyzers/python/model.js';
import { evaluate } from '../../analyzers/python/static-eval.js';
import { at, clip, isNetworkCall, payloadTexts, sendCalls } from './_util.js';

// Directory walks: os.walk/listdir/scandir, glob, pathlib rglob.
const WALK = /^(?:os\.(?:walk|listdir|scandir)|glob\.i?glob|pathlib\.Path\.rglob)$|(?:^|\.)rglob$/;
// The root of the disk (/, C:\) or the user's home: a sweep, not a project folder.
const DISK_ROOT = /^(?:\/|[A-Za-z]:[\\/]{0,2}|\\\\)$/;
const HOME = /expanduser\s*\(\s*['"]~['"]?|Path\.home\s*\(|(?:environ(?:\.get)?\s*[[(]|getenv\s*\()\s*['"](?:HOME|USERPROFILE|HOMEPATH|APPDATA)['"]|^['"]~[\\/]?['"]$/;
// A file handed to the request: requests' files=, an open() handle, aiohttp FormData, Telegram sendDocument.
const CARRIES_FILE = /\bopen\s*\(|\bFormData\b|\badd_field\b|\.read\s*\(\s*\)|sendDocument/;
// Wallet secrets: leaving the machine they are the funds themselves.
const WALLET_SECRET = /(?:private_?key|priv_?key|privkey|mnemonic|seed_?phrase|secret_?recovery|recovery_?phrase)/i;

const WALLET_CONTEXT = /\b(?:web3|eth_account|solana|solders|bip_?39|bip_?44|hdwallet|mnemonic|bitcoin|bitcoinlib|tronpy|Keypair|wallet)\b/i;

/** Where a walk starts: the literal root, or a parameter's default (def scan(folder='/')), or the name's assignments. */
function walkRoot(model: PyModel, call: PyCall): { disk: boolean; home: boolean; shown: string } | null {
  const a = call.args[0] ?? (/rglob$/.test(call.callee) ? call.node.childForFieldName('function')?.childForFieldName('object') : undefined);
  if (!a) return null;
  const candidates: string[] = [];
  const v = evaluate(a, { model });
  if (v) candidates.push(v.value);
  candidates.push(a.text);
  if (a.type === 'identifier') {
    for (const n of model.assigns.get(a.text) ?? []) candidates.push(stringOf(model, n) ?? n.text);
    // A parameter with a default: def scan_and_send(token, chat, folder_path='/')
    let fn: Node | null = call.node.parent;
    while (fn && fn.type !== 'function_definition') fn = fn.parent;
    for (let f = fn; f; f = f.parent) {
      if (f.type !== 'function_definition') continue;
      for (const p of f.childForFieldName('parameters')?.namedChildren ?? []) {
        if (p?.type === 'default_parameter' && p.childForFieldName('name')?.text === a.text) {
          const d = p.childForFieldName('value');
          if (d) candidates.push(evaluate(d, { model })?.value ?? d.text);
        }
      }
    }
  }
  for (const c of candidates) {
    if (DISK_ROOT.test(c.trim())) return { disk: true, home: false, shown: c.trim() };
    if (HOME.test(c)) return { disk: false, home: true, shown: clip(c, 60) };
  }
  return null;
}

function stringOf(model: PyModel, n: Node): string | null {
  return evaluate(n, { model })?.value ?? null;
}

export default defineRule({
  id: 'py-upload-stolen-data',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'high',
    confidence: 'high',
    summary: 'Python uploads files it sweeps from the whole disk or the home folder, or sends wallet private keys / mnemonics out',
    why: 'File stealers walk / or ~ for documents, source files and key files and post each one to a webhook, bot or server; fake wallet and "validator" packages post the private key or seed phrase they are given. Either way the data itself leaves the machine.',
    fix: 'Do not run it. If it ran, assume the swept files are public and move crypto funds from a clean device.',
    falsePositives: 'Backup and sync tools upload folders the user chooses; a sweep of the home folder (not the disk root) counts at medium confidence. Wallet libraries sign locally and send signed transactions, not the key.',
    references: ['https://attack.mitre.org/techniques/T1005/', 'https://attack.mitre.org/techniques/T1041/', 'https://attack.mitre.org/techniques/T1552/'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /\b(?:requests|urllib|urlopen|httpx|aiohttp|http\.client|urllib3|smtplib|ftplib)\b/,
  check(ctx, py) {
    const model = modelOf(py);
    const net = model.calls.filter((c) => isNetworkCall(model, c));
    if (!net.length) return;
    const out = [...net, ...sendCalls(model, net)];
    // Files swept from / or ~ and posted.
    const carrier = out.find((c) => c.kwargs.has('files') || payloadTexts(model, c).some((t) => CARRIES_FILE.test(t)));
    if (carrier) {
      for (const c of model.calls) {
        if (!WALK.test(resolveCallee(model, c.callee))) continue;
        const root = walkRoot(model, c);
        if (!root) continue;
        ctx.report({
          at: at(c.node),
          message: `Walks ${root.disk ? `the whole disk (${root.shown})` : `the home folder (${root.shown})`} and uploads files (${clip(resolveCallee(model, carrier.callee), 60)} at line ${carrier.node.startPosition.row + 1})`,
          evidence: clip(c.node.text),
          confidence: root.disk ? 'high' : 'medium',
        });
        break;
      }
    }
    // A private key or mnemonic in what a request sends.
    for (const c of out) {
      const secret = payloadTexts(model, c).map((t) => WALLET_SECRET.exec(t)).find(Boolean);
      if (!secret) continue;
      // A private key alone signs things (ACME/JWT clients post JWS made with one): it counts as a wallet's only in a
      // file that deals with wallets. Mnemonics and seed phrases are wallets' own.
      if (/key/i.test(secret[0]) && !WALLET_CONTEXT.test(py.text)) continue;
      ctx.report({
        at: at(c.node),
        message: `${resolveCallee(model, c.callee)} sends a wallet secret (${secret[0]}) out`,
        evidence: clip(c.node.text),
        confidence: 'medium',
      });
      break;
    }
  },
});
