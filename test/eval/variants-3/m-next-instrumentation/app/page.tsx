export default async function Home() {
  return (
    <main style={{ padding: 32 }}>
      <h1>FX quotes</h1>
      <p>Try <code>/api/quotes?pair=GBPUSD</code>.</p>
      {/* TODO(candidate): live-updating table of the three pairs with a spread selector */}
    </main>
  );
}
