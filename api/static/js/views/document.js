// Document page: the text, with extracted entity mentions highlighted by type and action evidence
// underlined. Spans may overlap (an entity inside an evidence sentence), so the text is cut at
// every span boundary and each piece carries the spans that cover it.

import { get, listOf, spansOf } from "../api.js";
import { actionHref, chip, docLabel, enc, entityHref, statusBadge } from "../components.js";
import { clear, empty, errorBox, h, humanize, loading, section } from "../dom.js";
import { TYPE_COLORS } from "../graph.js";

function buildSegments(text, entities, actions) {
  const anns = [];
  for (const e of entities) for (const s of spansOf(e)) anns.push({ kind: "entity", start: s.start, end: s.end, ref: e });
  for (const a of actions) for (const s of spansOf(a)) anns.push({ kind: "action", start: s.start, end: s.end, ref: a });
  const valid = anns.filter((a) => a.start >= 0 && a.end <= text.length && a.end > a.start);
  const cuts = new Set([0, text.length]);
  for (const a of valid) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const segs = [];
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i];
    const e = points[i + 1];
    const cover = valid.filter((a) => a.start <= s && a.end >= e);
    segs.push({ start: s, end: e, text: text.slice(s, e), entities: cover.filter((c) => c.kind === "entity"), actions: cover.filter((c) => c.kind === "action") });
  }
  return { segs, count: valid.length };
}

function renderText(text, entities, actions, hl) {
  const { segs } = buildSegments(text, entities, actions);
  const body = h("div", { class: "doc-text", id: "doc-text" });
  let focusEl = null;
  for (const seg of segs) {
    let node;
    if (seg.entities.length) {
      // the innermost (shortest) mention decides the colour and the link
      const e = seg.entities.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
      node = h(
        "a",
        { class: `m t-${e.ref.type}`, href: entityHref(e.ref.id), title: `${e.ref.type}: ${e.ref.name}`, dataset: { entity: e.ref.id, type: e.ref.type } },
        seg.text,
      );
    } else node = document.createTextNode(seg.text);
    if (seg.actions.length) {
      const a = seg.actions[0];
      node = h(
        "span",
        { class: `ev st-${a.ref.status || "enacted"}`, title: seg.actions.map((x) => `${humanize(x.ref.kind)} (${x.ref.status})`).join("; "), dataset: { action: a.ref.id, actions: seg.actions.map((x) => x.ref.id).join(" ") } },
        node,
      );
    }
    if (hl && seg.start < hl.end && seg.end > hl.start) {
      node = h("span", { class: "focus-span" }, node);
      if (!focusEl) focusEl = node;
    }
    body.append(node);
  }
  // a click on underlined evidence (not on an entity inside it) opens its action; keyboard users have the
  // same actions as links in the side list
  const byId = new Map(actions.map((a) => [String(a.id), a]));
  body.addEventListener("click", (ev) => {
    if (ev.target.closest("a")) return;
    const span = ev.target.closest(".ev");
    if (!span || window.getSelection()?.toString()) return;
    const ids = span.dataset.actions.split(" ");
    if (ids.length === 1) location.hash = actionHref(ids[0]);
    else chooseAction(ev, ids.map((id) => byId.get(id)).filter(Boolean));
  });
  return { body, focusEl };
}

// Several actions read from one sentence: a small menu to pick one (Escape or a click elsewhere closes it).
function chooseAction(ev, list) {
  document.querySelector(".popover")?.remove();
  const menu = h(
    "div",
    { class: "popover", role: "dialog", "aria-label": "Actions read from this sentence" },
    h("p", { class: "small muted" }, `${list.length} actions are read from this sentence:`),
    h("ul", null, list.map((a) => h("li", null, h("a", { href: actionHref(a.id) }, humanize(a.kind)), " ", statusBadge(a.status), a.date ? ` ${a.date}` : ""))),
  );
  menu.style.left = `${Math.max(8, Math.min(ev.pageX, window.scrollX + document.documentElement.clientWidth - 380))}px`;
  menu.style.top = `${ev.pageY + 12}px`;
  document.body.append(menu);
  menu.querySelector("a").focus();
  const close = (e) => {
    if (e.type === "keydown" ? e.key === "Escape" : !menu.contains(e.target)) {
      menu.remove();
      document.removeEventListener("keydown", close, true);
      document.removeEventListener("mousedown", close, true);
      window.removeEventListener("hashchange", close);
    }
  };
  document.addEventListener("keydown", close, true);
  document.addEventListener("mousedown", close, true);
  window.addEventListener("hashchange", () => menu.remove(), { once: true });
}

export async function documentView(root, id, params) {
  root.append(loading("Loading document"));
  let doc;
  try {
    doc = await get(`/documents/${enc(id)}`);
  } catch (e) {
    clear(root).append(errorBox(e, `document “${id}”`));
    return;
  }
  clear(root);
  document.title = `${docLabel(doc)} — PolicyGraph`;
  const entities = listOf(doc.entities || []);
  const actions = listOf(doc.actions || []);
  let hl = null;
  const m = /^(\d+)-(\d+)$/.exec(params.get("hl") || "");
  if (m) hl = { start: +m[1], end: +m[2] };

  root.append(
    h(
      "header",
      { class: "page-head" },
      h("p", { class: "crumb" }, "Document"),
      h("h1", null, docLabel(doc)),
      h(
        "p",
        { class: "muted" },
        [doc.published && `Published ${doc.published}`, doc.source && `source: ${doc.source}`, doc.author && `by ${doc.author}`].filter(Boolean).join(" · "),
        /^https?:\/\//.test(doc.url || "") ? [" · ", h("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null,
      ),
    ),
  );

  const types = [...new Set(entities.map((e) => e.type))].sort();
  const shown = new Set(types);
  const textCard = section("Text");
  const legendEl = h(
    "fieldset",
    { class: "legend toggles" },
    h("legend", null, "Highlight"),
    types.map((t) =>
      h(
        "label",
        null,
        h("input", {
          type: "checkbox",
          checked: true,
          dataset: { type: t },
          onchange: (ev) => {
            if (ev.target.checked) shown.add(t);
            else shown.delete(t);
            textCard.querySelector(".doc-text").classList.toggle(`hide-${t}`, !ev.target.checked);
          },
        }),
        h("span", { class: "swatch", style: `background:${TYPE_COLORS[t]}` }),
        `${t} (${entities.filter((e) => e.type === t).length})`,
      ),
    ),
    h(
      "label",
      null,
      h("input", { type: "checkbox", checked: true, onchange: (ev) => textCard.querySelector(".doc-text").classList.toggle("hide-actions", !ev.target.checked) }),
      h("span", { class: "swatch ev-swatch" }),
      `Action evidence (${actions.length})`,
    ),
  );
  textCard.append(legendEl);
  if (!doc.text) textCard.append(empty("The store has no text for this document."));
  else {
    const { body, focusEl } = renderText(doc.text, entities, actions, hl);
    textCard.append(body);
    if (focusEl) {
      focusEl.setAttribute("tabindex", "-1");
      focusEl.id = "focus-span";
      requestAnimationFrame(() => {
        focusEl.scrollIntoView({ block: "center" });
        focusEl.focus({ preventScroll: true });
      });
    }
  }

  const side = h("aside", { class: "doc-side" });
  side.append(
    section(
      `Actions (${actions.length})`,
      actions.length
        ? h(
            "ul",
            { class: "doc-actions" },
            actions.map((a) => h("li", null, h("a", { href: actionHref(a.id) }, humanize(a.kind)), " ", statusBadge(a.status), a.date ? h("span", { class: "muted" }, ` ${a.date}`) : null)),
          )
        : empty("No action extracted from this document."),
    ),
    section(
      `Entities (${entities.length})`,
      entities.length
        ? h(
            "ul",
            { class: "doc-entities" },
            entities
              .slice()
              .sort((a, b) => (a.type + a.name).localeCompare(b.type + b.name))
              .map((e) => h("li", null, chip(e), h("span", { class: "muted" }, ` ×${spansOf(e).length}`))),
          )
        : empty("No entity extracted from this document."),
    ),
  );
  root.append(h("div", { class: "doc-layout" }, textCard, side));
}
