// Pieces shared by several views: links to entities/actions/documents, quotes, sentence lookup.

import { get } from "./api.js";
import { h, humanize } from "./dom.js";

export const enc = encodeURIComponent;

export function entityHref(id) {
  return `#/entity/${enc(id)}`;
}
export function actionHref(id) {
  return `#/action/${enc(id)}`;
}
export function documentHref(id, span) {
  return `#/document/${enc(id)}` + (span && Number.isFinite(span.start) ? `?hl=${span.start}-${span.end}` : "");
}

export function hrefFor(r) {
  if (!r) return "#/";
  if (r.type === "Action") return actionHref(r.id);
  if (r.type === "Document") return documentHref(r.id);
  return entityHref(r.id);
}

export function chip(r) {
  if (!r) return null;
  return h("a", { class: `chip t-${r.type || "none"}`, href: hrefFor(r), title: r.type ? `${r.type}: ${r.name}` : r.name }, r.name);
}

export function chips(refs, none = "—") {
  if (!refs || !refs.length) return h("span", { class: "muted" }, none);
  return h("span", { class: "chips" }, refs.map(chip));
}

// chips for a table cell: the first `max`, the rest behind "+N more" (an action against 40 targets made a row
// several screens tall)
export function someChips(refs, max = 5, none = "—") {
  if (!refs || refs.length <= max + 1) return chips(refs, none);
  return h(
    "span",
    { class: "chips" },
    refs.slice(0, max).map(chip),
    h("details", { class: "more-chips" }, h("summary", null, `+${refs.length - max} more`), h("span", { class: "chips" }, refs.slice(max).map(chip))),
  );
}

export function badge(text, cls = "") {
  return h("span", { class: `badge ${cls}` }, text);
}

export function statusBadge(status) {
  return badge(status || "unknown", `st-${status || "unknown"}`);
}

export function actionSummary(a) {
  const who = a.by.map((r) => r.name).join(", ");
  const whom = a.targets.map((r) => r.name).join(", ");
  return [humanize(a.kind), who && `by ${who}`, whom && `against ${whom}`].filter(Boolean).join(" ");
}

// A quote with the highlighted part [hs, he) inside `text`.
export function quoteWithHighlight(text, hs, he) {
  if (!Number.isFinite(hs) || hs < 0 || he > text.length || he <= hs) return h("span", null, text);
  return h("span", null, text.slice(0, hs), h("mark", { class: "hl" }, text.slice(hs, he)), text.slice(he));
}

// Words whose trailing period does not end a sentence ("U.S.", "Co.", "Mr.", initials).
const ABBREV = /(?:^|[\s(“"])(?:[A-Z]|U\.S|U\.K|U\.N|E\.U|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Co|Corp|Inc|Ltd|No|Nos|Jr|Sr|Vol|vs|etc|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

function isSentenceEnd(text, i) {
  // text[i] is one of . ! ? ; the sentence ends there if what follows is a space then a capital, a quote,
  // a digit or the end, and a period is not that of an abbreviation
  const rest = text.slice(i + 1, i + 4);
  if (!/^["”’)]?(\s|$)/.test(rest)) return false;
  if (text[i] === "." && ABBREV.test(text.slice(Math.max(0, i - 8), i + 1))) return false;
  const next = text.slice(i + 1).match(/^["”’)]?\s+(\S)/);
  return !next || /[A-Z0-9“"‘(]/.test(next[1]);
}

// Sentence around [start, end) in a document text: cut at sentence ends and line breaks.
export function sentenceAround(text, start, end) {
  let s = start;
  while (s > 0) {
    const c = text[s - 1];
    if (c === "\n" && !/^[a-z]/.test(text[s] || "")) break; // a line break ends a sentence unless a hard wrap goes on in lowercase
    if ((c === "." || c === "!" || c === "?") && isSentenceEnd(text, s - 1)) break;
    if ((c === " " || c === "”" || c === '"' || c === ")") && s >= 2 && ".!?".includes(text[s - 2]) && isSentenceEnd(text, s - 2)) break;
    s--;
  }
  let e = end;
  while (e < text.length) {
    const c = text[e];
    if (c === "\n" && !/^[a-z]/.test(text[e + 1] || "")) break;
    if ((c === "." || c === "!" || c === "?") && isSentenceEnd(text, e)) {
      e++;
      if (/["”’)]/.test(text[e] || "")) e++;
      break;
    }
    e++;
  }
  const raw = text.slice(s, e);
  const lead = raw.length - raw.trimStart().length;
  return { sentence: raw.trim(), offset: s + lead };
}

// What to call a document: its title, else the file name of its source, else its id.
export function docLabel(d) {
  if (!d) return "";
  if (d.title) return d.title;
  const src = d.source || d.doc_source || "";
  return src ? src.split(/[\\/]/).pop() : d.id || d.doc_id || "";
}

const docCache = new Map();
export function getDocument(id) {
  if (!docCache.has(id)) {
    const p = get(`/documents/${enc(id)}`);
    docCache.set(id, p);
    p.catch(() => docCache.delete(id));
  }
  return docCache.get(id);
}
export function forgetDocuments() {
  docCache.clear();
}
