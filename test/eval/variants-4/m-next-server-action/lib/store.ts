const subscribers = new Set<string>();

export async function addSubscriber(email: string): Promise<boolean> {
  const key = email.trim().toLowerCase();
  if (subscribers.has(key)) return false;
  subscribers.add(key);
  return true;
}
