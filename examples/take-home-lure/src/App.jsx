import { useEffect, useState } from 'react';

export default function App() {
  const [balance, setBalance] = useState(0);
  useEffect(() => {
    fetch('/api/balance').then((r) => r.json()).then((d) => setBalance(d.balance + 1)); // BUG: off by one
  }, []);
  return <h1>Balance: {balance}</h1>;
}
