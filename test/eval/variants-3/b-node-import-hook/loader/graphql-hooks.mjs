/** Module customization hook: load .graphql files as ES modules exporting their source text. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.graphql') && !url.endsWith('.gql')) return nextLoad(url, context);
  const sdl = await readFile(fileURLToPath(url), 'utf8');
  return {
    format: 'module',
    shortCircuit: true,
    source: `export default ${JSON.stringify(sdl)};`,
  };
}
