const TOKENS = [
  { name: 'brand-50', value: '#eef6ff' },
  { name: 'brand-500', value: '#2f6fed' },
  { name: 'brand-900', value: '#10245a' },
];

export default function TokenGrid() {
  return (
    <div className="grid grid-cols-3 gap-4 p-8">
      {TOKENS.map((t) => (
        <div key={t.name} className="token-card shadow" style={{ background: t.value }}>
          <code className="text-white mix-blend-difference">{t.name}</code>
        </div>
      ))}
    </div>
  );
}
