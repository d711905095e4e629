// The parliament on the explorer page: hemicycles before and after the what-if, with the majority
// line and a coalition. The seat layout is the command line's (src/render/hemicycle.cpp, ported
// line by line) and the colours its palette (src/render/palette.cpp). Display only: no seat is
// decided here, the seats come from the server.
'use strict';

const parliamentPalette = [
  '#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#332288',
  '#117733', '#882255', '#44AA99', '#999933', '#AA4499', '#DDCC77', '#88CCEE', '#CC6677',
];

const hemicycleInner = 0.4;  // the empty floor in the middle, as a share of the outer radius

// Rows of `count` arcs between the inner and the outer radius, each holding the seats that fit one
// row-spacing apart along its arc (hemicycle.cpp: rows_for).
function hemicycleRows(count) {
  const spacing = (1 - hemicycleInner) / count;
  const rows = [];
  for (let i = 0; i < count; i++) {
    const radius = hemicycleInner + spacing * (i + 0.5);
    rows.push({ radius, capacity: Math.floor(Math.PI * radius / spacing) + 1, seats: 0 });
  }
  return rows;
}

function hemicycleCapacity(rows) { return rows.reduce((s, r) => s + r.capacity, 0); }

// Seats per row in proportion to each row's capacity, largest remainders (hemicycle.cpp: fill_rows).
function fillHemicycleRows(rows, seats) {
  const total = hemicycleCapacity(rows);
  const remainders = [];
  let placed = 0;
  rows.forEach((row, i) => {
    const share = seats * row.capacity / total;
    row.seats = Math.min(row.capacity, Math.floor(share));
    placed += row.seats;
    remainders.push([share - row.seats, i]);
  });
  remainders.sort((a, b) => b[0] - a[0]);
  while (placed < seats) {
    for (const [, i] of remainders) {
      if (placed === seats) break;
      if (rows[i].seats < rows[i].capacity) {
        rows[i].seats += 1;
        placed += 1;
      }
    }
  }
}

const hemicycleLayouts = new Map();

// `seats` positions {x, y, r} left to right, in units of the outer radius, centre (0, 0), y upwards.
function hemicycleLayout(seats) {
  if (hemicycleLayouts.has(seats)) return hemicycleLayouts.get(seats);
  const positions = [];
  if (seats > 0) {
    let count = 1;
    while (hemicycleCapacity(hemicycleRows(count)) < seats) count += 1;
    const rows = hemicycleRows(count);
    fillHemicycleRows(rows, seats);
    const r = Math.min(0.09, 0.4 * (1 - hemicycleInner) / count);
    const placed = [];
    for (const row of rows)
      for (let j = 0; j < row.seats; j++)
        placed.push({ angle: row.seats === 1 ? Math.PI / 2 : Math.PI * (1 - j / (row.seats - 1)), radius: row.radius });
    placed.sort((a, b) => (a.angle !== b.angle ? b.angle - a.angle : a.radius - b.radius));
    for (const p of placed) positions.push({ x: p.radius * Math.cos(p.angle), y: p.radius * Math.sin(p.angle), r });
  }
  hemicycleLayouts.set(seats, positions);
  return positions;
}

function xmlText(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

function svgNumber(n) { return String(Math.round(n * 10) / 10); }

// More than half of the seats filled.
function majorityOf(total) { return Math.floor(total / 2) + 1; }

// One hemicycle: `parties` [{name, seats, colour}] in seating order, `coalition` a Set of names
// (the others are drawn faint when it is not empty), centred at (cx, cy) with outer radius `radius`.
function drawHemicycle(parties, coalition, cx, cy, radius, caption) {
  const total = parties.reduce((s, p) => s + p.seats, 0);
  const seats = hemicycleLayout(total);
  let out = `<g class="panel" data-seats="${total}">`;
  out += `<text x="${svgNumber(cx)}" y="${svgNumber(cy - radius - 34)}" text-anchor="middle" font-size="18" ` +
    `font-weight="bold" fill="#1d2330">${xmlText(caption)}</text>`;
  let next = 0;
  for (const party of parties) {
    if (party.seats <= 0) continue;
    const member = coalition.has(party.name);
    const faint = coalition.size > 0 && !member;
    out += `<g class="party${member ? ' coalition' : ''}" data-party="${xmlText(party.name)}" ` +
      `fill="${xmlText(party.colour)}"${faint ? ' fill-opacity="0.22"' : ''}>` +
      `<title>${xmlText(party.name)}: ${party.seats} seat${party.seats === 1 ? '' : 's'}</title>`;
    for (let s = 0; s < party.seats; s++, next++) {
      const seat = seats[next];
      out += `<circle class="seat" cx="${svgNumber(cx + seat.x * radius)}" cy="${svgNumber(cy - seat.y * radius)}" ` +
        `r="${svgNumber(seat.r * radius)}"/>`;
    }
    out += '</g>';
  }
  // The majority line: seats fill from the left, so the coalition (seated first) has a majority
  // when its seats reach past the middle.
  const majority = majorityOf(total);
  out += `<line class="majority" x1="${svgNumber(cx)}" y1="${svgNumber(cy + 6)}" x2="${svgNumber(cx)}" ` +
    `y2="${svgNumber(cy - radius - 14)}" stroke="#1d2330" stroke-width="2" stroke-dasharray="6 4"/>`;
  out += `<text x="${svgNumber(cx)}" y="${svgNumber(cy - radius - 18)}" text-anchor="middle" font-size="13" ` +
    `fill="#5b6475">majority ${majority}</text>`;
  out += `<text x="${svgNumber(cx)}" y="${svgNumber(cy - 6)}" text-anchor="middle" font-size="20" ` +
    `fill="#1d2330">${total} seats</text>`;
  if (coalition.size > 0) {
    const held = parties.filter((p) => coalition.has(p.name)).reduce((s, p) => s + p.seats, 0);
    out += `<text class="coalition-seats" x="${svgNumber(cx)}" y="${svgNumber(cy + 24)}" text-anchor="middle" ` +
      `font-size="15" fill="#1d2330">coalition ${held} of ${total}: ${held >= majority ? 'a majority' : 'no majority'}` +
      '</text>';
  }
  return out + '</g>';
}

// The whole chart as a standalone SVG document: the base and the what-if side by side and, with
// `legend` (the exported file; on the page the national table is the legend), each list's name
// and seats (base → what-if). `rows` [{name, colour, base, seats}] in seating order.
function parliamentSvg(rows, coalition, title, legend) {
  const width = 1000, radius = 210, top = 90, cy = top + radius;
  const shown = legend ? rows.filter((r) => r.base > 0 || r.seats > 0) : [];
  const columns = 2, rowHeight = 22, legendTop = cy + 48;
  const height = legendTop + Math.ceil(shown.length / columns) * rowHeight + (shown.length ? 10 : -10);
  let out = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" ` +
    `height="${height}" role="img" font-family="system-ui, sans-serif"><title>${xmlText(title)}</title>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`;
  const ordered = (key) => rows.map((r) => ({ name: r.name, colour: r.colour, seats: r[key] }));
  out += drawHemicycle(ordered('base'), coalition, width / 4, cy, radius, 'Base');
  out += drawHemicycle(ordered('seats'), coalition, 3 * width / 4, cy, radius, 'What-if');
  out += '<g class="legend">';
  shown.forEach((r, i) => {
    const x = 20 + (i % columns) * (width - 40) / columns;
    const y = legendTop + Math.floor(i / columns) * rowHeight;
    const name = r.name.length > 46 ? r.name.slice(0, 45) + '…' : r.name;
    out += `<rect x="${x}" y="${y}" width="14" height="14" rx="3" fill="${xmlText(r.colour)}"/>` +
      `<text x="${x + 20}" y="${y + 12}" font-size="13" fill="#1d2330">${xmlText(name)} — ${r.base} → ${r.seats}` +
      `${coalition.has(r.name) ? ' (coalition)' : ''}</text>`;
  });
  return out + '</g></svg>\n';
}
