import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { MESSAGES } from '../../src/triage/fixtures/messages.js';
import { REPO } from '../cli/helpers.js';

export { CLEAN_FIXTURE, EXAMPLE, REPO, runCli, tmpDir } from '../cli/helpers.js';

/** A labelled message from src/triage/fixtures by id. */
export function fixtureMessage(id: string): string {
  const m = MESSAGES.find((x) => x.id === id);
  if (!m) throw new Error(`no fixture message ${id}`);
  return m.text;
}

const reportSchema = JSON.parse(readFileSync(join(REPO, 'schema/report.schema.json'), 'utf8'));
const checkSchema = JSON.parse(readFileSync(join(REPO, 'schema/check.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
ajv.addSchema(reportSchema);
export const validateCheck = ajv.compile(checkSchema);

/** A lure message (high risk, run-locally + test task), a legitimate one (low), a ClickFix one (pasted curl | bash). */
export const LURE = 'Hi, thanks for your interest in the Senior Full-Stack role.\nThe next step is a take-home task that should take about 40 minutes: clone the repo, npm i, npm start and fix the checkout bug.\nPlease send me your GitHub username so I can invite you to the private repository.';
export const LEGIT = fixtureMessage('en-legit-recruiter');
export const CLICKFIX = fixtureMessage('en-lure-clickfix-camera');
