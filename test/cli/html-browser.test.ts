import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { scan } from '../../src/index.js';
import type { Report } from '../../src/core/report.js';
import { renderHtml } from '../../src/reporters/html.js';
import { CLEAN_FIXTURE, EXAMPLE, tmpDir } from './helpers.js';

/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (no browser download). Skips, saying
 * so, where /usr/bin/chromium is missing (.ci/run installs it).
 */
const CHROMIUM = '/usr/bin/chromium';
const missing = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does) to run the browser test`;
const OUT = process.env.TEST_OUTPUT_DIR ?? join(tmpdir(), 'lurescan-test-output');

describe('HTML report in Chromium', { skip: missing, timeout: 120_000 }, () => {
  let browser: Browser;
  let dir: string;
  before(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      timeout: 60_000,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
    });
    dir = tmpDir();
  });
  after(async () => {
    await browser?.close();
  });

  /** Opens a rendered report from file:// and records every request, console error, page error and dialog. */
  async function open(report: Report, name: string) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, renderHtml(report));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, requests, problems, close: () => context.close() };
  }

  it('the example lure: banner, filters, copy button, no network, a screenshot', async (t) => {
    const report = await scan(EXAMPLE);
    const { page, requests, problems, close } = await open(report, 'take-home-lure');
    try {
      // Banner, styled (the CSP admitted our stylesheet by its hash).
      const banner = page.locator('header.banner .verdict');
      assert.equal(await banner.textContent(), 'DO NOT RUN');
      assert.equal(await page.locator('header.banner').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(155, 16, 32)');
      assert.equal(await page.locator('svg.autorun-svg').count(), report.autorun.length ? 1 : 0);

      // Filters: by rule, then by severity (the CSP admitted our script by its hash).
      const total = report.findings.length;
      const visible = () => page.locator('.finding:visible').count();
      assert.equal(await visible(), total);
      const rule = report.findings[report.findings.length - 1]!.ruleId;
      await page.selectOption('#rule-filter', rule);
      const expected = report.findings.filter((f) => f.ruleId === rule).length;
      assert.equal(await visible(), expected);
      assert.equal(await page.locator('#shown-count').textContent(), String(expected));
      await page.selectOption('#rule-filter', '');
      const sev = report.findings[0]!.severity;
      await page.locator(`input[name="sev"][value="${sev}"]`).uncheck();
      assert.equal(await visible(), report.findings.filter((f) => f.severity !== sev).length);
      assert.equal(await page.locator('article.file:visible').count(), new Set(report.findings.filter((f) => f.severity !== sev).map((f) => f.file)).size);
      await page.locator(`input[name="sev"][value="${sev}"]`).check();
      assert.equal(await visible(), total);

      // Copy button: the value lands on the clipboard and the button says so.
      const button = page.locator('table.iocs button.copy').first();
      const value = await button.getAttribute('data-value');
      assert.ok(value);
      await button.click();
      await page.waitForFunction((b) => b?.textContent === 'Copied', await button.elementHandle(), { timeout: 5000 });
      const clip = await page.evaluate(() => navigator.clipboard.readText()).catch(() => undefined);
      if (clip !== undefined) assert.equal(clip, value);

      // Print: filters and buttons go, findings hidden by a filter come back.
      await page.locator(`input[name="sev"][value="${sev}"]`).uncheck();
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.filters').isVisible(), false);
      assert.equal(await visible(), total);
      await page.emulateMedia({ media: 'screen' });
      await page.locator(`input[name="sev"][value="${sev}"]`).check();

      mkdirSync(OUT, { recursive: true });
      const shot = join(OUT, 'html-report-take-home-lure.png');
      await page.screenshot({ path: shot, fullPage: true });
      t.diagnostic(`screenshot: ${shot}`);

      assert.deepEqual(
        requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')),
        [],
        'no network request',
      );
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it('a clean report renders without findings, filters or errors', async () => {
    const report = await scan(CLEAN_FIXTURE, { threads: 0 });
    const { page, requests, problems, close } = await open(report, 'clean');
    try {
      assert.equal(await page.locator('header.banner .verdict').textContent(), 'NO KNOWN THREAT');
      assert.equal(await page.locator('header.banner').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(27, 127, 59)');
      assert.equal(await page.locator('.finding').count(), 0);
      assert.deepEqual(problems, []);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
    } finally {
      await close();
    }
  });

  it('a hostile sample cannot script the page: no dialog, no error, only our script', async () => {
    const base = await scan(EXAMPLE);
    const evil = '</textarea></script><script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>\u202E\u2066';
    const f = base.findings[0]!;
    const report: Report = {
      ...base,
      target: evil,
      summary: evil,
      autorun: [{ trigger: 'npm-install', command: evil, file: evil, line: 1, leadsTo: [evil], label: evil }],
      findings: [{ ...f, file: evil, message: evil, evidence: evil, decoded: evil, frame: { startLine: 1, lines: [evil + 'x'.repeat(1 << 20)], firstColumns: [1] }, iocs: [{ type: 'url', value: `http://x/${evil}`, file: evil, line: 1 }] }],
      iocs: [{ type: 'url', value: `http://x/${evil}`, file: evil, line: 1 }],
      skipped: [{ path: evil, reason: evil }],
      errors: [{ path: evil, message: evil }],
    };
    const { page, requests, problems, close } = await open(report, 'hostile');
    try {
      assert.equal(await page.locator('script').count(), 1);
      assert.equal(await page.locator('img, iframe, object, embed').count(), 0);
      assert.equal(await page.locator('header.banner .verdict').textContent(), 'DO NOT RUN');
      assert.match((await page.locator('.banner .target').textContent()) ?? '', /<script>alert\(1\)<\/script>/);
      assert.deepEqual(problems, []);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
    } finally {
      await close();
    }
  });
});
