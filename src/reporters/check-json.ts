/** `lurescan check --format json`: the versioned check object (schema/check.schema.json). */
import type { CheckReport } from '../api/check.js';

export function renderCheckJson(r: CheckReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
