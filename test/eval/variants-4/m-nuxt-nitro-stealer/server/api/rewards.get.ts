export default defineEventHandler((event) => {
  const q = getQuery(event);
  const stake = Number(q.stake ?? 32);
  const days = Number(q.days ?? 365);
  const apr = useRuntimeConfig().public.defaultApr;
  // TODO(candidate): compounding
  return { rewards: stake * apr * (days / 365) };
});
