// The explorer in a real browser: Playwright (playwright-core from npm) drives Debian's chromium
// against `seatsim serve scenarios/iraq-2013`. It moves sliders and changes a seat total, then
// checks that the seats the page shows (nationally and in every district) equal what
// `seatsim scenario` computes from the file the page exports, that "Differs from published" is what
// `seatsim compare` counts, that the parliament (base and what-if, majority line, a coalition) is
// drawn, that undo/redo and a link with the URL's fragment reproduce the page, that the seats CSV
// and the chart SVG export, that the caveats open, that the page fits 400 px without scrolling
// sideways, that Tab reaches every control, that a pasted poll projects as `seatsim project` does, and that it
// loads nothing from elsewhere. Screenshots go to the test artifacts;
// with SEATSIM_UPDATE_DOCS=1 the desktop one also replaces docs/images/explorer.png.
//
//   SEATSIM=build/seatsim SEATSIM_SOURCE_DIR=. SEATSIM_ARTIFACTS=build/test-artifacts node explorer.test.mjs
// Prints "SKIPPED: ..." and exits 0 when chromium or playwright-core is absent.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
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

// The number in a cell ('' counts as 0).
function cellNumber(text) { return Number(String(text).trim() || '0'); }

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

// The "Differs from published" column, district by district, against `seatsim compare`'s count.
async function checkDiffersColumn(page, url) {
  const compared = await fetchJson(url + 'api/compare');
  // `seatsim compare` exits 1 when it finds differences, as it does here.
  const run = spawnSync(seatsim, ['compare', dataSet, '--format', 'json'], { encoding: 'utf8' });
  check(run.status === 1, `seatsim compare finds differences (exit ${run.status}): ${run.stderr}`);
  const cli = JSON.parse(run.stdout);
  const shown = Object.fromEntries(await page.$$eval('#districts tbody tr', (rows) =>
    rows.map((r) => [r.dataset.district, r.querySelector('td.differs').textContent])));
  check(JSON.stringify(compared.districts) === JSON.stringify(cli.districts), 'the API\'s compare is seatsim compare\'s');
  for (const d of cli.districts) {
    const name = d.district;
    check(cellNumber(shown[name]) === Number(d.seats_differing),
      `${name}: "Differs from published" shows '${shown[name]}', seatsim compare ${d.seats_differing}`);
  }
  for (const name of ['Dhi Qar Governorate', 'Najaf Governorate'])
    check(cellNumber(shown[name]) > 0, `${name} differs from the published seats (shown '${shown[name]}')`);
}

// The parliament: two hemicycles (base, what-if) with their seats and the majority line.
async function parliament(page) {
  return page.$$eval('#hemicycle svg g.panel', (panels) => panels.map((p) => ({
    seats: Number(p.dataset.seats),
    circles: p.querySelectorAll('circle.seat').length,
    majority: p.querySelectorAll('line.majority').length,
    label: [...p.querySelectorAll('text')].map((t) => t.textContent).join(' | '),
    coalition: p.querySelectorAll('g.party.coalition circle').length,
  })));
}

async function downloadText(page, selector, file) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  await download.saveAs(file);
  return fs.readFileSync(file, 'utf8');
}

// Every visible control (details opened) is reached by pressing Tab from the top of the page.
async function checkTabReachesAll(page) {
  const controls = await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const all = [...document.querySelectorAll('button, select, input, textarea, summary, a[href], [tabindex]')];
    const shown = all.filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0 &&
      getComputedStyle(e).visibility !== 'hidden' && !e.closest('dialog:not([open])'));
    shown.forEach((e, i) => { e.dataset.tab = String(i); });
    document.activeElement.blur();
    window.scrollTo(0, 0);
    return shown.map((e) => e.id || e.getAttribute('aria-label') || e.title || e.textContent.trim().slice(0, 30));
  });
  const reached = new Set();
  for (let i = 0; i < controls.length + 15; i++) {
    await page.keyboard.press('Tab');
    const tab = await page.evaluate(() => document.activeElement && document.activeElement.dataset.tab);
    if (tab !== undefined) reached.add(Number(tab));
  }
  const missed = controls.filter((_, i) => !reached.has(i));
  check(controls.length > 50 && missed.length === 0,
    `Tab reaches every one of the ${controls.length} controls (missed: ${missed.join(', ')})`);
  console.log(`Tab reached ${reached.size} of ${controls.length} controls`);
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
    await checkDiffersColumn(page, url);
    const majority = Math.floor(baseTotal / 2) + 1;
    const drawn = await parliament(page);
    check(drawn.length === 2 && drawn.every((p) => p.seats === baseTotal && p.circles === baseTotal && p.majority === 1 &&
      p.label.includes(`majority ${majority}`)), `two hemicycles of ${baseTotal} seats with the majority line: ` +
      JSON.stringify(drawn));

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
    const after = await parliament(page);
    check(after.length === 2 && after[0].circles === baseTotal && after[1].circles === baseTotal + 2,
      `the hemicycles show the base (${baseTotal}) and the what-if (${baseTotal + 2}): ${JSON.stringify(after)}`);

    // Undo and redo: Baghdad's 60 seats go and come back.
    await page.click('#undo');
    await settled(page);
    check(!(await page.textContent('#toml')).includes('"Baghdad Governorate" = 60') &&
      (await page.textContent('#status')).includes(`${baseTotal} seats`), 'undo takes Baghdad\'s 60 seats back');
    check(await page.inputValue('#first-divisor') === '1.6', 'undo goes back one step only');
    await page.keyboard.press('Control+Shift+Z');  // redo from the keyboard (the focus is on the Undo button)
    await settled(page);
    check((await page.textContent('#toml')).includes('"Baghdad Governorate" = 60') &&
      (await page.textContent('#status')).includes(`${baseTotal + 2} seats`), 'redo gives Baghdad its 60 seats again');

    let shown = await shownSeats(page);
    const changesBase = await page.$$eval('#changes-base li:not(.none)', (items) => items.length);
    check(changesBase > 0, 'seats changed against the base are listed');

    // A coalition of the two largest lists: its seats against the majority, in both hemicycles.
    const largest = await page.$$eval('#national tbody tr', (rows) => rows.slice(0, 2).map((r) =>
      ({ party: r.dataset.party, seats: Number(r.dataset.seats) })));
    for (const r of largest) await page.check(`#national tbody tr[data-party="${r.party}"] input.coalition`);
    const held = largest.reduce((s, r) => s + r.seats, 0);
    const withCoalition = await parliament(page);
    check(withCoalition[1].coalition === held &&
      withCoalition[1].label.includes(`coalition ${held} of ${baseTotal + 2}: ${held >= majority + 1 ? 'a majority' : 'no majority'}`),
      `the what-if hemicycle shows the coalition's ${held} seats against the majority: ${JSON.stringify(withCoalition[1])}`);
    check((await page.textContent('#coalition-note')).includes(`what-if ${held} of ${baseTotal + 2}`),
      'the coalition note counts its seats');

    // The URL's fragment reproduces the page in a new tab.
    await page.selectOption('#district-select', 'Baghdad Governorate');
    const link = page.url();
    check(/first-divisor=1\.6/.test(link) && link.includes('seats.Baghdad+Governorate=60') && link.includes('coalition=') &&
      link.includes('district=Baghdad+Governorate') && link.includes('share='), 'the fragment holds the scenario: ' + link);
    const second = await context.newPage();
    second.on('pageerror', (error) => consoleErrors.push(String(error)));
    await second.goto(link);
    await second.waitForSelector('#national tbody tr');
    await settled(second);
    check(await second.textContent('#toml') === await page.textContent('#toml'), 'the link gives the same scenario file');
    check(await second.inputValue('#district-select') === 'Baghdad Governorate', 'the link shows the same district');
    // The first 12 lists: the first tab shows them all ("Show all" is not part of the scenario).
    const rowsOf = (p) => p.$$eval('#national tbody tr', (rows) => rows.slice(0, 12).map((r) =>
      [r.dataset.party, r.dataset.seats, r.querySelector('input.coalition').checked]));
    check(JSON.stringify(await rowsOf(second)) === JSON.stringify(await rowsOf(page)),
      'the link shows the same seats and the same coalition');
    check(JSON.stringify(await parliament(second)) === JSON.stringify(await parliament(page)), 'the link draws the same parliament');
    await second.close();

    // Votes edited in the page (Baghdad's largest list down to 1 vote) and uploaded as CSV: the seats follow at
    // once, the fragment carries no votes.
    const baghdadRows = () => page.$$eval('#district tbody tr', (rows) => rows.map((r) =>
      ({ party: r.dataset.party, seats: Number(r.dataset.seats) })));
    const before = await baghdadRows();
    const top = before.reduce((a, b) => (b.seats > a.seats ? b : a));
    const votesField = page.locator(`#district tbody tr[data-party="${top.party}"] input.votes`);
    await votesField.fill('1');
    await votesField.dispatchEvent('change');
    await settled(page);
    const edited = (await baghdadRows()).find((r) => r.party === top.party);
    check(edited.seats === 0 && (await page.textContent('#toml')).includes('kind = "set"'),
      `an edited vote count changes the seats at once (${top.party}: ${top.seats} → ${edited.seats})`);
    check(page.url() === link, 'edited votes stay out of the fragment');
    const second2 = before.find((r) => r.party !== top.party);
    await page.setInputFiles('#votes-file', { name: 'votes.csv', mimeType: 'text/csv', buffer: Buffer.from(
      `district,party,votes\n"Baghdad Governorate","${top.party}",1\nBaghdad Governorate,"${second2.party}",1000\n`) });
    await page.waitForFunction(() => (document.querySelector('#toml').textContent.match(/kind = "set"/g) || []).length === 2);
    await settled(page);
    check(await page.locator(`#district tbody tr[data-party="${second2.party}"] input.votes`).inputValue() === '1000',
      'uploaded votes show in the district table');
    shown = await shownSeats(page);

    // Export into a copy of the data set's what-if/ folder (base = "../"), and let seatsim scenario recompute it.
    await page.click('#export-preview summary');
    await page.selectOption('#export-base', { index: 0 });
    const copy = path.join(work, 'iraq-2013');
    fs.cpSync(dataSet, copy, { recursive: true });
    const file = path.join(copy, 'what-if', 'explorer-export.toml');
    const toml = await downloadText(page, '#export', file);
    check(toml === await page.textContent('#toml'), 'the export is the file the page shows');
    check(toml.includes('base = "../"') && !toml.includes(source) && !toml.includes(os.homedir() + '/'),
      'the export\'s base is relative to the data set, not a local path:\n' + toml);
    fs.copyFileSync(file, path.join(artifacts, 'explorer-scenario.toml'));
    check(toml.includes('kind = "transfer"') && toml.includes('first_divisor = "1.6"') &&
      toml.includes('"Baghdad Governorate" = 60'), 'the export holds the swing, the rule and the seats:\n' + toml);
    const csv = execFileSync(seatsim, ['scenario', file, '--format', 'csv'], { encoding: 'utf8' });
    const rows = csvRecords(csv);
    const seatsCsv = await downloadText(page, '#export-csv', path.join(work, 'seats.csv'));
    check(seatsCsv === csv, 'the seats CSV is seatsim scenario --format csv on the exported file:\n' +
      seatsCsv.slice(0, 300) + '\n---\n' + csv.slice(0, 300));
    const svg = await downloadText(page, '#export-svg', path.join(work, 'parliament.svg'));
    fs.copyFileSync(path.join(work, 'parliament.svg'), path.join(artifacts, 'explorer-parliament.svg'));
    check(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') &&
      (svg.match(/<circle /g) || []).length === 2 * baseTotal + 2 && (svg.match(/class="majority"/g) || []).length === 2,
      `the chart SVG holds both hemicycles (${(svg.match(/<circle /g) || []).length} seats) and the majority lines`);
    check(svg.includes(`>${largest[0].party} — `) && svg.includes('(coalition)'), 'the chart SVG has a legend with the coalition');
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

    // From polls to seats: a poll pasted into the form gives the seats and intervals `seatsim project` gives for the
    // same poll and seed (tests/test_explorer_project.cpp compares every number through the API).
    const quoted = (field) => '"' + field.replace(/"/g, '""') + '"';
    const polled = (await page.evaluate(() => fetch('api/info').then((r) => r.json()))).parties.slice(0, 3);
    const poll = 'pollster,fieldwork_end,sample_size,area,party,share\n' +
      [40, 35, 25].map((share, i) => `P,2025-08-01,1000,national,${quoted(polled[i].name)},${share}\n`).join('');
    await page.fill('#project-polls', poll);
    await page.fill('#project-draws', '300');
    await page.fill('#project-seed', '5');
    await page.click('#project-run');
    await page.waitForFunction(() => document.querySelector('#project-status').textContent.includes('draws, seed 5'));
    const projected = await page.$$eval('#project-results tbody tr',
      (rows) => rows.map((tr) => [...tr.cells].map((td) => td.textContent)));
    const pollFile = path.join(work, 'poll.csv');
    fs.writeFileSync(pollFile, poll);
    const expected = csvRecords(execFileSync(seatsim,
      ['project', dataSet, '--polls', pollFile, '--draws', '300', '--seed', '5', '--format', 'csv'], { encoding: 'utf8' }));
    check(projected.length === expected.length && expected.length > 3,
      `the projection shows every party (${projected.length} of ${expected.length})`);
    for (const want of expected) {
      const row = projected.find((cells) => cells[0] === want.party);
      const shown = row ? [row[4], row[5], row[6], row[7], row[9]].join(' ') : 'missing';
      const cli = [want.seats, want.mean, want.median, `${want.lo80}–${want.hi80}`, `${want.lo95}–${want.hi95}`].join(' ');
      check(shown === cli, `${want.party}: the page projects ${shown}, seatsim project ${cli}`);
    }
    console.log(`compared the projection of ${expected.length} parties with seatsim project`);
    // The fan chart under the table: five nested bands per party drawn.
    const fan = await page.$eval('#project-fan', (figure) =>
      ({ hidden: figure.hidden, bands: figure.querySelectorAll('svg rect.band').length }));
    check(!fan.hidden && fan.bands > 0 && fan.bands % 5 === 0, `the fan chart is shown (${fan.bands} bands)`);

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
    for (const width of [400, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `the page fits ${width} px without scrolling sideways (${overflow} px too wide)`);
    }
    await checkTabReachesAll(page);
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
