import type { Report } from '../core/report.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderStix } from './stix.js';
import { renderTerminal } from './terminal.js';

export const FORMATS = ['terminal', 'json', 'sarif', 'html', 'stix', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** Terminal only: ANSI colours. The CLI decides (TTY, NO_COLOR, FORCE_COLOR); a library caller opts in. */
  color?: boolean;
  /** STIX only: created/modified/valid_from (ids never depend on it). Default: now. */
  timestamp?: Date;
  /** SARIF only: where the scanned folder sits relative to the repository root (see SarifOptions). */
  sarif?: SarifOptions;
}

/** Every reporter is a pure (report) => string: same report, same bytes. */
export function render(report: Report, format: Format, opts: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, opts.sarif);
    case 'terminal':
      return renderTerminal(report, { color: opts.color ?? false });
    case 'html':
      return renderHtml(report);
    case 'stix':
      return renderStix(report, { timestamp: opts.timestamp });
    case 'csv':
      return renderCsv(report);
  }
}
