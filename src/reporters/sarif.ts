import type { Report } from '../core/report.js';

/** SARIF 2.1.0 for GitHub code scanning. TODO(reporters): full rules metadata, fingerprints, schema test. */
export function renderSarif(report: Report): string {
  const run = {
    tool: { driver: { name: 'lurescan', version: report.tool.version, informationUri: 'https://github.com/lurescan/lurescan', rules: [] as unknown[] } },
    results: report.findings.map((f) => ({
      ruleId: f.ruleId,
      level: f.severity === 'critical' || f.severity === 'high' ? 'error' : f.severity === 'medium' ? 'warning' : 'note',
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) } } }],
    })),
  };
  return `${JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2)}\n`;
}
