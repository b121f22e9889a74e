// A sanction timeline drawn as SVG: one lane per action kind, one mark per action at its date.
// Filled marks are enacted, hollow ones proposed/advocated, crossed ones lifted. Each mark is a link.

import { h, humanize } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

export function parseDate(d) {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(d));
  if (!m) return null;
  // a partial date sits in the middle of its month or year
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 6, m[3] ? +m[3] : m[2] ? 15 : 1);
}

const GRID = 32; // px: marks closer than this in one lane are one crowd (4 or more: one mark and its count)
const KIND_COLORS = ["#dc2626", "#2563eb", "#d97706", "#059669", "#7c3aed", "#db2777", "#0d9488", "#4b5563"];

// `intervals`: [{since, until, label}] in which a measure was in force (GET /entities/{id}/status), shaded
// behind the lanes; an open end runs to the axis' end.
export function renderTimeline(items, { width = 900, intervals = [] } = {}) {
  const dated = items.filter((i) => parseDate(i.date) !== null);
  const undated = items.filter((i) => parseDate(i.date) === null);
  const spans = intervals.filter((i) => parseDate(i.since) !== null);
  const wrap = h("div", { class: "timeline" });
  if (!dated.length && !spans.length) {
    wrap.append(h("p", { class: "empty" }, items.length ? "None of these actions has a known date." : "No actions on record."));
  } else {
    const kinds = dated.length ? [...new Set(dated.map((i) => i.kind || "other"))] : ["in force"];
    // a narrow box (a phone) puts each lane's name above its line instead of in a 130 px gutter
    const narrow = width < 520;
    const laneH = narrow ? 42 : 34;
    const left = narrow ? 12 : 130;
    const right = 20;
    const top = 10;
    const axisH = 28;
    const height = top + kinds.length * laneH + axisH;
    const times = [...dated.map((i) => parseDate(i.date)), ...spans.flatMap((i) => [parseDate(i.since), parseDate(i.until)]).filter((t) => t !== null)];
    let t0 = Math.min(...times);
    let t1 = Math.max(...times);
    const day = 86400000;
    if (t1 - t0 < 60 * day) {
      t0 -= 30 * day;
      t1 += 30 * day;
    }
    const pad = (t1 - t0) * 0.05;
    t0 -= pad;
    t1 += pad;
    const x = (t) => left + ((t - t0) / (t1 - t0)) * (width - left - right);
    const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline-svg", role: "group", "aria-label": `Timeline of ${dated.length} dated actions` });
    for (const sp of spans) {
      const a = x(parseDate(sp.since));
      const b = sp.until && parseDate(sp.until) !== null ? x(parseDate(sp.until)) : width - right;
      const title = `${sp.label || "measure"} in force from ${sp.since}${sp.until ? ` to ${sp.until}` : ""}`;
      svg.append(s("rect", { x: a, y: top, width: Math.max(2, b - a), height: kinds.length * laneH, class: "in-force", "aria-label": title }, s("title", null, title)));
    }
    kinds.forEach((k, li) => {
      const y = top + li * laneH + laneH / 2;
      svg.append(s("line", { x1: left, x2: width - right, y1: y, y2: y, class: "lane" }));
      svg.append(narrow
        ? s("text", { x: left, y: y - 11, "text-anchor": "start", class: "lane-label" }, humanize(k))
        : s("text", { x: left - 8, y: y + 4, "text-anchor": "end", class: "lane-label" }, humanize(k)));
    });
    // axis ticks: years, or months when the span is short
    const y0 = new Date(t0).getUTCFullYear();
    const y1 = new Date(t1).getUTCFullYear();
    const axisY = top + kinds.length * laneH + 4;
    svg.append(s("line", { x1: left, x2: width - right, y1: axisY, y2: axisY, class: "axis" }));
    const ticks = [];
    // a year label needs ~40 px: every year, or every 2nd, 5th... as the width allows (at 390 px twenty years
    // printed on top of each other)
    const perYear = (width - left - right) / Math.max(1, (t1 - t0) / (365.25 * day));
    const every = [1, 2, 5, 10, 20, 50].find((n) => n * perYear >= 40) || 100;
    if (y1 - y0 >= 2) {
      for (let y = y0 + 1; y <= y1; y++) if (y % every === 0) ticks.push([Date.UTC(y, 0, 1), String(y)]);
    } else {
      const d = new Date(t0);
      let m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      const months = (t1 - t0) / (30.4 * day);
      const step = [1, 2, 3, 6].find((n) => (n * (width - left - right)) / months >= 56) || 12;
      while (m < t1) {
        const dm = new Date(m);
        ticks.push([m, dm.toLocaleString("en", { month: "short", timeZone: "UTC" }) + (dm.getUTCMonth() === 0 || ticks.length === 0 ? " " + dm.getUTCFullYear() : "")]);
        m = Date.UTC(dm.getUTCFullYear(), dm.getUTCMonth() + step, 1);
      }
    }
    for (const [t, label] of ticks) {
      svg.append(s("line", { x1: x(t), x2: x(t), y1: axisY, y2: axisY + 5, class: "axis" }));
      svg.append(s("text", { x: x(t), y: axisY + 18, "text-anchor": "middle", class: "tick" }, label));
    }
    // marks; a few actions on the same day in one lane are nudged apart, more are one mark and a count (a hub's
    // dozens of designations a day were nudged off the axis' end, far from their date)
    const seen = new Map();
    const bucket = (it) => `${kinds.indexOf(it.kind || "other")}|${Math.round(x(parseDate(it.date)) / GRID)}`;
    const counts = new Map();
    for (const it of dated) counts.set(bucket(it), (counts.get(bucket(it)) || 0) + 1);
    for (const it of dated.sort((a, b) => parseDate(a.date) - parseDate(b.date))) {
      const li = kinds.indexOf(it.kind || "other");
      const key = bucket(it);
      const n = seen.get(key) || 0;
      seen.set(key, n + 1);
      const crowd = counts.get(key);
      if (crowd > 3 && n > 0) continue; // in the list below; the first mark carries the count
      // a crowd's mark sits on its cell's point of a GRID px grid, so two counts never print over each other
      const cx = crowd > 3 ? Math.round(x(parseDate(it.date)) / GRID) * GRID : x(parseDate(it.date)) + n * 9;
      const cy = top + li * laneH + laneH / 2;
      const color = KIND_COLORS[li % KIND_COLORS.length];
      const status = it.status || "enacted";
      const title = `${crowd > 3 ? `${crowd} actions around ${it.date}, listed below; the first: ` : ""}${humanize(it.kind)} — ${status} — ${it.date}${it.role ? ` (as ${it.role})` : ""}${it.summary ? ": " + it.summary : ""}`;
      const mark = s("circle", { cx, cy, r: 7, fill: status === "enacted" ? color : "#fff", stroke: color, "stroke-width": 2.5 });
      const a = s("a", { href: `#/action/${encodeURIComponent(it.action_id)}`, class: `mark st-${status}`, "aria-label": title }, s("title", null, title), mark);
      if (status === "lifted") a.append(s("path", { d: `M${cx - 5} ${cy - 5} L${cx + 5} ${cy + 5} M${cx + 5} ${cy - 5} L${cx - 5} ${cy + 5}`, stroke: color, "stroke-width": 2 }));
      if (crowd > 3) a.append(s("text", { x: cx, y: cy + 19, "text-anchor": "middle", class: "tick crowd" }, `×${crowd}`));
      svg.append(a);
    }
    wrap.append(svg);
    wrap.append(
      h(
        "p",
        { class: "hint" },
        "● enacted   ○ proposed or advocated   ⊗ lifted. Each mark links to its action.",
        spans.length ? " Shaded: a measure in force (from the texts and the official lists)." : "",
      ),
    );
  }
  if (undated.length && dated.length) wrap.append(h("p", { class: "hint" }, `${undated.length} action(s) without a known date are listed below.`));
  return wrap;
}
