// What the official lists say about an action (issue 13): a badge confirmed / contradicted / unverified, and
// the list entries behind it (list, entry id, names, dates, reason) to show next to the evidence sentence.
// Data: the action's `corroboration` field, and GET /actions/{id}/corroboration for the entries.

import { get } from "./api.js";
import { enc } from "./components.js";
import { h } from "./dom.js";

const MEANING = {
  confirmed: "An official list holds the target, with dates (and a programme, where one is named) consistent with the action.",
  contradicted: "An official list says otherwise, e.g. the target was removed before the action's date.",
  unverified: "No official list entry confirms or contradicts this action.",
};

// a verdict -> a badge; nothing when no list speaks to the action (null verdict)
export function corroborationBadge(verdict) {
  if (!verdict) return null;
  return h("span", { class: `badge corroboration cv-${verdict}`, title: `Official lists: ${MEANING[verdict] || verdict}` }, verdict);
}

// Action list rows carry no verdict: each row asks for it once; a page of rows asks at most a few at a time.
const cache = new Map();
const waiting = [];
let running = 0;

function pump() {
  while (running < 4 && waiting.length) {
    const job = waiting.shift();
    running++;
    get(`/actions/${enc(job.id)}/corroboration`)
      .then(job.resolve, () => job.resolve(null))
      .finally(() => {
        running--;
        pump();
      });
  }
}

export function corroborationOf(id) {
  if (!cache.has(id)) cache.set(id, new Promise((resolve) => (waiting.push({ id, resolve }), pump())));
  return cache.get(id);
}

// a slot in a list row that fills with the badge once the verdict is known (the row's own field if it has one)
export function corroborationSlot(action) {
  const slot = h("span", { class: "corroboration-slot" });
  const fill = (verdict) => {
    const b = corroborationBadge(verdict);
    if (b) slot.replaceChildren(" ", b);
  };
  if (action.corroboration !== undefined) fill(action.corroboration);
  else corroborationOf(action.id).then((c) => fill(c && c.verdict));
  return slot;
}

function dates(e) {
  const parts = [];
  if (e.listed_since) parts.push(`listed since ${e.listed_since}`);
  if (e.first_seen) parts.push(`first seen ${e.first_seen}`);
  if (e.last_seen) parts.push(`${e.removed ? "last seen" : "still listed"} ${e.last_seen}`);
  if (e.removed) parts.push("removed");
  return parts.join(" · ");
}

function entryCard(e) {
  const names = [e.name, ...(e.aliases || [])].filter(Boolean);
  return h(
    "li",
    { class: "list-entry" },
    h("p", null, corroborationBadge(e.verdict), " ", h("strong", null, e.law ? e.law.name : e.list_id), " ", h("code", null, e.entry_id)),
    h("p", { class: "entry-names" }, names.join(" · ")),
    h("p", { class: "small" }, dates(e) || "no dates on the list"),
    e.programs && e.programs.length ? h("p", { class: "small" }, `Programmes: ${e.programs.join(", ")}`) : null,
    e.federal_register && e.federal_register.length ? h("p", { class: "small" }, `Federal Register: ${e.federal_register.join("; ")}`) : null,
    e.reason ? h("p", { class: "small entry-reason" }, `Why: ${e.reason}`) : null,
    h(
      "p",
      { class: "small muted" },
      e.target ? `Linked to ${e.target.name}` : "",
      e.link_method ? ` (${e.link_method}${Number.isFinite(e.link_score) ? `, score ${e.link_score.toFixed(2)}` : ""})` : "",
      e.snapshot ? ` · snapshot ${e.snapshot}` : "",
      e.files && e.files.length ? ` · ${e.files.join(", ")}` : "",
    ),
  );
}

// the entries behind an action's verdict, to place under its evidence sentence
export function corroborationEntries(actionId) {
  const box = h("div", { class: "corroboration-entries" }, h("h3", null, "What the official lists say"));
  corroborationOf(actionId).then((c) => {
    if (!c || !c.verdict) {
      box.append(h("p", { class: "muted small" }, "No official list speaks to this action (or the lists were not linked)."));
      return;
    }
    box.append(h("p", { class: "hint" }, corroborationBadge(c.verdict), " ", MEANING[c.verdict] || ""));
    if (c.entries && c.entries.length) box.append(h("ul", { class: "list-entries" }, c.entries.map(entryCard)));
  });
  return box;
}

// GET /entities/{id}/status -> the intervals to shade on the timeline: each measure from its start to its end
// (an open end: no lifting or removal known)
export function inForce(status) {
  return (status.measures || [])
    .filter((m) => m.since)
    .map((m) => ({
      since: m.since,
      until: m.until,
      label: m.source === "list" ? `${m.entry ? m.entry.name : m.entry_id} (${m.entry_id}, official list)` : `${m.kind || "measure"} (from the texts)`,
    }));
}
