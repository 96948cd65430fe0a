import { subscribe } from './actions/subscribe';

export default function Home() {
  return (
    <main style={{ maxWidth: 640, margin: '4rem auto', fontFamily: 'system-ui' }}>
      <h1>Vaultline</h1>
      <p>Multi-sig vaults with policy controls, built for treasury teams.</p>
      <form action={subscribe}>
        <label htmlFor="email">Get launch updates</label>
        <input id="email" name="email" type="email" placeholder="you@company.com" />
        <button type="submit">Subscribe</button>
      </form>
    </main>
  );
}
