import { http, createConfig } from 'wagmi';
import { base, mainnet } from 'wagmi/chains';
import { coinbaseWallet, injected, walletConnect } from 'wagmi/connectors';

export const config = createConfig({
  chains: [base, mainnet],
  connectors: [
    injected(),
    walletConnect({ projectId: import.meta.env.VITE_WC_PROJECT_ID, showQrModal: true }),
    coinbaseWallet({ appName: 'Token Claim' }),
  ],
  transports: { [base.id]: http(), [mainnet.id]: http() },
});
