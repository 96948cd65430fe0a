import { defineRule } from '../../core/rule.js';
import { OBFUSCATION_HATCH } from '../../analyzers/js/hints.js';
import { evalSinks, jsFacts, type Str, evidenceOf } from '../stealing/_js-facts.js';
import { clip, urlIocs, urlsIn } from '../stealing/_iocs.js';

// Public RPC / explorer APIs that serve raw transaction data (the "dead drop" is a tx memo or input field).
const RPC_HOST = /(?:^|\.)(?:trongrid\.io|tronscan\.org|tronstack\.io|aptoslabs\.com|aptos\.dev|bsc-dataseed\d*\.binance\.org|bsc-dataseed\d*\.defibit\.io|bsc-dataseed\d*\.ninicoin\.io|bscscan\.com|bsc-rpc\.publicnode\.com|bsc\.publicnode\.com|etherscan\.io|blockstream\.info|toncenter\.com|api\.mainnet-beta\.solana\.com|rpc\.ankr\.com|infura\.io|alchemy\.com|cloudflare-eth\.com)$/;
const TX_READ = /^(?:eth_getTransactionByHash|eth_getTransactionReceipt|getTransactionInfoById|gettransactionbyid|getTransaction|wallet\/gettransactionbyid|walletsolidity\/gettransactioninfobyid)$|\/v1\/accounts\/[^/]+\/transactions|\/transactions\/by_hash\/|\/v1\/transactions\/|raw_data|\/wallet\/gettransaction/i;

const WINDOW = 4000;
const XOR = /\.charCodeAt\([^)]*\)\s*\^|\^\s*\w+\.charCodeAt\(|\^\s*\w+\[\s*\w+\s*%\s*\w+(?:\.length)?\s*\]/;

export default defineRule({
  id: 'blockchain-dead-drop',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'critical',
    confidence: 'high',
    summary: 'Reads transaction data from a blockchain RPC, decodes it (XOR/hex) and runs it',
    why: 'Recent lure loaders hide the next-stage URL or code in a TRON/Aptos/BSC transaction: they query a public RPC for a fixed transaction, XOR-decode its data field and eval the result, so nothing on a takedown-able server holds the payload.',
    fix: 'Do not run the project. Note the address/transaction ids: they identify the campaign.',
    falsePositives: 'dApps, ethers/web3 scripts and indexers call the same RPC hosts all day: RPC hosts or transaction reads alone are never reported. Only an RPC/transaction read together with an eval/Function sink is (high with a XOR/char-code decoder, critical with both and a transaction-read method).',
    references: ['https://www.guardio.io/blog/etherhiding', 'https://attack.mitre.org/techniques/T1102/'],
    status: 'stable',
  },
  input: 'js-ast',
  // An RPC/transaction read AND an eval-like sink (evalSinks: eval, Function, vm.*, _compile, .constructor('require')).
  prefilter: [
    /trongrid|tronscan|aptoslabs|bsc-dataseed|bscscan|publicnode|etherscan|toncenter|infura|alchemy|ankr|getTransaction|gettransaction|_0x[0-9a-f]{4}|fromCharCode|base64/i,
    [/eval|Function|constructor|runIn|compileFunction|Script|_compile/, OBFUSCATION_HATCH],
  ],
  check(ctx, js) {
    const f = jsFacts(js);
    const sinks = evalSinks(f);
    if (!sinks.length) return;
    // A dead-drop loader is short: the RPC read, the decoder and the sink sit together. Bundles hold all three apart.
    let best: { sink: (typeof sinks)[number]; rpc?: { s: Str; iocs: ReturnType<typeof urlIocs> }; txRead?: Str; xor: boolean; points: number } | undefined;
    const rpcs: Array<{ s: Str; iocs: ReturnType<typeof urlIocs> }> = [];
    const txReads: Str[] = [];
    for (const s of f.strings) {
      if (s.value.length > 5000) continue;
      for (const u of urlsIn(s.value)) if (RPC_HOST.test(u.host)) { rpcs.push({ s, iocs: urlIocs(u) }); break; }
      if (TX_READ.test(s.value)) txReads.push(s);
    }
    if (!rpcs.length && !txReads.length) return;
    for (const sink of sinks.slice(0, 200)) {
      const near = (p: number) => Math.abs(p - sink.node.start) <= WINDOW;
      const rpc = rpcs.find((r) => near(r.s.start));
      const txRead = txReads.find((t) => near(t.start));
      const around = js.text.slice(Math.max(0, sink.node.start - WINDOW), sink.node.end + WINDOW);
      const xor = XOR.test(around);
      const points = (rpc ? 1 : 0) + (txRead ? 1 : 0) + (xor ? 1 : 0);
      if (!best || points > best.points) best = { sink, rpc, txRead, xor, points };
    }
    if (!best || (!best.rpc && !best.txRead)) return;
    const { rpc, txRead, xor, points } = best;
    if (points < 2) return; // one hint next to an eval is not a flow
    // The decoder is what separates a dead drop from a wallet that happens to bundle a template Function.
    const [severity, confidence] = points >= 3 ? (['critical', 'high'] as const) : xor ? (['high', 'medium'] as const) : (['medium', 'low'] as const);
    const at = rpc?.s ?? txRead!;
    ctx.report({
      at: { node: at },
      message: `Blockchain dead drop: ${[rpc && 'RPC host', txRead && `transaction read (${clip(txRead.value, 40)})`, xor && 'XOR decoder'].filter(Boolean).join(', ')} with ${best.sink.callee}() next to it`,
      evidence: clip(evidenceOf(js, at)),
      decoded: at.folded ? clip(at.value, 300) : undefined,
      severity,
      confidence,
      iocs: rpc?.iocs,
    });
  },
});
