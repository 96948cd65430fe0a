import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [rows, setRows] = useState([]);
  useEffect(() => {
    fetch('http://localhost:4400/api/escrows').then((r) => r.json()).then(setRows);
  }, []);
  return (
    <table>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id}><td>{e.id}</td><td>{e.amount} {e.asset}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

createRoot(document.getElementById('root')).render(<App />);
