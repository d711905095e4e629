// The HTML report in a real browser: Playwright (playwright-core from npm) drives Debian's chromium
// on `seatsim report scenarios/iraq-2013` at a desktop and a 400-px phone width. It checks that
// the summary comes first and names the districts that differ, that neither the page nor the summary
// scrolls sideways (wide tables and charts scroll inside their own boxes), that the table of
// contents' links lead to their sections, and that the page loads nothing from elsewhere.
// Screenshots go to the test artifacts; with SEATSIM_UPDATE_DOCS=1 they also replace
// docs/images/report-desktop.png and docs/images/report-phone.png.
//
//   SEATSIM=build/seatsim SEATSIM_SOURCE_DIR=. SEATSIM_ARTIFACTS=build/test-artifacts node report.test.mjs
// Prints "SKIPPED: ..." and exits 0 when chromium or playwright-core is absent.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const chromiumPath = process.env.SEATSIM_CHROMIUM || '/usr/bin/chromium';
const source = path.resolve(process.env.SEATSIM_SOURCE_DIR || path.join(here, '..', '..'));
const seatsim = path.resolve(process.env.SEATSIM || path.join(source, 'build', 'seatsim'));
const artifacts = path.resolve(process.env.SEATSIM_ARTIFACTS || path.join(source, 'build', 'test-artifacts'));
const dataSet = path.join(source, 'scenarios', 'iraq-2013');

function skip(why) {
  console.log('SKIPPED: ' + why);
  process.exit(0);
}

if (!fs.existsSync(chromiumPath)) skip(`no chromium at ${chromiumPath} (Debian package chromium)`);
if (!fs.existsSync(path.join(here, 'node_modules', 'playwright-core')))
  skip('tests/browser/node_modules/playwright-core is absent (cd tests/browser && npm ci)');
if (!fs.existsSync(seatsim)) throw new Error(`no seatsim binary at ${seatsim}`);

const { chromium } = createRequire(import.meta.url)('playwright-core');

let failures = 0;
function check(condition, message) {
  if (condition) return;
  failures += 1;
  console.error('FAIL: ' + message);
}

const widths = [
  { name: 'desktop', width: 1280, height: 1000 },
  { name: 'phone', width: 400, height: 844 },
];

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  const report = path.join(artifacts, 'iraq-2013-report.html');
  execFileSync(seatsim, ['report', dataSet, '-o', report], { stdio: ['ignore', 'ignore', 'pipe'] });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'seatsim-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: { width: widths[0].width, height: widths[0].height },
    });
    const page = context.pages()[0] || await context.newPage();
    const url = pathToFileURL(report).href;
    const foreign = [];
    page.on('request', (request) => {
      const u = request.url();
      if (!u.startsWith('file:') && !u.startsWith('data:')) foreign.push(u);
    });
    await page.goto(url);

    const first = await page.evaluate(() => document.querySelector('body > section, body > nav')?.id);
    check(first === 'summary', `the summary comes first (found #${first})`);
    const summary = await page.textContent('#summary');
    for (const district of ['Babil Governorate', 'Muthanna Governorate', 'Al Anbar Governorate'])
      check(summary.includes(district), `the summary names ${district}`);
    for (const link of await page.$$eval('#contents a', (as) => as.map((a) => a.getAttribute('href'))))
      check(await page.$(link) !== null, `the table of contents' link ${link} leads to a section`);
    const explained = await page.$$eval('#summary a', (as) => as.map((a) => a.getAttribute('href')));
    check(explained.length > 0, 'the summary links the differing districts to their explanations');
    for (const link of explained) check(await page.$(link) !== null, `${link} exists`);
    check(await page.$('#differences tr.marked') !== null, 'the disputed seats are marked in a quotient table');

    for (const { name, width, height } of widths) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        summary: document.querySelector('#summary').scrollWidth - document.querySelector('#summary').clientWidth,
      }));
      check(overflow.page <= 0, `${name} (${width} px): the page does not scroll sideways (${overflow.page} px too wide)`);
      check(overflow.summary <= 0, `${name} (${width} px): the summary does not scroll sideways (${overflow.summary} px)`);
      await page.evaluate(() => window.scrollTo(0, 0));
      const screenshot = path.join(artifacts, `report-${name}.png`);
      await page.screenshot({ path: screenshot });
      console.log(`screenshot: ${screenshot}`);
      if (process.env.SEATSIM_UPDATE_DOCS === '1') {
        fs.mkdirSync(path.join(source, 'docs', 'images'), { recursive: true });
        fs.copyFileSync(screenshot, path.join(source, 'docs', 'images', `report-${name}.png`));
        console.log(`wrote docs/images/report-${name}.png`);
      }
    }
    check(foreign.length === 0, 'the report loads nothing from elsewhere: ' + foreign.join(', '));
  } finally {
    if (context) await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

await main();
if (failures > 0) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('report browser test passed');
