// Path finder: the shortest connections between two entities, through actions and relations, drawn.

import { get, listOf, normGraph, ref } from "../api.js";
import { chip, enc, hrefFor } from "../components.js";
import { clear, empty, errorBox, h, humanize, loading, section } from "../dom.js";
import { drawGraph, legend, relationWords } from "../graph.js";
import { entitySource } from "../search.js";
import { attachTypeahead } from "../typeahead.js";

async function resolveEntity(text) {
  const items = listOf(await get("/entities", { q: text, limit: 1 }));
  if (!items.length) throw new Error(`no entity matches “${text}”`);
  return ref(items[0]);
}

function entityField(label, id, initial) {
  const input = h("input", { id, type: "search", class: "input", placeholder: "Type a name…", value: initial?.name || "" });
  const field = h("div", { class: "field ta-wrap" }, h("label", { for: id }, label), input);
  const state = { ref: initial || null, input };
  input.addEventListener("input", () => (state.ref = null));
  return { field, input, state };
}

function pathLine(p) {
  const nodes = p.nodes.map(ref);
  const out = [];
  nodes.forEach((n, i) => {
    if (i > 0) {
      const e = p.edges[i - 1];
      out.push(h("span", { class: "edge-word" }, ` —${e ? relationWords(e.type) : ""}— `));
    }
    out.push(n.type === "Action" ? h("a", { class: "chip t-Action", href: hrefFor(n) }, humanize(n.kind || n.name)) : chip(n));
  });
  return out;
}

export async function pathsView(root, params) {
  document.title = "Path finder — PolicyGraph";
  root.append(h("header", { class: "page-head" }, h("h1", null, "Path finder"), h("p", { class: "lede" }, "How are two entities connected? Shortest paths through actions (sanctions, listings…) and relations (roles, parts, laws).")));
  const initFrom = params.get("from");
  const initTo = params.get("to");
  const hops = params.get("max_hops") || "4";
  const lookupName = async (id) => {
    if (!id) return null;
    try {
      return ref(await get(`/entities/${enc(id)}`));
    } catch {
      return { id, name: id };
    }
  };
  const [fromRef, toRef] = await Promise.all([lookupName(initFrom), lookupName(initTo)]);
  const from = entityField("From", "path-from", fromRef);
  const to = entityField("To", "path-to", toRef);
  const hopsSel = h("select", { id: "path-hops", class: "input" }, [2, 3, 4, 5, 6].map((n) => h("option", { value: n, selected: String(n) === hops }, `${n} hops`)));
  const button = h("button", { type: "submit", class: "btn primary", id: "path-go" }, "Find paths");
  const out = h("div", { id: "path-results", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "card path-form", role: "search", "aria-label": "Find paths" },
    from.field,
    to.field,
    h("div", { class: "field" }, h("label", { for: "path-hops" }, "At most"), hopsSel),
    h("div", { class: "field" }, h("span", { class: "label-spacer", "aria-hidden": "true" }, "\u00a0"), button),
  );
  root.append(form, out);
  for (const f of [from, to]) {
    attachTypeahead(f.input, {
      sources: [entitySource(8)],
      onPick: (item) => {
        f.state.ref = { id: item.id, name: item.label, type: item.type };
        f.input.value = item.label;
        // Enter on the first field moves on to the second, as a form would
        (f === from ? to.input : button).focus();
      },
      onEnter: () => form.requestSubmit(),
    });
  }
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      for (const f of [from, to]) {
        if (!f.input.value.trim()) throw new Error("choose both entities first");
        if (!f.state.ref) f.state.ref = await resolveEntity(f.input.value.trim());
        f.input.value = f.state.ref.name;
      }
    } catch (e) {
      clear(out).append(errorBox(e));
      return;
    }
    const q = new URLSearchParams({ from: from.state.ref.id, to: to.state.ref.id, max_hops: hopsSel.value });
    const target = `#/paths?${q}`;
    if (location.hash !== target) history.replaceState(null, "", target);
    run(from.state.ref, to.state.ref, hopsSel.value);
  });

  const run = async (a, b, maxHops) => {
    clear(out).append(loading(`Looking for paths from ${a.name} to ${b.name}`));
    try {
      const data = await get("/paths", { from: a.id, to: b.id, max_hops: maxHops });
      const paths = listOf(data, "paths");
      clear(out);
      if (!paths.length) {
        out.append(section("No path", empty(`No connection between ${a.name} and ${b.name} within ${maxHops} hops.`)));
        return;
      }
      const g = normGraph({ paths });
      const box = h("div", { class: "graph", id: "path-graph", "aria-label": "Paths graph; the list below has the same paths" });
      const sec = section(`${paths.length} path(s), shortest ${Math.min(...paths.map((p) => p.length ?? p.edges?.length ?? 0))} hop(s)`, box);
      out.append(sec);
      drawGraph(box, g, { layout: "layered", focus: a.id, onOpen: (r) => (location.hash = hrefFor(r)), onTap: (r) => (location.hash = hrefFor(r)) });
      sec.append(legend([...new Set(g.nodes.map((n) => n.type).filter(Boolean))]));
      sec.append(h("ol", { class: "path-list" }, paths.map((p) => h("li", null, pathLine({ nodes: listOf(p.nodes), edges: listOf(p.edges) })))));
    } catch (e) {
      clear(out).append(errorBox(e, "the paths"));
    }
  };
  if (fromRef && toRef) run(fromRef, toRef, hops);
  else from.input.focus();
}
