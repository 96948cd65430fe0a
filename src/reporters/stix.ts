import type { Report } from '../core/report.js';
export function renderStix(report: Report): string {
  return `${JSON.stringify({ type: 'bundle', id: 'bundle--00000000-0000-5000-8000-000000000000', objects: [], x: report.verdict })}\n`;
}
