import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { WagmiProvider } from 'wagmi';
import { ConnectPanel } from './components/ConnectPanel';
import { config } from './wagmi';

const qc = new QueryClient();
createRoot(document.getElementById('root')).render(
  <WagmiProvider config={config}>
    <QueryClientProvider client={qc}>
      <ConnectPanel />
    </QueryClientProvider>
  </WagmiProvider>,
);
