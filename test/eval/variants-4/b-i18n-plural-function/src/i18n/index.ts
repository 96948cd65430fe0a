import { compilePlural } from './plural';

type Catalog = { '@plural': string; [ns: string]: unknown };

const modules = import.meta.glob<Catalog>('../../locales/*.json', { eager: true, import: 'default' });

const catalogs: Record<string, { data: Catalog; plural: (n: number) => number }> = {};
for (const [file, data] of Object.entries(modules)) {
  const lang = file.split('/').pop()!.replace('.json', '');
  catalogs[lang] = { data, plural: compilePlural(data['@plural']) };
}

export function t(lang: string, key: string, vars: Record<string, string | number> = {}): string {
  const cat = catalogs[lang] ?? catalogs.en;
  let msg: unknown = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], cat.data);
  if (Array.isArray(msg)) {
    const n = Number(vars.count ?? 0);
    msg = msg[Math.min(cat.plural(n), msg.length - 1)];
  }
  return String(msg ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export const locales = Object.keys(catalogs);
