import type { Report } from '../core/report.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderTerminal } from './terminal.js';

export const FORMATS = ['terminal', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** Every reporter is a pure (report) => string. */
export function render(report: Report, format: Format, opts: { color?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'terminal':
      return renderTerminal(report, { color: opts.color ?? false });
  }
}
