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

// The entries behind one action's verdict (its page): one request, cached.
const cache = new Map();

export function corroborationOf(id) {
  if (!cache.has(id)) cache.set(id, get(`/actions/${enc(id)}/corroboration`).catch(() => null));
  return cache.get(id);
}

// Action list rows carry no verdict: the rows of a page (drawn in one go) are collected and asked for in one
// GET /actions/corroboration?ids=... (at most MAX_IDS a request), instead of one request per row.
const MAX_IDS = 200;
const verdicts = new Map(); // id -> Promise<verdict | null>
let pending = new Map(); // id -> resolve, until the next flush

function flush() {
  const batch = pending;
  pending = new Map();
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += MAX_IDS) {
    const chunk = ids.slice(i, i + MAX_IDS);
    get(`/actions/corroboration?ids=${chunk.map(enc).join(",")}`)
      .then((res) => new Map((res.items || []).map((it) => [it.id, it.verdict])))
      .catch(() => new Map())
      .then((found) => chunk.forEach((id) => batch.get(id)(found.get(id) ?? null)));
  }
}

export function verdictOf(id) {
  if (!verdicts.has(id)) {
    verdicts.set(id, new Promise((resolve) => {
      if (!pending.size) setTimeout(flush, 0); // after the rows being drawn now are all in
      pending.set(id, resolve);
    }));
  }
  return verdicts.get(id);
}

// a slot in a list row that fills with the badge once the verdict is known (the row's own field if it has one)
export function corroborationSlot(action) {
  const slot = h("span", { class: "corroboration-slot" });
  const fill = (verdict) => {
    const b = corroborationBadge(verdict);
    if (b) slot.replaceChildren(" ", b);
  };
  if (action.corroboration !== undefined) fill(action.corroboration);
  else verdictOf(action.id).then(fill);
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
