// Entity page: names and aliases, type, roles and other relations, sanction timeline, actions,
// an expandable network, and mentions with their source sentences.

import { get, listOf, normAction, normGraph, ref } from "../api.js";
import {
  actionHref,
  badge,
  chip,
  docLabel,
  documentHref,
  enc,
  getDocument,
  hrefFor,
  quoteWithHighlight,
  sentenceAround,
  someChips,
  statusBadge,
} from "../components.js";
import { append, clear, empty, errorBox, h, humanize, loading, section } from "../dom.js";
import { drawGraph, legend } from "../graph.js";
import { aggregate, GROUP, networkLimit, reveal } from "../hub.js";
import { pager, pageSize } from "../pager.js";
import { renderTimeline } from "../timeline.js";
import { corroborationSlot, inForce } from "../corroboration.js";

// a relation in either of the shapes the API may give -> {type, dir, other, title, props}
function normRelation(rel, selfId) {
  const props = rel.properties || rel.props || {};
  let dir = rel.direction || rel.dir;
  let other = rel.other || rel.entity || rel.node;
  if (!other && (rel.source || rel.target)) {
    const s = ref(rel.source);
    const t = ref(rel.target);
    if (s && s.id === selfId) {
      dir = "out";
      other = t;
    } else {
      dir = "in";
      other = s;
    }
  }
  return { type: rel.type || rel.relationship || "RELATED", dir: dir || "out", other: ref(other), title: props.title || rel.title, props };
}

const RELATION_WORDS = {
  "HOLDS_ROLE:out": "holds a role at",
  "HOLDS_ROLE:in": "has as an official",
  "PART_OF:out": "is part of",
  "PART_OF:in": "includes",
  "ADMINISTERS:out": "administers",
  "ADMINISTERS:in": "is administered by",
  "AUTHORIZES:out": "authorizes",
  "AUTHORIZES:in": "is authorized by",
  "BASED_IN:out": "is based in",
  "BASED_IN:in": "is home to",
};

// one line per relation and other end, with every title it is held under (issue 14: an official was listed
// three times for three spellings of one title)
function mergeRelations(rels) {
  const byKey = new Map();
  for (const r of rels) {
    const key = `${r.type}|${r.dir}|${r.other?.id}`;
    if (!byKey.has(key)) byKey.set(key, { ...r, titles: [] });
    const m = byKey.get(key);
    if (r.title && !m.titles.some((t) => t.toLowerCase() === String(r.title).toLowerCase())) m.titles.push(r.title);
  }
  return [...byKey.values()];
}

function relationsSection(entity) {
  const rels = mergeRelations(listOf(entity.relations || entity.roles || []).map((r) => normRelation(r, entity.id)));
  const sec = section("Roles and relations");
  if (!rels.length) {
    sec.append(empty("No roles or relations extracted for this entity."));
    return sec;
  }
  // roles first: that is what a reader looks for on a person's page
  rels.sort((a, b) => (a.type === "HOLDS_ROLE" ? -1 : 0) - (b.type === "HOLDS_ROLE" ? -1 : 0));
  const list = h("ul", { class: "relations" });
  const more = pager(
    list,
    rels,
    (r) =>
      h(
        "li",
        { "data-type": r.type },
        RELATION_WORDS[`${r.type}:${r.dir}`] || humanize(r.type.toLowerCase()),
        " ",
        chip(r.other),
        r.titles.length ? h("span", { class: "role-title" }, ` as ${r.titles.join("; ")}`) : null,
      ),
    { size: pageSize(12) },
  );
  append(sec, [list, more]);
  return sec;
}

const ACTION_COLUMNS = ["Date", "Action", "Status", "Role here", "By", "Targets", "Under"];

function roleOf(a, selfId) {
  return a.role || (a.by.some((r) => r.id === selfId) ? "by" : a.targets.some((r) => r.id === selfId) ? "targets" : a.under.some((r) => r.id === selfId) ? "under" : "");
}

function actionRow(a, selfId) {
  const cells = [
    h("td", { class: "nowrap" }, a.date || "—"),
    h("td", null, h("a", { href: actionHref(a.id) }, humanize(a.kind))),
    h("td", null, statusBadge(a.status), corroborationSlot(a)),
    h("td", null, roleOf(a, selfId)),
    h("td", null, someChips(a.by)),
    h("td", null, someChips(a.targets)),
    h("td", null, someChips(a.under)),
  ];
  cells.forEach((td, i) => td.setAttribute("data-label", ACTION_COLUMNS[i]));
  return h("tr", null, cells);
}

function actionsTable(actions, selfId) {
  if (!actions.length) return empty("No actions involve this entity.");
  const box = h("div", { class: "actions-box" });
  const roles = [...new Set(actions.map((a) => roleOf(a, selfId)).filter(Boolean))];
  const kinds = [...new Set(actions.map((a) => a.kind).filter(Boolean))].sort();
  const roleSel = h("select", { id: "act-role", "aria-label": "Only actions where this entity is" }, h("option", { value: "" }, "any role"), roles.map((r) => h("option", { value: r }, r)));
  const kindSel = h("select", { id: "act-kind", "aria-label": "Only actions of this kind" }, h("option", { value: "" }, "any kind"), kinds.map((k) => h("option", { value: k }, humanize(k))));
  const body = h("div");
  const render = () => {
    const shown = actions.filter((a) => (!roleSel.value || roleOf(a, selfId) === roleSel.value) && (!kindSel.value || a.kind === kindSel.value));
    const tbody = h("tbody");
    const more = pager(tbody, shown, (a) => actionRow(a, selfId), { size: pageSize(20) });
    append(clear(body), [
      h("table", { class: "table stack", id: "entity-actions" }, h("thead", null, h("tr", null, ACTION_COLUMNS.map((c) => h("th", { scope: "col" }, c)))), tbody),
      more,
    ]);
  };
  roleSel.addEventListener("change", render);
  kindSel.addEventListener("change", render);
  render();
  append(box, [actions.length > pageSize(20) ? h("div", { class: "toolbar" }, roleSel, kindSel) : null, body]);
  return box;
}

function networkSection(entity) {
  const sec = section("Network");
  const box = h("div", { class: "graph", id: "entity-network", "aria-label": "Network graph; the list below it has the same nodes" });
  const typeSel = h(
    "select",
    { id: "net-types", "aria-label": "Show neighbours of one type" },
    h("option", { value: "" }, "all types"),
    ["Authority", "Person", "Company", "Organization", "Country", "Place", "Law"].map((t) => h("option", { value: t }, `${t} only`)),
  );
  const depthSel = h("select", { id: "net-depth", "aria-label": "Depth" }, [1, 2].map((d) => h("option", { value: d }, `depth ${d}`)));
  const info = h("p", { class: "hint", role: "status" }, "Click a node to expand its neighbours; double-click (or use the list) to open it.");
  const list = h("ul", { class: "node-list" });
  sec.append(h("div", { class: "toolbar" }, typeSel, depthSel), box, info, legend(["Authority", "Person", "Company", "Organization", "Country", "Place", "Law"]), h("details", null, h("summary", null, "Nodes in this view (keyboard list)"), list));
  let graph = null;
  let hub = null; // {full, hidden, limit}: the whole answer and what the aggregated view leaves out (hub.js)
  const expanded = new Set();
  const refreshList = () => {
    if (!graph || !graph.cy) return;
    clear(list);
    graph.cy.nodes().forEach((n) => {
      const r = n.data("ref");
      if (r.type === GROUP) {
        list.append(h("li", null, n.data("label"), " ", h("button", { type: "button", class: "link", onclick: () => showMore(r.groupType) }, "show more")));
        return;
      }
      list.append(
        h(
          "li",
          null,
          h("a", { href: hrefFor(r) }, r.name),
          ` (${r.type || "?"}) `,
          expanded.has(String(r.id)) ? null : h("button", { type: "button", class: "link", onclick: () => expand(r) }, "expand"),
        ),
      );
    });
  };
  const showMore = (type) => {
    if (!hub || !graph || !graph.cy) return;
    const drawn = graph.cy.nodes().map((n) => n.id());
    const more = reveal(hub.full, hub.hidden, type, drawn, hub.limit.step);
    const group = graph.cy.$id(`group:${type}`);
    if (more.label) group.data("label", more.label);
    else group.remove();
    const added = graph.merge({ nodes: more.nodes, edges: more.edges }, 0);
    box.setAttribute("data-hidden", String([...hub.hidden.values()].reduce((n, l) => n + l.length, 0)));
    info.textContent = `${added} more shown${more.left ? `, ${more.left} still grouped` : ""}.`;
    refreshList();
  };
  const params = () => ({ depth: depthSel.value, types: typeSel.value ? typeSel.value : undefined });
  const expand = async (r, node) => {
    if (expanded.has(String(r.id))) return;
    expanded.add(String(r.id));
    info.textContent = `Expanding ${r.name}…`;
    try {
      const path = r.type === "Action" ? `/actions/${enc(r.id)}/enabled-by` : `/entities/${enc(r.id)}/network`;
      const g = normGraph(await get(path, r.type === "Action" ? {} : { ...params(), depth: 1 }));
      // a hub's neighbour can be a hub too: a click adds its strongest neighbours, twice a view's limit at most
      const limit = hub ? hub.limit : networkLimit(box.clientWidth);
      const sub = aggregate(g, r.id, { ...limit, shown: 2 * limit.shown });
      const cut = sub.graph;
      const added = graph.merge({ nodes: cut.nodes.filter((n) => n.type !== GROUP).map((n) => ({ ...n, ring: undefined })), edges: cut.edges.filter((e) => e.type !== "more") }, node ? node.data("ref").depth ?? 1 : 1);
      if (node) node.addClass("expanded");
      const left = [...sub.hidden.values()].reduce((n, l) => n + l.length, 0);
      info.textContent = (added ? `${r.name}: ${added} new node(s).` : `${r.name} has no further neighbours.`) + (left ? ` ${left} more not drawn: open its page.` : "");
      refreshList();
    } catch (e) {
      expanded.delete(String(r.id));
      info.textContent = `Could not expand ${r.name}: ${e.message}`;
    }
  };
  const load = async () => {
    if (graph && graph.cy) graph.cy.destroy();
    graph = null;
    box._cy = null;
    box.setAttribute("data-nodes", "1");
    clear(box);
    expanded.clear();
    box.append(loading("Loading network"));
    try {
      const g = normGraph(await get(`/entities/${enc(entity.id)}/network`, params()));
      clear(box);
      if (!g.nodes.some((n) => String(n.id) === String(entity.id))) g.nodes.unshift({ ...entity, type: entity.type });
      if (g.nodes.length <= 1) {
        box.append(empty("No neighbours in the graph."));
        box.classList.add("graph-empty");
        return;
      }
      box.classList.remove("graph-empty");
      const limit = networkLimit(box.clientWidth);
      const cut = aggregate(g, entity.id, limit);
      box.classList.toggle("hub", cut.hidden.size > 0); // a taller box for a hub (app.css)
      hub = { full: g, hidden: cut.hidden, limit };
      box.setAttribute("data-total", String(cut.total));
      box.setAttribute("data-hidden", String(cut.total - cut.graph.nodes.filter((n) => n.type !== GROUP).length + 1));
      const onTap = (r, node) => (r.type === GROUP ? showMore(r.groupType) : expand(r, node));
      const onOpen = (r) => r.type !== GROUP && (location.hash = hrefFor(r));
      graph = drawGraph(box, cut.graph, { layout: "concentric", focus: entity.id, onTap, onOpen, labelChars: limit.labelChars, labelWidth: limit.labelWidth, compact: limit.compact });
      expanded.add(String(entity.id));
      refreshList();
    } catch (e) {
      clear(box);
      box.append(errorBox(e, "the network"));
    }
  };
  typeSel.addEventListener("change", load);
  depthSel.addEventListener("change", load);
  load();
  return sec;
}

async function mentionsSection(entity) {
  const sec = section("Mentions");
  const mentions = listOf(entity.mentions || []);
  if (!mentions.length) {
    sec.append(empty("No mentions recorded."));
    return sec;
  }
  // group by document; mentions in the API are either flat {doc_id, start, end} or per document {doc_id, spans[]}
  const byDoc = new Map();
  for (const m of mentions) {
    const docId = m.doc_id ?? m.document_id ?? m.document?.id;
    const spans = m.spans ? listOf(m.spans) : [m];
    if (!byDoc.has(docId)) byDoc.set(docId, { title: m.doc_title || m.title || m.document?.title, spans: [] });
    byDoc.get(docId).spans.push(...spans);
  }
  const body = h("div", { class: "mentions" }, loading("Loading source sentences"));
  sec.append(body);
  const render = async () => {
    // fetch every document at once (cached), then build the blocks in order
    await Promise.allSettled([...byDoc.keys()].filter(Boolean).map((d) => getDocument(d)));
    const blocks = [];
    for (const [docId, { title, spans }] of byDoc) {
      let text = null;
      let docTitle = title;
      if (spans.some((s) => !s.sentence) && docId) {
        try {
          const d = await getDocument(docId);
          text = d.text;
          docTitle = docTitle || docLabel(d);
        } catch {
          text = null;
        }
      }
      const seen = new Set();
      const items = [];
      for (const sp of spans.sort((a, b) => a.start - b.start)) {
        let sentence = sp.sentence;
        let hs = -1;
        let he = -1;
        if (!sentence && text && Number.isFinite(sp.start)) {
          const r = sentenceAround(text, sp.start, sp.end);
          sentence = r.sentence;
          hs = sp.start - r.offset;
          he = sp.end - r.offset;
        } else if (sentence && sp.text) {
          hs = sentence.indexOf(sp.text);
          he = hs + sp.text.length;
        }
        if (!sentence) sentence = sp.text || "";
        if (seen.has(sentence)) continue; // two mentions in one sentence: show it once
        seen.add(sentence);
        items.push(
          h(
            "li",
            null,
            h("blockquote", { class: "quote" }, quoteWithHighlight(sentence, hs, he)),
            docId ? h("a", { class: "small", href: documentHref(docId, sp) }, "in context →") : null,
          ),
        );
      }
      blocks.push(
        h(
          "div",
          { class: "mention-doc" },
          h("h3", null, docId ? h("a", { href: documentHref(docId) }, docTitle || docId) : docTitle || "unknown document", h("span", { class: "muted" }, ` — ${spans.length} mention(s)`)),
          h("ul", { class: "quotes" }, items.slice(0, 3)),
          items.length > 3 ? h("details", { class: "more-quotes" }, h("summary", null, `${items.length - 3} more sentence(s)`), h("ul", { class: "quotes" }, items.slice(3))) : null,
        ),
      );
    }
    // a hub is mentioned in many documents: a few at a time
    const list = h("div", { class: "mention-docs" });
    append(clear(body), [list, pager(list, blocks, (b) => b, { size: pageSize(10) })]);
  };
  render().catch((e) => clear(body).append(errorBox(e, "the mentions")));
  return sec;
}

export async function entityView(root, id) {
  root.append(loading("Loading entity"));
  let entity;
  try {
    entity = await get(`/entities/${enc(id)}`);
  } catch (e) {
    clear(root).append(errorBox(e, `entity “${id}”`));
    return;
  }
  entity = { ...entity, ...ref(entity) };
  clear(root);
  document.title = `${entity.name} — PolicyGraph`;
  const aliases = (entity.aliases || []).filter((a) => a !== entity.name);
  root.append(
    h(
      "header",
      { class: "page-head" },
      h("p", { class: "crumb" }, "Entity"),
      h("h1", null, entity.name, " ", badge(entity.type || "?", `t-${entity.type}`), entity.kind ? badge(humanize(entity.kind), "kind") : null),
      h("p", { class: "aliases" }, h("strong", null, "Also written: "), aliases.length ? aliases.join(" · ") : h("span", { class: "muted" }, "no other names")),
      h(
        "p",
        { class: "muted small" },
        "id: ",
        h("code", null, entity.id),
        " · export its network: ",
        ["graphml", "csv", "json"].map((f, i) => [i ? " · " : "", h("a", { href: `/export?format=${f}&entity=${enc(entity.id)}&depth=2`, download: "" }, f.toUpperCase())]),
      ),
    ),
  );
  const summary = section("At a glance", loading());
  const grid = h("div", { class: "grid" }, summary, relationsSection(entity));
  root.append(grid);

  const timelineSec = section("Sanction timeline", loading("Loading timeline"));
  const actionsSec = section("Actions", loading("Loading actions"));
  root.append(timelineSec, actionsSec, networkSection(entity));
  root.append(await mentionsSection(entity));

  const [tl, acts, st] = await Promise.allSettled([get(`/entities/${enc(id)}/timeline`), get(`/entities/${enc(id)}/actions`, { limit: 200 }), get(`/entities/${enc(id)}/status`)]);
  const actions = acts.status === "fulfilled" ? listOf(acts.value, "actions").map(normAction) : [];
  const filterKey = entity.type === "Law" ? "law" : "target";
  clear(actionsSec).append(
    h("h2", { id: "sec-actions" }, "Actions"),
    acts.status === "fulfilled" ? actionsTable(actions, entity.id) : errorBox(acts.reason, "the actions"),
    h(
      "p",
      { class: "small" },
      h("a", { href: `#/actions?${filterKey}=${enc(entity.id)}` }, entity.type === "Law" ? "Browse actions under it →" : "Browse actions targeting it →"),
      " ",
      entity.type === "Law" ? null : h("a", { href: `#/actions?by=${enc(entity.id)}` }, "Browse actions it took →"),
    ),
  );
  const roleCount = (role) => actions.filter((a) => a.role === role).length;
  const docs = listOf(entity.mentions || []).length;
  clear(summary).append(
    h("h2", { id: "sec-at-a-glance" }, "At a glance"),
    h(
      "ul",
      { class: "stats" },
      [
        ["targeted by", roleCount("targets")],
        ["actions taken", roleCount("by")],
        ["actions under it", roleCount("under")],
        ["documents", docs],
      ]
        .filter(([label, n]) => n || label === "documents" || (label !== "actions under it" && entity.type !== "Law"))
        .map(([label, n]) => h("li", null, h("span", { class: "num" }, n), h("span", { class: "lbl" }, label))),
    ),
  );
  clear(timelineSec).append(h("h2", { id: "sec-sanction-timeline" }, "Sanction timeline"));
  if (tl.status === "fulfilled") {
    const byId = new Map(actions.map((a) => [String(a.id), a]));
    const items = listOf(tl.value, "timeline", "events").map((t) => {
      const aid = t.action_id ?? t.id ?? t.action?.id;
      const a = byId.get(String(aid));
      const targets = listOf(t.targets || a?.targets || []).map(ref);
      const by = listOf(t.by || a?.by || []).map(ref);
      return {
        ...t,
        action_id: aid,
        kind: t.kind ?? a?.kind,
        status: t.status ?? a?.status,
        date: t.date ?? a?.date,
        summary: [by.length && `by ${by.map((r) => r.name).join(", ")}`, targets.length && `against ${targets.map((r) => r.name).join(", ")}`].filter(Boolean).join(" "),
      };
    });
    // the timeline endpoint gives the actions aimed at the entity; an actor's own actions belong on it too
    const inTimeline = new Set(items.map((i) => String(i.action_id)));
    for (const a of actions) {
      if (inTimeline.has(String(a.id))) continue;
      inTimeline.add(String(a.id));
      items.push({ action_id: a.id, kind: a.kind, status: a.status, date: a.date, role: a.role, summary: a.targets.length ? `against ${a.targets.map((r) => r.name).join(", ")}` : "" });
    }
    timelineSec.append(h("p", { class: "hint" }, "Actions aimed at or taken by this entity, by date."));
    const intervals = st.status === "fulfilled" ? inForce(st.value) : [];
    timelineSec.append(renderTimeline(items, { width: Math.max(300, timelineSec.clientWidth - 34), intervals }));
  } else timelineSec.append(errorBox(tl.reason, "the timeline"));
}
