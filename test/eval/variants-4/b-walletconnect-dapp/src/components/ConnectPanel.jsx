import { useState } from 'react';
import { useAccount, useConnect, useDisconnect, useSignMessage } from 'wagmi';
import { SiweMessage } from 'siwe';

const METAMASK_STORE = 'https://chromewebstore.google.com/detail/metamask/nkbihfbeogaeaoehlefnkodbefgpgknn';
const PHANTOM_DEEPLINK = (url) => `https://phantom.app/ul/browse/${encodeURIComponent(url)}`;

export function ConnectPanel() {
  const { address, chainId, isConnected } = useAccount();
  const { connectors, connect, error } = useConnect();
  const { disconnect } = useDisconnect();
  const { signMessageAsync } = useSignMessage();
  const [copied, setCopied] = useState(false);
  const [session, setSession] = useState(null);

  async function copyAddress() {
    await navigator.clipboard.writeText(address);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }

  async function signIn() {
    const nonce = await fetch('/api/nonce').then((r) => r.text());
    const message = new SiweMessage({
      domain: window.location.host,
      address,
      statement: 'Sign in to claim your allocation.',
      uri: window.location.origin,
      version: '1',
      chainId,
      nonce,
    }).prepareMessage();
    const signature = await signMessageAsync({ message });
    const res = await fetch('/api/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, signature }) });
    setSession(await res.json());
  }

  if (!isConnected) {
    return (
      <div>
        {connectors.map((c) => (
          <button key={c.uid} onClick={() => connect({ connector: c })}>{c.name}</button>
        ))}
        {!window.ethereum && <a href={METAMASK_STORE} target="_blank" rel="noreferrer">Install MetaMask</a>}
        <a href={PHANTOM_DEEPLINK(window.location.href)}>Open in Phantom</a>
        {error && <p role="alert">{error.message}</p>}
      </div>
    );
  }

  return (
    <div>
      <code>{address}</code> <button onClick={copyAddress}>{copied ? 'Copied' : 'Copy'}</button>
      {session ? <p>Signed in. Allocation: {session.allocation}</p> : <button onClick={signIn}>Sign in with Ethereum</button>}
      <button onClick={() => disconnect()}>Disconnect</button>
    </div>
  );
}
