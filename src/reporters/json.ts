import type { Report } from '../core/report.js';

/** The versioned JSON contract (schema/report.schema.json). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
