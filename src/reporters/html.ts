import type { Report } from '../core/report.js';
export function renderHtml(report: Report): string {
  return `<!doctype html><title>lurescan</title><pre>${report.verdict}</pre>\n`;
}
