import useSWR from 'swr';

type Collection = { slug: string; name: string; floor: number | null };
const fetcher = (u: string) => fetch(u).then((r) => r.json());

export default function Home() {
  const { data } = useSWR<Collection[]>('/api/collections', fetcher);
  return (
    <main>
      <h1>Mintboard</h1>
      <ul>
        {(data ?? []).map((c) => (
          <li key={c.slug}>
            <img src={`/api/og?slug=${c.slug}`} width={120} height={63} alt="" /> {c.name} — floor{' '}
            {c.floor ?? 'n/a'}
          </li>
        ))}
      </ul>
    </main>
  );
}
