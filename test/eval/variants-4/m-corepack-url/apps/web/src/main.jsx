import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Vaults() {
  const [rows, setRows] = useState([]);
  useEffect(() => { fetch('http://localhost:8787/vaults').then((r) => r.json()).then(setRows); }, []);
  return <ul>{rows.map((v) => <li key={v.id}>{v.id}: {(v.apy * 100).toFixed(2)}%</li>)}</ul>;
}

createRoot(document.getElementById('root')).render(<Vaults />);
