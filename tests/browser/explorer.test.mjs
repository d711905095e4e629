// The explorer in a real browser: Playwright (playwright-core from npm) drives Debian's chromium
// against `seatsim serve scenarios/iraq-2013`. It moves sliders and changes a seat total, then
// checks that the seats the page shows (nationally and in every district) equal what
// `seatsim scenario` computes from the file the page exports, that the caveats open, that the page
// fits a phone's width and loads nothing from elsewhere. Screenshots go to the test artifacts;
// with SEATSIM_UPDATE_DOCS=1 the desktop one also replaces docs/images/explorer.png.
//
//   SEATSIM=build/seatsim SEATSIM_SOURCE_DIR=. SEATSIM_ARTIFACTS=build/test-artifacts node explorer.test.mjs
// Prints "SKIPPED: ..." and exits 0 when chromium or playwright-core is absent.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

// `seatsim serve` on a free port; resolves with the server process and its address.
function startServer() {
  return new Promise((resolve, reject) => {
    const server = spawn(seatsim, ['serve', dataSet, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error('seatsim serve printed no address: ' + out + err)), 20000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ server, url: match[1] });
      }
    });
    server.stderr.on('data', (chunk) => { err += chunk; });
    server.on('exit', (code) => reject(new Error(`seatsim serve exited (${code}): ${err}`)));
  });
}

// Rows of CSV text (RFC 4180 quoting) as objects keyed by the header.
function csvRecords(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function settled(page) {
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 20000 });
}

// Seats the page shows: the national table (every list), and each district's table in turn.
async function shownSeats(page) {
  if ((await page.textContent('#all-lists')).startsWith('Show all')) {
    await page.click('#all-lists');
    await page.waitForFunction(() => document.querySelector('#all-lists').textContent.startsWith('Show the first'));
  }
  const national = await page.$$eval('#national tbody tr', (rows) =>
    rows.map((r) => [r.dataset.party, Number(r.dataset.seats)]));
  const districts = {};
  const names = await page.$$eval('#district-select option', (options) => options.map((o) => o.value));
  for (const name of names) {
    await page.selectOption('#district-select', name);
    districts[name] = await page.$$eval('#district tbody tr', (rows) =>
      rows.map((r) => [r.dataset.party, Number(r.dataset.seats)]));
  }
  return { national, districts };
}

async function dragSlider(page, selector, fraction) {
  const box = await page.locator(selector).boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * fraction, y, { steps: 8 });
  await page.mouse.up();
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  const { server, url } = await startServer();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'seatsim-chromium-'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'seatsim-browser-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: { width: 1360, height: 1000 },
      acceptDownloads: true,
    });
    const page = context.pages()[0] || await context.newPage();
    const foreign = [];
    page.on('request', (request) => {
      const u = request.url();
      if (!u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
    });
    const consoleErrors = [];
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('response', async (response) => {
      if (response.status() >= 400)
        consoleErrors.push(`${response.status()} ${response.url()}: ${await response.text().catch(() => '')}`);
    });

    // The seats the data set fills under its own rule (Basra's reserved seat stays empty).
    const allocated = csvRecords(execFileSync(seatsim, ['allocate', dataSet, '--format', 'csv'], { encoding: 'utf8' }));
    const baseTotal = allocated.reduce((s, r) => s + Number(r.seats), 0);
    await page.goto(url);
    await page.waitForSelector('#national tbody tr');
    await settled(page);
    check((await page.textContent('#status')).includes(`${baseTotal} seats`), `the base result shows ${baseTotal} seats`);

    // The swing: State of Law gives a share of its votes to the Citizens Alliance (the defaults).
    check(await page.inputValue('#transfer-from') === 'State of Law Coalition', 'transfer from the largest list');
    await dragSlider(page, '#transfer-slider', 0.18);
    await settled(page);
    await page.focus('#transfer-slider');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await settled(page);
    const share = await page.inputValue('#transfer-share');
    check(/^\d+(\.\d)?%$/.test(share) && share !== '0%', `the slider moved the transfer share (${share})`);
    await page.waitForFunction(() => /between/.test(document.querySelector('#breaks-note').textContent), null,
      { timeout: 20000 });
    const breaks = await page.$$eval('#breaks li', (items) => items.length);
    check(breaks > 0, 'the transfer slider has break points');

    // The rule: a first divisor of 1.6 (slider), and Baghdad with two more seats.
    await dragSlider(page, '#first-divisor-slider', 0.5);
    await page.fill('#first-divisor', '1.6');
    await page.dispatchEvent('#first-divisor', 'change');
    await settled(page);
    const baghdad = page.locator('#seats-list input[data-district="Baghdad Governorate"]');
    await page.click('#seats-box summary');
    await baghdad.fill('60');
    await baghdad.dispatchEvent('change');
    await settled(page);
    check((await page.textContent('#status')).includes(`${baseTotal + 2} seats`), 'the seats follow Baghdad\'s 60');

    const shown = await shownSeats(page);
    const changesBase = await page.$$eval('#changes-base li:not(.none)', (items) => items.length);
    check(changesBase > 0, 'seats changed against the base are listed');

    // Export, and let seatsim scenario recompute the file.
    await page.click('#export-preview summary');
    await page.selectOption('#export-base', { index: 0 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const file = path.join(work, 'scenario.toml');
    await download.saveAs(file);
    const toml = fs.readFileSync(file, 'utf8');
    check(toml === await page.textContent('#toml'), 'the export is the file the page shows');
    fs.copyFileSync(file, path.join(artifacts, 'explorer-scenario.toml'));
    check(toml.includes('kind = "transfer"') && toml.includes('first_divisor = "1.6"') &&
      toml.includes('"Baghdad Governorate" = 60'), 'the export holds the swing, the rule and the seats:\n' + toml);
    const csv = execFileSync(seatsim, ['scenario', file, '--format', 'csv'], { encoding: 'utf8' });
    const rows = csvRecords(csv);
    const national = new Map(rows.filter((r) => r.level === 'national').map((r) => [r.party, Number(r.seats)]));
    for (const [party, seats] of shown.national)
      check(national.get(party) === seats, `national ${party}: page ${seats}, seatsim scenario ${national.get(party)}`);
    const shownTotal = shown.national.reduce((s, [, seats]) => s + seats, 0);
    const total = [...national.values()].reduce((s, seats) => s + seats, 0);
    check(shownTotal === total && total === baseTotal + 2, `seats shown ${shownTotal}, seatsim scenario ${total}`);
    let compared = 0;
    for (const [district, lists] of Object.entries(shown.districts)) {
      const cli = rows.filter((r) => r.level === 'district' && r.district === district);
      check(cli.length === lists.length, `${district}: ${lists.length} lists shown, ${cli.length} from seatsim`);
      for (const [party, seats] of lists) {
        const row = cli.find((r) => r.party === party);
        check(row && Number(row.seats) === seats, `${district} / ${party}: page ${seats}, seatsim ${row && row.seats}`);
        compared += 1;
      }
    }
    check(compared > 100, `every district's lists were compared (${compared})`);
    console.log(`compared ${shown.national.length} national rows and ${compared} district rows with seatsim scenario`);

    // The caveats, one click away.
    await page.click('#show-caveats');
    await page.waitForSelector('#quality h3, #quality p');
    check((await page.textContent('#caveats')).includes('Inconsistencies found'), 'QUALITY.md opens');
    await page.click('#caveats .close');

    await page.selectOption('#district-select', 'Baghdad Governorate');
    await page.evaluate(() => window.scrollTo(0, 0));
    const screenshot = path.join(artifacts, 'explorer.png');
    await page.screenshot({ path: screenshot });
    if (process.env.SEATSIM_UPDATE_DOCS === '1') {
      fs.mkdirSync(path.join(source, 'docs', 'images'), { recursive: true });
      fs.copyFileSync(screenshot, path.join(source, 'docs', 'images', 'explorer.png'));
      console.log('wrote docs/images/explorer.png');
    }

    // A phone: nothing wider than the screen, the result first, the controls still there.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `the page fits a 390 px phone (${overflow} px too wide)`);
    const order = await page.evaluate(() =>
      document.querySelector('#results').getBoundingClientRect().top < document.querySelector('#controls').getBoundingClientRect().top);
    check(order, 'on a phone the result comes before the controls');
    // Scrolled down to a slider, the largest lists stay in view.
    await page.locator('#transfer-slider').scrollIntoViewIfNeeded();
    const summary = await page.evaluate(() => {
      const box = document.querySelector('#summary').getBoundingClientRect();
      return { top: box.top, text: document.querySelector('#summary').textContent };
    });
    check(summary.top >= 0 && summary.top < 5 && summary.text.includes('State of Law Coalition'),
      `the seats stay in view above the sliders on a phone (${JSON.stringify(summary)})`);
    await page.focus('#transfer-slider');
    await page.keyboard.press('ArrowRight');
    await settled(page);
    await page.screenshot({ path: path.join(artifacts, 'explorer-phone.png'), fullPage: false });

    check(foreign.length === 0, 'the page loads nothing from elsewhere: ' + foreign.join(', '));
    check(consoleErrors.length === 0, 'no errors in the page: ' + consoleErrors.join('; '));
    console.log(`screenshot: ${screenshot}`);
  } finally {
    if (context) await context.close();
    server.kill('SIGINT');
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (failures) {
    console.error(`${failures} check(s) failed`);
    process.exit(1);
  }
  console.log('explorer browser test passed');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
