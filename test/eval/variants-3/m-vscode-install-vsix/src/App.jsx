export default function App() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-4xl font-bold">Your keys. Your coins.</h1>
      <p className="mt-4 text-lg text-slate-600">A self-custody wallet for everyday payments.</p>
      {/* TODO(candidate): build the pricing section from the Figma link in the brief */}
    </main>
  );
}
