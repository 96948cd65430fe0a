import { readFileSync } from 'node:fs';

/** Read from package.json at load so the report, SARIF driver and --version never disagree. */
export const TOOL_VERSION: string = (() => {
  try {
    const url = new URL('../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();
