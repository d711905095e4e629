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
const coalition = new Set();  // lists ticked in the national table
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
  const ops = votesOperations();
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

// A scenario file's `base`, relative to where the file is saved: never this machine's absolute path,
// so that the file works in anyone's copy of the data set.
function baseValue() {
  return $('export-base').value || '../';
}

function baseOptions() {
  const name = info.data_set_absolute.replace(/\/+$/, '').split('/').pop();
  if (info.data_set_folder)
    return [['../', '"../"  (save the file in the data set\'s what-if/ folder)'],
      [name, `"${name}"  (save the file in the folder that holds the data set)`]];
  return [[name, `"${name}"  (save the file beside the data set)`],
    ['../' + name, `"../${name}"  (save the file in a folder beside the data set, such as what-if/)`]];
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
  if (votesEdits.size) parts.push(`votes of ${votesEdits.size} list(s) edited`);
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
    partyCell(tr, r.party);
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
  showParliament();
  showChanges(rows);
  showDistrictSummary(rows);
  showDistrict();
  const notes = (result.notes || []).concat((result.operations || []).flatMap((o) => o.skipped.map((s) => 'skipped ' + s)));
  $('meta').textContent = (notes.length ? notes.join(' · ') + ' · ' : '') +
    `seatsim ${info.version} · ${result.meta.rule.method || ''}`;
}

// The list's name with its colour in the parliament and a box that puts it in the coalition.
function partyCell(row, party) {
  const td = cell(row, '');
  const label = document.createElement('label');
  label.className = 'party';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.className = 'coalition';
  box.checked = coalition.has(party);
  box.title = 'In the coalition';
  box.addEventListener('change', () => {
    if (box.checked) coalition.add(party);
    else coalition.delete(party);
    showParliament();
    remember();
  });
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.style.background = colourOf(party);
  label.append(box, swatch, party);
  td.appendChild(label);
}

// ---- the parliament (parliament.js draws it) ----

let colours = null;

// Each list's colour as seatsim's charts and report draw it (/api/info gives it), so that a list keeps
// its colour whatever the what-if.
function colourOf(party) {
  if (!colours)
    colours = new Map(info.parties.map((p, i) => [p.name, p.colour || parliamentPalette[i % parliamentPalette.length]]));
  return colours.get(party) || '#999999';
}

// The lists in seating order: the coalition first (from the left, so that the majority line in the
// middle shows whether it holds a majority), then by seats after the what-if, then by votes.
function parliamentRows() {
  if (!lastResult) return [];
  const national = lastResult.results.filter((r) => r.level === 'national');
  const order = new Map(info.parties.map((p, i) => [p.name, i]));
  const rows = national.map((r) => ({ name: r.party, colour: colourOf(r.party), base: Number(r.base_seats) || 0,
    seats: Number(r.seats) || 0 }));
  rows.sort((a, b) => (coalition.has(b.name) - coalition.has(a.name)) || b.seats - a.seats || b.base - a.base ||
    (order.get(a.name) ?? 1e9) - (order.get(b.name) ?? 1e9));
  return rows;
}

function parliamentTitle() { return `${info.name}: ${describe()}`; }

function showParliament() {
  const rows = parliamentRows();
  $('hemicycle').innerHTML = rows.length ? parliamentSvg(rows, coalition, parliamentTitle(), false) : '';
  const members = rows.filter((r) => coalition.has(r.name));
  const note = $('coalition-note');
  if (!members.length) {
    note.textContent = 'Tick lists in the national table to form a coalition.';
    return;
  }
  const line = (key, label) => {
    const total = rows.reduce((s, r) => s + r[key], 0);
    const held = members.reduce((s, r) => s + r[key], 0);
    const majority = majorityOf(total);
    const margin = held - majority;
    return `${label} ${held} of ${total} (majority ${majority}: ${margin >= 0 ? 'reached, ' + signed(margin) : 'short by ' + -margin})`;
  };
  note.textContent = `Coalition of ${members.map((r) => r.name).join(', ')}: ` + line('base', 'base') + '; ' +
    line('seats', 'what-if');
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

function known(value) { return value !== '' && value !== null && value !== undefined; }

// The seats of a district that differ from `key` (base_seats, published_seats): the larger of the
// seats gained and the seats lost, as `seatsim compare` counts them. Counting only the seats gained
// missed a seat that one list lost and no list with a published count won (Dhi Qar, Najaf).
function seatsMoved(rows, key) {
  let gained = 0, lost = 0;
  for (const r of rows) {
    if (!known(r[key])) continue;
    const diff = r.seats - r[key];
    if (diff > 0) gained += diff;
    else lost -= diff;
  }
  return Math.max(gained, lost);
}

function showDistrictSummary(rows) {
  const body = $('districts').tBodies[0];
  body.replaceChildren();
  for (const d of info.districts) {
    const mine = rows.filter((r) => r.level === 'district' && r.district === d.name);
    const seats = mine.reduce((s, r) => s + r.seats, 0);
    const changed = seatsMoved(mine, 'base_seats');
    // Lists without published seats are left out of the count, as `seatsim compare` leaves them out.
    const differs = seatsMoved(mine, 'published_seats');
    const missing = mine.some((r) => !known(r.published_seats) && known(r.base_votes));
    const tr = body.insertRow();
    tr.dataset.district = d.name;
    tr.addEventListener('click', () => selectDistrict(d.name));
    // A button, so that the keyboard reaches it too (the row's click is for the mouse).
    const name = cell(tr, '');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = d.name;
    button.addEventListener('click', (event) => { event.stopPropagation(); selectDistrict(d.name); });
    name.appendChild(button);
    cell(tr, seats, 'num');
    cell(tr, changed || '', 'num' + (changed ? ' down' : ''));
    const differsCell = cell(tr, differs || '', 'num differs');
    if (missing) differsCell.title = 'Some lists of this district have no published seats (left out of the count)';
  }
}

function selectDistrict(name) {
  $('district-select').value = name;
  showDistrict();
  remember();
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
    votesCell(tr, name, r);
    cell(tr, r.votes === '' ? '' : Number(r.votes).toLocaleString('en'), 'num');
    cell(tr, r.seats, 'num seats');
    cell(tr, r.base_seats, 'num');
    cell(tr, r.change ? signed(r.change) : '', 'num ' + (r.change > 0 ? 'up' : r.change < 0 ? 'down' : ''));
    cell(tr, r.published_seats, 'num');
  }
}

// ---- votes edited in the page: `set` operations of the scenario, before the swing ----
// They stay out of the URL's fragment and of undo (a link carries no votes).

const votesEdits = new Map();  // "district\u0000party" -> whole number of votes, as text

function editKey(district, party) { return district + '\u0000' + party; }

// The list's votes in the data (or as edited), in a field; a change recomputes the seats at once.
function votesCell(row, district, r) {
  const td = cell(row, '', 'num');
  if (!known(r.base_votes)) return;
  const input = document.createElement('input');
  input.type = 'text';
  input.inputMode = 'numeric';
  input.className = 'votes';
  input.spellcheck = false;
  input.value = votesEdits.get(editKey(district, r.party)) ?? String(r.base_votes);
  input.setAttribute('aria-label', `Votes of ${r.party} in ${district}`);
  input.classList.toggle('edited', votesEdits.has(editKey(district, r.party)));
  input.addEventListener('change', () => editVotes(district, r.party, String(r.base_votes), input));
  td.appendChild(input);
}

function editVotes(district, party, original, input) {
  const text = input.value.trim().replace(/[,_ ]/g, '');
  if (!/^\d{1,15}$/.test(text)) {
    showError(`votes of ${party} in ${district}: '${input.value}' is not a whole number of votes`);
    input.value = votesEdits.get(editKey(district, party)) ?? original;
    return;
  }
  const votes = String(Number(text));
  if (votes === original) votesEdits.delete(editKey(district, party));
  else votesEdits.set(editKey(district, party), votes);
  changed();
}

function votesOperations() {
  return [...votesEdits].map(([key, votes]) => {
    const [district, party] = key.split('\u0000');
    return { kind: 'set', lines: ['kind = "set"', 'party = ' + tomlString(party), 'votes = ' + votes,
      'districts = [' + tomlString(district) + ']'] };
  });
}

// A CSV of votes (`district,party,votes`, a header first) read into the page as edits.
async function uploadVotes(file) {
  const lines = (await file.text()).split(/\r?\n/).filter((l) => l.trim());
  const header = (lines.shift() || '').split(',').map((h) => h.trim().toLowerCase());
  const at = (name) => header.indexOf(name);
  if (at('district') < 0 || at('party') < 0 || at('votes') < 0)
    throw new Error(`${file.name}: the first line must name the columns district, party and votes`);
  const lists = new Map();
  for (const r of lastResult.results) if (r.level === 'district' && known(r.base_votes))
    lists.set(editKey(r.district, r.party), String(r.base_votes));
  const edits = new Map();
  lines.forEach((line, i) => {
    const fields = csvLine(line);
    const district = fields[at('district')] || '', party = fields[at('party')] || '';
    const votes = (fields[at('votes')] || '').trim();
    const where = `${file.name}:${i + 2}`;
    if (!lists.has(editKey(district, party))) throw new Error(`${where}: no list '${party}' in district '${district}'`);
    if (!/^\d{1,15}$/.test(votes)) throw new Error(`${where}: '${votes}' is not a whole number of votes`);
    if (String(Number(votes)) !== lists.get(editKey(district, party))) edits.set(editKey(district, party), String(Number(votes)));
  });
  votesEdits.clear();
  for (const [key, votes] of edits) votesEdits.set(key, votes);
  changed();
}

// One line of CSV (RFC 4180 quotes; no line breaks inside a field).
function csvLine(line) {
  const fields = [];
  let field = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { field += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
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
  for (const [value, label] of baseOptions()) option($('export-base'), value, label);
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

// `dragging`: a slider moving; its steps become one undo step once it rests.
function changed(slider, dragging) {
  if (slider) lastSlider = slider;
  updateDerived();
  recompute();
  if (dragging) remember();
  else commitState();
}

// ---- the state in the URL's fragment; undo and redo ----
// The fragment holds what differs from the data set: the rule, the swing, the districts it applies
// to, seat totals, the district shown and the coalition (#method=sainte-lague&share=10%25&...).
// A link with it reproduces the page. Votes edited in the page stay out of it.

let defaults = null;     // the controls' state after a reset
const undoStack = [];    // fragments, oldest first
let undoAt = -1;
let rememberTimer = null;
const scalarKeys = ['method', 'first-divisor', 'threshold', 'scope', 'strict', 'ties', 'from', 'to', 'share', 'party',
  'points', 'clamp', 'district'];

function readState() {
  return {
    method: $('method').value,
    'first-divisor': $('first-divisor').value.trim(),
    threshold: $('threshold').value.trim(),
    scope: $('threshold-scope').value,
    strict: $('threshold-strict').checked ? '1' : '0',
    ties: $('ties').value,
    from: $('transfer-from').value,
    to: $('transfer-to').value,
    share: $('transfer-share').value.trim(),
    party: $('uniform-party').value,
    points: $('uniform-points').value.trim(),
    clamp: $('clamp').checked ? '1' : '0',
    district: $('district-select').value,
    in: selectedDistricts(),
    coalition: [...coalition],
    seats: Object.fromEntries([...document.querySelectorAll('#seats-list input')]
      .map((input) => [input.dataset.district, input.value.trim()])),
  };
}

function fragmentOf(state) {
  const p = new URLSearchParams();
  for (const key of scalarKeys) if (state[key] !== defaults[key]) p.append(key, state[key]);
  if (state.in.join('\n') !== defaults.in.join('\n')) {
    if (!state.in.length) p.append('in', '');
    for (const d of state.in) p.append('in', d);
  }
  for (const party of state.coalition) p.append('coalition', party);
  for (const [d, seats] of Object.entries(state.seats)) if (seats !== defaults.seats[d]) p.append('seats.' + d, seats);
  return p.toString();
}

// The state a fragment describes; what it does not name keeps the data set's value.
function stateOf(fragment) {
  const state = structuredClone(defaults);
  const p = new URLSearchParams(fragment);
  if (p.has('in')) state.in = p.getAll('in').filter((d) => d);
  state.coalition = p.getAll('coalition');
  for (const [key, value] of p) {
    if (scalarKeys.includes(key)) state[key] = value;
    else if (key.startsWith('seats.') && Object.hasOwn(state.seats, key.slice(6))) state.seats[key.slice(6)] = value;
  }
  return state;
}

function setSelect(id, value) {
  if ([...$(id).options].some((o) => o.value === value)) $(id).value = value;
}

function applyState(state) {
  setSelect('method', state.method);
  $('first-divisor').value = state['first-divisor'];
  $('threshold').value = state.threshold;
  setSelect('threshold-scope', state.scope);
  $('threshold-strict').checked = state.strict === '1';
  setSelect('ties', state.ties);
  setSelect('transfer-from', state.from);
  setSelect('transfer-to', state.to);
  $('transfer-share').value = state.share;
  setSelect('uniform-party', state.party);
  $('uniform-points').value = state.points;
  $('clamp').checked = state.clamp !== '0';
  setSelect('district-select', state.district);
  const inSwing = new Set(state.in);
  for (const box of document.querySelectorAll('#filter-list input')) box.checked = inSwing.has(box.value);
  for (const input of document.querySelectorAll('#seats-list input')) input.value = state.seats[input.dataset.district];
  const names = new Set(info.parties.map((p) => p.name));
  coalition.clear();
  for (const party of state.coalition) if (names.has(party)) coalition.add(party);
  for (const key of Object.keys(sliders)) placeSlider(key);
  updateDerived();
}

function remember() {
  clearTimeout(rememberTimer);
  rememberTimer = setTimeout(commitState, 300);
}

// The controls as they are become the newest undo step and the URL's fragment.
function commitState() {
  clearTimeout(rememberTimer);
  rememberTimer = null;
  if (!defaults) return;
  const fragment = fragmentOf(readState());
  if (undoStack[undoAt] !== fragment) {
    undoStack.splice(undoAt + 1);
    undoStack.push(fragment);
    if (undoStack.length > 500) undoStack.shift();
    undoAt = undoStack.length - 1;
  }
  showFragment(fragment);
}

function showFragment(fragment) {
  history.replaceState(null, '', fragment ? '#' + fragment : location.pathname + location.search);
  $('undo').disabled = undoAt <= 0;
  $('redo').disabled = undoAt >= undoStack.length - 1;
}

function undoRedo(step) {
  if (rememberTimer) commitState();
  const to = undoAt + step;
  if (to < 0 || to >= undoStack.length) return;
  undoAt = to;
  showState(undoStack[undoAt]);
}

function showState(fragment) {
  applyState(stateOf(fragment));
  showFragment(fragment);
  lastSlider = null;
  recompute();
  showDistrict();
}

// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, except where a text field has its own undo.
function undoKeys(event) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
  if (event.target.matches && event.target.matches('input[type=text], input[type=number], textarea')) return;
  const key = event.key.toLowerCase();
  if (key !== 'z' && key !== 'y') return;
  event.preventDefault();
  undoRedo(key === 'y' || event.shiftKey ? 1 : -1);
}

function wire() {
  for (const [key, s] of Object.entries(sliders)) {
    $(s.slider).addEventListener('input', () => { $(s.text).value = sliderText(key); changed(key, true); });
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
  $('district-select').addEventListener('change', () => { showDistrict(); commitState(); });
  $('all-lists').addEventListener('click', () => {
    allLists = !allLists;
    if (lastResult) showResult(lastResult, lastMs);
  });
  $('export-base').addEventListener('change', () => { $('toml').textContent = scenarioToml(null); });
  $('reset').addEventListener('click', () => {
    lastSlider = null;
    votesEdits.clear();
    resetControls();
    recompute();
    commitState();
  });
  $('votes-file').addEventListener('change', async () => {
    const file = $('votes-file').files[0];
    $('votes-file').value = '';
    if (!file) return;
    try {
      await uploadVotes(file);
    } catch (error) {
      showError(error.message);
    }
  });
  $('export').addEventListener('click', exportScenario);
  $('export-csv').addEventListener('click', exportCsv);
  $('export-svg').addEventListener('click', exportSvg);
  $('undo').addEventListener('click', () => undoRedo(-1));
  $('redo').addEventListener('click', () => undoRedo(1));
  document.addEventListener('keydown', undoKeys);
  // A link pasted into this tab, or the fragment edited by hand.
  window.addEventListener('hashchange', () => {
    const fragment = location.hash.slice(1);
    if (fragment === undoStack[undoAt]) return;
    applyState(stateOf(fragment));
    recompute();
    showDistrict();
    commitState();
  });
  $('show-caveats').addEventListener('click', showCaveats);
}

function setFilter(on) {
  for (const box of document.querySelectorAll('#filter-list input')) box.checked = on;
}

function download(name, type, text) {
  const blob = new Blob([text], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

function exportScenario() { download('scenario.toml', 'application/toml', scenarioToml(null)); }

function csvField(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

// The seats shown, as `seatsim scenario FILE --format csv` writes them: the server's records, column
// for column, numbers as the server wrote them.
function resultsCsv(records) {
  if (!records.length) return '';
  const columns = Object.keys(records[0]);
  const lines = [columns.map(csvField).join(',')];
  for (const r of records) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return lines.join('\n') + '\n';
}

function exportCsv() {
  if (lastResult) download('seats.csv', 'text/csv', resultsCsv(lastResult.results));
}

function exportSvg() {
  if (lastResult)
    download('parliament.svg', 'image/svg+xml', parliamentSvg(parliamentRows(), coalition, parliamentTitle(), true));
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

// ---- from polls to seats (/api/project) ----

// The poll and mapping go as text in a JSON body: the server reads no file a request names.
function projectionBody() {
  const body = { polls: $('project-polls').value, swing: $('project-swing').value.trim() || 'uniform' };
  const mapping = $('project-mapping').value;
  if (mapping.trim()) body.mapping = mapping;
  const covariance = $('project-covariance').value;
  if (covariance.trim()) body.covariance = covariance;
  const houseEffects = $('project-house-effects').value;
  if (houseEffects.trim()) body['house-effects'] = houseEffects;
  const draws = $('project-draws').value.trim();
  if (draws) body.draws = draws;
  const seed = $('project-seed').value.trim();
  if (seed) body.seed = seed;
  const coalitions = $('project-coalitions').value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l);
  if (coalitions.length) body.coalition = coalitions;
  return JSON.stringify(body);
}

// As seatsim project prints them: the reply's JSON numbers have lost their trailing zeros.
function fixed(value, places) { return known(value) ? Number(value).toFixed(places) : ''; }

function interval(row, level) {
  return known(row['lo' + level]) ? `${row['lo' + level]}–${row['hi' + level]}` : '';
}

// Display only: the reply's shares are percentages; one decimal is enough beside the seats.
function percentOf(share) { return known(share) ? Number(share).toFixed(1) : ''; }

function projectedPartyCell(row, party) {
  const td = cell(row, '');
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.style.background = colourOf(party);
  const label = document.createElement('span');
  label.className = 'party';
  label.append(swatch, party);
  td.appendChild(label);
}

function showProjection(result) {
  const body = $('project-results').tBodies[0];
  body.replaceChildren();
  for (const row of result.parties) {
    const tr = body.insertRow();
    projectedPartyCell(tr, row.party);
    cell(tr, percentOf(row.base_share), 'num');
    cell(tr, percentOf(row.poll_share), 'num');
    cell(tr, row.base_seats, 'num');
    cell(tr, row.seats, 'num seats');
    cell(tr, fixed(row.mean, 3), 'num');
    cell(tr, known(row.median) ? row.median : '', 'num');
    for (const level of ['80', '90', '95']) cell(tr, interval(row, level), 'num');
  }
  showFanChart(result.fan_chart);
  const coalitions = $('project-coalition-results');
  coalitions.hidden = result.coalitions.length === 0;
  coalitions.tBodies[0].replaceChildren();
  for (const row of result.coalitions) {
    const tr = coalitions.tBodies[0].insertRow();
    cell(tr, `${row.coalition} (${row.parties})`);
    cell(tr, row.seats, 'num seats');
    cell(tr, fixed(row.mean, 3), 'num');
    cell(tr, fixed(row.p_majority, 4), 'num');
    cell(tr, fixed(row.p_majority_exclusive, 4), 'num');
  }
  const m = result.meta;
  const warnings = (result.warnings || []).map((w) => ' Warning: ' + w).join('');
  $('project-status').textContent =
    `${m.swing_model}; ${m.draws} draws, seed ${m.seed}; effective sample size ${Math.round(m.effective_sample_size)}.` +
    warnings;
}

// The server's fan chart (with draws), parsed as SVG rather than set as HTML.
function showFanChart(svgText) {
  const figure = $('project-fan');
  figure.querySelector('svg')?.remove();
  figure.hidden = !svgText;
  if (!svgText) return;
  const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  svg.setAttribute('role', 'img');
  svg.style.maxWidth = '100%';
  svg.style.height = 'auto';
  figure.prepend(document.importNode(svg, true));
}

async function runProjection(event) {
  event.preventDefault();
  $('project-run').disabled = true;
  $('project-status').textContent = 'Projecting…';
  try {
    const response = await fetch('api/project', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: projectionBody(),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(json.error || 'HTTP ' + response.status);
    showProjection(json);
    showError(null);
  } catch (error) {
    $('project-status').textContent = '';
    showError(error.message);
  } finally {
    $('project-run').disabled = false;
  }
}

function wireProjection() {
  $('project-draws').max = String(info.max_draws);
  $('project-form').addEventListener('submit', runProjection);
  $('project-polls-file').addEventListener('change', async () => {
    const file = $('project-polls-file').files[0];
    $('project-polls-file').value = '';
    if (file) $('project-polls').value = await file.text();
  });
}

async function init() {
  try {
    const response = await fetch('api/info');
    info = await response.json();
    if (!response.ok) throw new Error(info.error);
    fillControls();
    defaults = readState();
    defaults.coalition = [];
    wire();
    wireProjection();
    const fragment = location.hash.slice(1);
    if (fragment) applyState(stateOf(fragment));
    commitState();
    recompute();
  } catch (error) {
    showError(error.message);
  }
}

init();
