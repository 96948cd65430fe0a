import React, { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LineChart, Line, XAxis, YAxis, Tooltip } from 'recharts';

function Dashboard() {
  const [points, setPoints] = useState([]);
  const [build, setBuild] = useState(null);

  useEffect(() => {
    fetch('/build-info.json').then((r) => r.json()).then(setBuild).catch(() => {});
    const id = setInterval(() => {
      setPoints((p) => [...p.slice(-29), { t: Date.now(), rps: Math.round(80 + Math.random() * 40) }]);
    }, 1000);
    return () => clearInterval(id);
  }, []);

  return (
    <main>
      <h1>Requests per second</h1>
      <LineChart width={720} height={280} data={points}>
        <XAxis dataKey="t" hide />
        <YAxis />
        <Tooltip />
        <Line type="monotone" dataKey="rps" dot={false} />
      </LineChart>
      <footer>{build ? `build ${build.commit} (${build.branch})` : 'dev build'}</footer>
    </main>
  );
}

createRoot(document.getElementById('app')).render(<Dashboard />);
