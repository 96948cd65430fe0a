import type { ReactNode } from 'react';

export const metadata = { title: 'Vaultline', description: 'Self-custody vaults for teams' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
