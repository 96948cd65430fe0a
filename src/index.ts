/** Public API. Everything a program needs to scan and render; the CLI is one such program. */
export { scan, type ScanOptions } from './api/scan.js';
export type { Report, Verdict, Skipped, ScanError } from './core/report.js';
export { SCHEMA_VERSION } from './core/report.js';
export type { Finding, Ioc, Severity, Confidence, CodeFrame } from './core/finding.js';
export type { AutorunEntry, AutorunTrigger } from './core/autorun.js';
export type { RuleMeta } from './core/rule.js';
export { detonate, type DetonateApiOptions, DetonateError } from './api/detonate.js';
export { allRules } from './rules/index.js';
export { render, type Format } from './reporters/index.js';
export { check, combine as combineCheck, CHECK_SCHEMA_VERSION, type CheckReport, type CheckOptions, type CheckInput, type TargetMatch } from './api/check.js';
