import { useEffect, useState } from 'react';
import { createPublicClient, http, formatUnits, type Address } from 'viem';
import { mainnet } from 'viem/chains';

const client = createPublicClient({ chain: mainnet, transport: http() });
const erc20 = [{ type: 'function', name: 'balanceOf', stateMutability: 'view', inputs: [{ name: 'a', type: 'address' }], outputs: [{ type: 'uint256' }] }] as const;
const TOKENS: { symbol: string; address: Address; decimals: number; usd: number }[] = [
  { symbol: 'USDC', address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', decimals: 6, usd: 1 },
  { symbol: 'DAI', address: '0x6B175474E89094C44Da98b954EedeAC495271d0F', decimals: 18, usd: 1 },
];

export default function App() {
  const [owner, setOwner] = useState<Address | ''>('');
  const [rows, setRows] = useState<{ symbol: string; amount: string }[]>([]);
  useEffect(() => {
    if (!owner) return;
    Promise.all(
      TOKENS.map(async (t) => {
        const raw = await client.readContract({ address: t.address, abi: erc20, functionName: 'balanceOf', args: [owner] });
        return { symbol: t.symbol, amount: formatUnits(raw, t.decimals) };
      }),
    ).then(setRows);
  }, [owner]);
  return (
    <main>
      <input placeholder="0x..." value={owner} onChange={(e) => setOwner(e.target.value as Address)} />
      <table><tbody>{rows.map((r) => <tr key={r.symbol}><td>{r.symbol}</td><td>{r.amount}</td></tr>)}</tbody></table>
    </main>
  );
}
