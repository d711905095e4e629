// The seatsim explorer page. Every change writes the controls as a scenario file (the format of
// docs/scenarios.md) and posts it to /api/scenario: the seats shown are what `seatsim scenario`
// computes from that very file, which "Export scenario" saves. Numbers stay text end to end
// (sliders move in whole steps and are written as exact decimals), so nothing is rounded here.
'use strict';

const $ = (id) => document.getElementById(id);

let info = null;          // /api/info
let lastSlider = null;    // the slider whose break points are shown
let requestSeq = 0;       // the latest recompute asked for
let shownSeq = 0;         // the latest recompute shown
let inFlight = false;
let queued = false;
let breakTimer = null;
let breakSeq = 0;
let lastResult = null;
let allLists = false;     // the national table shows every list, not the first ones
const firstLists = 12;

// ---- exact text from whole slider steps ----

// n / 10^places as a decimal string, without floating point: (-123, 1) -> "-12.3", (50, 2) -> "0.5".
function decimal(n, places) {
  const scale = 10 ** places;
  const whole = Math.trunc(Math.abs(n) / scale);
  const fraction = String(Math.abs(n) % scale).padStart(places, '0').replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : String(whole);
  return n < 0 ? '-' + text : text;
}

// "12.3%" or "12.3" -> a number for positioning a slider (display only).
function approx(text) {
  const t = String(text).trim().replace(/%$/, '');
  if (t.includes('/')) {
    const [a, b] = t.split('/');
    return Number(a) / Number(b);
  }
  return Number(t);
}

const sliders = {
  'first-divisor': { slider: 'first-divisor-slider', text: 'first-divisor', places: 2, percent: false },
  // A threshold says its unit ("5%" or "1000v"): the slider follows only a share, and a bare "5"
  // is left for the server to refuse rather than shown as 5%.
  threshold: { slider: 'threshold-slider', text: 'threshold', places: 1, percent: true, shareOnly: true },
  transfer: { slider: 'transfer-slider', text: 'transfer-share', places: 1, percent: true },
  uniform: { slider: 'uniform-slider', text: 'uniform-points', places: 1, percent: false },
};

function sliderText(key) {
  const s = sliders[key];
  const text = decimal(Number($(s.slider).value), s.places);
  return s.percent ? text + '%' : text;
}

function placeSlider(key) {
  const s = sliders[key];
  if (s.shareOnly && !$(s.text).value.trim().endsWith('%')) return;
  const value = approx($(s.text).value);
  if (Number.isFinite(value)) $(s.slider).value = String(Math.round(value * 10 ** s.places));
}

// ---- the controls as a scenario file ----

function tomlString(s) {
  const escapes = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f' };
  return '"' + String(s).replace(/[\\"\u0000-\u001f\u007f]/g,
    (c) => escapes[c] || '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '"';
}

function tomlKey(s) { return /^[A-Za-z0-9_-]+$/.test(s) ? s : tomlString(s); }

function selectedDistricts() {
  return [...document.querySelectorAll('#filter-list input')].filter((c) => c.checked).map((c) => c.value);
}

function isZero(text) { return approx(text) === 0; }

function methodInfo(name) {
  return info.methods.find((x) => x.name === name) || { name, divisor: info.rule.divisor_method, first_divisor: false };
}

// Methods whose first divisor can be set (the linear ones: D'Hondt, Sainte-Laguë, ...).
function firstDivisorApplies(name) { return methodInfo(name).first_divisor; }

// The slider's top, in hundredths: just below the second divisor, which the first must stay under.
function firstDivisorMax(name) {
  const second = methodInfo(name).second_divisor;
  return second ? Math.max(1, Math.ceil(second * 100 - 1e-9) - 1) : 300;
}

// The operations the swing controls make; `force` keeps one at zero (a sweep varies it).
function operations(force) {
  const ops = [];
  const districts = selectedDistricts();
  if (districts.length === 0) return ops;
  const all = districts.length === info.districts.length;
  const where = all ? [] : ['districts = [' + districts.map(tomlString).join(', ') + ']'];
  const from = $('transfer-from').value, to = $('transfer-to').value;
  const share = $('transfer-share').value.trim();
  if (from && to && from !== to && (force === 'transfer' || !isZero(share)))
    ops.push({ kind: 'transfer', lines: ['kind = "transfer"', 'from = ' + tomlString(from), 'to = ' + tomlString(to),
      'share = ' + tomlString(share), ...where] });
  const party = $('uniform-party').value, points = $('uniform-points').value.trim();
  if (party && (force === 'uniform' || !isZero(points)))
    ops.push({ kind: 'uniform', lines: ['kind = "uniform"', 'party = ' + tomlString(party),
      'points = ' + tomlString(points), ...where] });
  return ops;
}

function ruleLines() {
  const base = info.rule, keys = info.rule_keys;
  const lines = [];
  const method = $('method').value;
  if (method !== base.method) lines.push('method = ' + tomlString(method));
  if (firstDivisorApplies(method)) {
    const first = $('first-divisor').value.trim();
    const baseFirst = keys.first_divisor || base.first_divisor || '1';
    if (first !== baseFirst) lines.push('first_divisor = ' + tomlString(first));
  }
  const threshold = $('threshold').value.trim();
  if (threshold !== base.threshold) lines.push('threshold = ' + tomlString(threshold || '0%'));
  const scope = $('threshold-scope').value;
  if (scope !== base.threshold_scope) lines.push('threshold_scope = ' + tomlString(scope));
  const strict = $('threshold-strict').checked;
  if (strict !== base.threshold_strict) lines.push('threshold_strict = ' + strict);
  const ties = $('ties').value;
  if (ties !== base.ties) lines.push('ties = ' + tomlString(ties));
  return lines;
}

function seatLines() {
  const lines = [];
  for (const d of info.districts) {
    const input = document.querySelector(`#seats-list input[data-district="${CSS.escape(d.name)}"]`);
    if (input && input.value.trim() !== String(d.seats)) lines.push(tomlKey(d.name) + ' = ' + input.value.trim());
  }
  return lines;
}

function baseValue() {
  return $('export-base').value || info.data_set_absolute;
}

// The scenario file; `sweep` adds a [sweep] table for the break points of a slider.
function scenarioToml(sweep) {
  const out = [];
  out.push('# Exported by the seatsim explorer (seatsim serve) from ' + info.name + '.');
  out.push('# Reproduce it with: seatsim scenario THIS_FILE');
  out.push('name = ' + tomlString('Explorer: ' + describe()));
  out.push('base = ' + tomlString(baseValue()));
  if ($('clamp').checked) out.push('clamp = true');
  const rule = ruleLines();
  if (rule.length) out.push('', '[rule]', ...rule);
  const seats = seatLines();
  if (seats.length) out.push('', '[seats]', ...seats);
  const ops = operations(sweep ? sweep.force : null);
  for (const op of ops) out.push('', '[[op]]', ...op.lines);
  if (sweep) {
    let parameter = sweep.parameter;
    if (sweep.force) parameter = 'op.' + (ops.findIndex((o) => o.kind === sweep.force) + 1) + '.' + sweep.field;
    out.push('', '[sweep]', 'parameter = ' + tomlString(parameter),
      `values = { from = ${tomlString(sweep.from)}, to = ${tomlString(sweep.to)}, step = ${tomlString(sweep.step)} }`);
  }
  return out.join('\n') + '\n';
}

function describe() {
  const parts = [];
  const share = $('transfer-share').value.trim();
  if (!isZero(share) && $('transfer-from').value !== $('transfer-to').value)
    parts.push(`${share} of ${$('transfer-from').value} to ${$('transfer-to').value}`);
  const points = $('uniform-points').value.trim();
  if ($('uniform-party').value && !isZero(points)) parts.push(`${$('uniform-party').value} ${points} points`);
  const rule = ruleLines();
  if (rule.length) parts.push(rule.join(', ').replace(/"/g, ''));
  if (seatLines().length) parts.push('seat totals changed');
  return parts.length ? parts.join('; ') : 'the data set as it stands';
}

// ---- talking to the server ----

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/toml' }, body });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error || 'HTTP ' + response.status);
  return json;
}

function recompute() {
  requestSeq += 1;
  $('toml').textContent = scenarioToml(null);
  if (inFlight) {
    queued = true;
    return;
  }
  send();
}

// One request at a time; changes made meanwhile are sent together when it returns.
async function send() {
  inFlight = true;
  queued = false;
  const seq = requestSeq;
  const toml = scenarioToml(null);
  const started = performance.now();
  document.body.dataset.state = 'busy';
  try {
    const result = await post('api/scenario', toml);
    result.toml = toml;
    const ms = performance.now() - started;
    if (seq >= shownSeq) {
      shownSeq = seq;
      showResult(result, ms);
      showError(null);
    }
  } catch (error) {
    showError(error.message);
  } finally {
    inFlight = false;
    if (queued) send();
    else if (seq === requestSeq) document.body.dataset.state = 'ready';
  }
  scheduleBreaks();
}

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message ? 'seatsim: ' + message : '';
}

// ---- showing the result ----

function cell(row, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function signed(n) { return n > 0 ? '+' + n : String(n); }

let lastMs = 0;

function showResult(result, ms) {
  lastResult = result;
  lastMs = ms;
  const rows = result.results;
  const national = rows.filter((r) => r.level === 'national');
  const total = national.reduce((s, r) => s + (r.votes || 0), 0);
  national.sort((a, b) => b.seats - a.seats || (b.votes || 0) - (a.votes || 0));
  const body = $('national').tBodies[0];
  body.replaceChildren();
  national.forEach((r, index) => {
    if (!allLists && index >= firstLists) return;
    const tr = body.insertRow();
    tr.dataset.party = r.party;
    tr.dataset.seats = r.seats;
    cell(tr, r.party);
    cell(tr, r.votes === '' ? '' : Number(r.votes).toLocaleString('en'), 'num');
    cell(tr, total && r.votes !== '' ? (100 * r.votes / total).toFixed(2) : '', 'num');
    cell(tr, r.seats, 'num seats');
    cell(tr, r.base_seats, 'num');
    cell(tr, r.change ? signed(r.change) : '', 'num ' + (r.change > 0 ? 'up' : r.change < 0 ? 'down' : ''));
    cell(tr, r.published_seats, 'num');
    const vs = r.published_seats === '' ? '' : r.seats - r.published_seats;
    cell(tr, vs ? signed(vs) : '', 'num ' + (vs > 0 ? 'up' : vs < 0 ? 'down' : ''));
  });
  $('all-lists').hidden = national.length <= firstLists;
  $('all-lists').textContent = allLists ? `Show the first ${firstLists} lists` : `Show all ${national.length} lists`;
  showSummary(national);
  const seats = national.reduce((s, r) => s + r.seats, 0);
  $('status').textContent = `${seats} seats · recomputed in ${Math.round(ms)} ms · ${describe()}`;
  $('hemicycle').innerHTML = result.hemicycle_svg || '';
  showChanges(rows);
  showDistrictSummary(rows);
  showDistrict();
  const notes = (result.notes || []).concat((result.operations || []).flatMap((o) => o.skipped.map((s) => 'skipped ' + s)));
  $('meta').textContent = (notes.length ? notes.join(' · ') + ' · ' : '') +
    `seatsim ${info.version} · ${result.meta.rule.method || ''}`;
}

// On a phone the largest lists stay in view above the controls (a sticky bar).
function showSummary(national) {
  const bar = $('summary');
  bar.replaceChildren();
  for (const r of national.slice(0, 4)) {
    const span = document.createElement('span');
    span.textContent = `${r.party} ${r.seats}` + (r.change ? ` (${signed(r.change)})` : '');
    if (r.change) span.className = r.change > 0 ? 'up' : 'down';
    bar.appendChild(span);
  }
}

function changeItems(list, rows, key) {
  list.replaceChildren();
  let any = false;
  for (const r of rows) {
    if (r.level !== 'district' || r[key] === '' || r[key] === undefined) continue;
    const diff = r.seats - r[key];
    if (!diff) continue;
    any = true;
    const li = document.createElement('li');
    li.className = diff > 0 ? 'up' : 'down';
    li.textContent = `${r.district}: ${r.party} ${r[key]} → ${r.seats} (${signed(diff)})`;
    list.appendChild(li);
  }
  if (!any) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = 'none';
    list.appendChild(li);
  }
}

function showChanges(rows) {
  changeItems($('changes-base'), rows, 'base_seats');
  changeItems($('changes-published'), rows, 'published_seats');
}

function showDistrictSummary(rows) {
  const body = $('districts').tBodies[0];
  body.replaceChildren();
  for (const d of info.districts) {
    const mine = rows.filter((r) => r.level === 'district' && r.district === d.name);
    const seats = mine.reduce((s, r) => s + r.seats, 0);
    const changed = mine.reduce((s, r) => s + Math.max(0, r.seats - r.base_seats), 0);
    const known = mine.every((r) => r.published_seats !== '' || r.base_votes === '');
    const differs = known ? mine.reduce((s, r) => s + Math.max(0, r.seats - (r.published_seats || 0)), 0) : '?';
    const tr = body.insertRow();
    tr.dataset.district = d.name;
    tr.addEventListener('click', () => { $('district-select').value = d.name; showDistrict(); });
    cell(tr, d.name);
    cell(tr, seats, 'num');
    cell(tr, changed || '', 'num' + (changed ? ' down' : ''));
    cell(tr, differs || '', 'num');
  }
}

function showDistrict() {
  if (!lastResult) return;
  const name = $('district-select').value;
  const body = $('district').tBodies[0];
  body.replaceChildren();
  for (const r of lastResult.results) {
    if (r.level !== 'district' || r.district !== name) continue;
    const tr = body.insertRow();
    tr.dataset.party = r.party;
    tr.dataset.seats = r.seats;
    cell(tr, r.party);
    cell(tr, r.votes === '' ? '' : Number(r.votes).toLocaleString('en'), 'num');
    cell(tr, r.seats, 'num seats');
    cell(tr, r.base_seats, 'num');
    cell(tr, r.change ? signed(r.change) : '', 'num ' + (r.change > 0 ? 'up' : r.change < 0 ? 'down' : ''));
    cell(tr, r.published_seats, 'num');
  }
}

// ---- break points of the slider in use ----

function breakSweep() {
  switch (lastSlider) {
    case 'transfer':
      return { force: 'transfer', field: 'share', from: '0%', to: '100%', step: '2%', label: 'of the transfer share' };
    case 'uniform':
      return { force: 'uniform', field: 'points', from: '-20', to: '20', step: '1', label: 'of the uniform swing (points)' };
    case 'first-divisor':
      if (!firstDivisorApplies($('method').value)) return null;
      return { parameter: 'rule.first_divisor', from: '0', to: decimal(firstDivisorMax($('method').value), 2),
        step: '0.05', label: 'of the first divisor' };
    case 'threshold':
      return { parameter: 'rule.threshold', from: '0%', to: '20%', step: '0.5%', label: 'of the threshold' };
    default:
      return null;
  }
}

function scheduleBreaks() {
  clearTimeout(breakTimer);
  breakTimer = setTimeout(loadBreaks, 120);
}

async function loadBreaks() {
  const sweep = breakSweep();
  if (!sweep) return;
  if ((sweep.force === 'transfer' && $('transfer-from').value === $('transfer-to').value) ||
      (sweep.force === 'uniform' && !$('uniform-party').value) || selectedDistricts().length === 0 && sweep.force) {
    $('breaks').replaceChildren();
    $('breaks-note').textContent = 'Choose the lists of the swing to see its break points.';
    return;
  }
  const seq = ++breakSeq;
  try {
    const result = await post('api/scenario?break-points=1', scenarioToml(sweep));
    if (seq === breakSeq) showBreaks(result, sweep);
  } catch (error) {
    if (seq === breakSeq) {
      $('breaks').replaceChildren();
      $('breaks-note').textContent = 'No break points: ' + error.message;
    }
  }
}

function showBreaks(result, sweep) {
  $('breaks-of').textContent = sweep.label;
  const groups = new Map();
  for (const r of result.break_points) {
    const key = r.before + '|' + r.after;
    if (!groups.has(key)) groups.set(key, { before: r.before, after: r.after, at: r.at_value, changes: [] });
    groups.get(key).changes.push(`${r.district}: ${r.party} ${r.seats_before} → ${r.seats_after}`);
  }
  const list = $('breaks');
  list.replaceChildren();
  for (const g of groups.values()) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = g.before === g.after ? g.before : `${g.before} → ${g.after}`;
    button.title = 'Set the slider here';
    button.addEventListener('click', () => jumpTo(lastSliderKey(sweep), g.after));
    li.appendChild(button);
    li.appendChild(document.createTextNode(' ' + g.changes.join('; ')));
    list.appendChild(li);
  }
  const resolution = result.meta.sweep ? result.meta.sweep.resolution : '';
  $('breaks-note').textContent = groups.size
    ? `${groups.size} between ${sweep.from} and ${sweep.to}; ${resolution}.`
    : `No seat changes between ${sweep.from} and ${sweep.to}.`;
}

function lastSliderKey(sweep) {
  if (sweep.force) return sweep.force;
  return sweep.parameter === 'rule.first_divisor' ? 'first-divisor' : 'threshold';
}

function jumpTo(key, value) {
  $(sliders[key].text).value = value;
  placeSlider(key);
  lastSlider = key;
  recompute();
}

// ---- setting up ----

function option(select, value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label === undefined ? value : label;
  select.appendChild(o);
}

function fillControls() {
  $('title').textContent = info.name;
  document.title = 'seatsim explorer · ' + info.name;
  for (const m of info.methods) option($('method'), m.name);
  if (!info.methods.some((m) => m.name === info.rule.method)) option($('method'), info.rule.method);
  for (const t of info.ties) option($('ties'), t);
  for (const id of ['transfer-from', 'transfer-to']) for (const p of info.parties) option($(id), p.name);
  option($('uniform-party'), '', '(none)');
  for (const p of info.parties) option($('uniform-party'), p.name);
  for (const d of info.districts) option($('district-select'), d.name);
  const filter = $('filter-list');
  for (const d of info.districts) {
    const label = document.createElement('label');
    label.className = 'check';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = d.name;
    box.checked = true;
    label.append(box, ' ' + d.name);
    filter.appendChild(label);
  }
  const seats = $('seats-list');
  for (const d of info.districts) {
    const label = document.createElement('label');
    label.className = 'seat';
    const input = document.createElement('input');
    input.type = 'number';
    input.min = String(d.reserved);
    input.step = '1';
    input.value = String(d.seats);
    input.dataset.district = d.name;
    label.append(d.name + (d.reserved ? ` (${d.reserved} reserved)` : ''), input);
    seats.appendChild(label);
  }
  option($('export-base'), info.data_set_absolute, info.data_set_absolute + '  (the file works from anywhere here)');
  option($('export-base'), '../', '"../"  (save the file in the data set\'s what-if/ folder)');
  resetControls();
}

function resetControls() {
  const r = info.rule;
  $('method').value = r.method;
  $('first-divisor').value = info.rule_keys.first_divisor || r.first_divisor || '1';
  $('threshold').value = r.threshold;
  $('threshold-scope').value = r.threshold_scope;
  $('threshold-strict').checked = r.threshold_strict;
  $('ties').value = r.ties;
  $('transfer-from').value = info.parties[0] ? info.parties[0].name : '';
  $('transfer-to').value = info.parties[1] ? info.parties[1].name : '';
  $('transfer-share').value = '0%';
  $('uniform-party').value = '';
  $('uniform-points').value = '0';
  for (const box of document.querySelectorAll('#filter-list input')) box.checked = true;
  for (const input of document.querySelectorAll('#seats-list input')) {
    const d = info.districts.find((x) => x.name === input.dataset.district);
    input.value = String(d.seats);
  }
  for (const key of Object.keys(sliders)) placeSlider(key);
  updateDerived();
}

function updateDerived() {
  const method = $('method').value;
  const divisor = firstDivisorApplies(method);
  $('first-divisor').disabled = $('first-divisor-slider').disabled = !divisor;
  $('first-divisor-row').classList.toggle('off', !divisor);
  $('first-divisor-slider').max = String(firstDivisorMax(method));
  const districts = selectedDistricts();
  $('filter-summary').textContent = districts.length === info.districts.length ? 'all'
    : districts.length === 0 ? 'none (no swing)' : districts.length + ' of ' + info.districts.length;
  const total = [...document.querySelectorAll('#seats-list input')].reduce((s, i) => s + (Number(i.value) || 0), 0);
  $('seats-total').textContent = String(total);
  const changed = seatLines().length;
  $('seats-changed').textContent = changed ? `${changed} district(s) changed` : 'none changed';
}

function changed(slider) {
  if (slider) lastSlider = slider;
  updateDerived();
  recompute();
}

function wire() {
  for (const [key, s] of Object.entries(sliders)) {
    $(s.slider).addEventListener('input', () => { $(s.text).value = sliderText(key); changed(key); });
    $(s.text).addEventListener('change', () => { placeSlider(key); changed(key); });
  }
  for (const id of ['method', 'threshold-scope', 'threshold-strict', 'ties', 'transfer-from', 'transfer-to',
    'uniform-party', 'clamp']) {
    $(id).addEventListener('change', () => {
      if (id.startsWith('transfer')) lastSlider = 'transfer';
      if (id === 'uniform-party') lastSlider = 'uniform';
      if (id.startsWith('threshold')) lastSlider = 'threshold';
      if (id === 'method') {
        const m = methodInfo($('method').value);
        // A method's own first divisor, unless the data set's method is chosen again.
        $('first-divisor').value = $('method').value === info.rule.method
          ? info.rule_keys.first_divisor || info.rule.first_divisor : m.default_first_divisor || '';
        placeSlider('first-divisor');
        lastSlider = m.first_divisor ? 'first-divisor' : lastSlider === 'first-divisor' ? null : lastSlider;
      }
      changed();
    });
  }
  $('filter-list').addEventListener('change', () => changed());
  $('filter-all').addEventListener('click', () => { setFilter(true); changed(); });
  $('filter-none').addEventListener('click', () => { setFilter(false); changed(); });
  $('seats-list').addEventListener('change', () => changed());
  $('district-select').addEventListener('change', showDistrict);
  $('all-lists').addEventListener('click', () => {
    allLists = !allLists;
    if (lastResult) showResult(lastResult, lastMs);
  });
  $('export-base').addEventListener('change', () => { $('toml').textContent = scenarioToml(null); });
  $('reset').addEventListener('click', () => { lastSlider = null; resetControls(); recompute(); });
  $('export').addEventListener('click', exportScenario);
  $('show-caveats').addEventListener('click', showCaveats);
}

function setFilter(on) {
  for (const box of document.querySelectorAll('#filter-list input')) box.checked = on;
}

function exportScenario() {
  const toml = scenarioToml(null);
  const blob = new Blob([toml], { type: 'application/toml' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'scenario.toml';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// ---- caveats: the manifest's, then QUALITY.md ----

function renderMarkdown(text, into) {
  into.replaceChildren();
  let list = null;
  for (const line of text.split('\n')) {
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (heading) {
      list = null;
      const h = document.createElement('h' + Math.min(6, heading[1].length + 2));
      h.textContent = heading[2];
      into.appendChild(h);
    } else if (item) {
      if (!list) into.appendChild(list = document.createElement('ul'));
      const li = document.createElement('li');
      li.textContent = item[1];
      list.appendChild(li);
    } else if (line.trim()) {
      list = null;
      const p = document.createElement('p');
      p.textContent = line;
      into.appendChild(p);
    }
  }
}

async function showCaveats() {
  const list = $('caveat-list');
  list.replaceChildren();
  for (const c of info.caveats) {
    const li = document.createElement('li');
    li.textContent = c;
    list.appendChild(li);
  }
  if (info.quality && !$('quality').childElementCount) {
    const response = await fetch('api/quality');
    renderMarkdown(await response.text(), $('quality'));
  } else if (!info.quality) {
    $('quality').textContent = 'This data set has no QUALITY.md.';
  }
  $('caveats').showModal();
}

async function init() {
  try {
    const response = await fetch('api/info');
    info = await response.json();
    if (!response.ok) throw new Error(info.error);
    fillControls();
    wire();
    recompute();
  } catch (error) {
    showError(error.message);
  }
}

init();
