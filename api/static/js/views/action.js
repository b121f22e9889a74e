// Action page: what, when, status; by / targets / under; the "enabled by" chain as a graph;
// the evidence quotes, each linking to its place in the document.

import { get, listOf, normAction, normEvidence, normGraph, ref } from "../api.js";
import { actionSummary, chip, chips, docLabel, documentHref, enc, getDocument, hrefFor, quoteWithHighlight, statusBadge } from "../components.js";
import { clear, empty, errorBox, h, humanize, loading, section } from "../dom.js";
import { drawGraph, legend, relationWords } from "../graph.js";
import { corroborationBadge, corroborationEntries } from "../corroboration.js";

const REASON_WORDS = {
  by: "takes the action",
  part_of: "is the body above",
  under: "is the legal basis",
  law_part_of: "contains the legal basis",
  authorizes: "is authorized by the law",
  administers: "administers the law",
};

// enabled-by as a list of {entity, reason, via} -> a graph with the action at the root
function enabledGraph(action, data) {
  const g = normGraph(data);
  if (g.nodes.length) return g;
  const items = listOf(data, "enabled_by", "authorities");
  const nodes = [{ id: action.id, name: humanize(action.kind), type: "Action" }];
  const edges = [];
  for (const it of items) {
    const e = ref(it.entity || it.authority || it.node || it);
    if (!e || e.id === undefined) continue;
    if (!nodes.some((n) => n.id === e.id)) nodes.push(e);
    const via = it.via ? ref(it.via) : null;
    if (via && !nodes.some((n) => n.id === via.id)) nodes.push(via);
    const reason = (it.reason || it.relationship || it.type || "").toString();
    edges.push({ id: `${via ? via.id : action.id}|${reason}|${e.id}`, source: via ? via.id : action.id, target: e.id, type: reason.toUpperCase() });
  }
  return { nodes, edges };
}

function enabledItems(data) {
  return listOf(data, "enabled_by", "authorities").map((it) => ({ ...it, entity: ref(it.entity || it.authority || it.node || it), via: it.via ? ref(it.via) : null }));
}

function evidenceSection(action) {
  const sec = section("Evidence");
  if (!action.evidence.length) {
    sec.append(empty("No evidence sentence was stored for this action."));
    sec.append(corroborationEntries(action.id));
    return sec;
  }
  const list = h("ol", { class: "quotes evidence" });
  // the list entries sit right under the sentence they confirm or contradict
  sec.append(list, corroborationEntries(action.id));
  for (const ev of action.evidence) {
    const li = h(
      "li",
      null,
      h("blockquote", { class: "quote" }, ev.quote ? `“${ev.quote}”` : "(no quote text)"),
      h(
        "p",
        { class: "small" },
        ev.doc_id ? h("a", { class: "evidence-link", href: documentHref(ev.doc_id, ev) }, `Read it in ${ev.doc_title || "the document"} →`) : h("span", { class: "muted" }, "source document unknown"),
        Number.isFinite(ev.start) ? h("span", { class: "muted" }, `  characters ${ev.start}–${ev.end}`) : null,
      ),
    );
    list.append(li);
    // fill in the document's title when the API gave only its id
    if (ev.doc_id && !ev.doc_title) {
      getDocument(ev.doc_id)
        .then((d) => {
          const a = li.querySelector(".evidence-link");
          if (a) a.textContent = `Read it in ${docLabel(d) || "the document"} →`;
          if (!ev.quote && Number.isFinite(ev.start)) li.querySelector("blockquote").replaceChildren(quoteWithHighlight(d.text.slice(ev.start, ev.end), -1, -1));
        })
        .catch(() => {});
    }
  }
  return sec;
}

async function enabledSection(action) {
  const sec = section("Enabled by", loading("Tracing the authorities that enabled this action"));
  get(`/actions/${enc(action.id)}/enabled-by`)
    .then((data) => {
      clear(sec).append(h("h2", { id: "sec-enabled-by" }, "Enabled by"));
      const g = enabledGraph(action, data);
      if (!g.nodes.some((n) => String(n.id) === String(action.id))) g.nodes.unshift({ id: action.id, name: humanize(action.kind), type: "Action" });
      if (g.nodes.length <= 1) {
        sec.append(empty("No enabling authority or legal basis was found for this action."));
        return;
      }
      sec.append(h("p", { class: "hint" }, "Who took the action, the bodies above them, the legal basis, and the authorities that law authorizes or that administer it."));
      const box = h("div", { class: "graph", id: "enabled-graph", "aria-label": "Enabled-by graph; the list below has the same items" });
      sec.append(box);
      drawGraph(box, g, { layout: "layered", focus: action.id, onOpen: (r) => (location.hash = hrefFor(r)), onTap: (r) => r.type !== "Action" && (location.hash = hrefFor(r)) });
      sec.append(legend([...new Set(g.nodes.map((n) => n.type).filter(Boolean))]));
      const items = enabledItems(data);
      const list = items.length
        ? items.map((it) => {
            // every link of the chain keeps the sentence it was read from
            const ev = listOf(it.evidence || []).map(normEvidence).filter((e) => e.quote);
            return h(
              "li",
              null,
              chip(it.entity),
              " ",
              REASON_WORDS[it.reason] || humanize(it.reason || ""),
              it.via ? h("span", null, " via ", chip(it.via)) : null,
              ev.length
                ? h(
                    "details",
                    { class: "chain-evidence" },
                    h("summary", null, `source (${ev.length})`),
                    ev.map((e) => h("blockquote", { class: "quote small" }, `“${e.quote}” `, e.doc_id ? h("a", { href: documentHref(e.doc_id, e) }, "in context →") : null)),
                  )
                : null,
            );
          })
        : g.edges.map((e) => {
            const s = g.nodes.find((n) => String(n.id) === String(e.source));
            const t = g.nodes.find((n) => String(n.id) === String(e.target));
            return h("li", null, chip(s), ` —${relationWords(e.type)}→ `, chip(t));
          });
      sec.append(h("ul", { class: "enabled-list" }, list));
    })
    .catch((e) => clear(sec).append(h("h2", { id: "sec-enabled-by" }, "Enabled by"), errorBox(e, "the enabled-by chain")));
  return sec;
}

export async function actionView(root, id) {
  root.append(loading("Loading action"));
  let action;
  try {
    action = normAction(await get(`/actions/${enc(id)}`));
  } catch (e) {
    clear(root).append(errorBox(e, `action “${id}”`));
    return;
  }
  clear(root);
  document.title = `${humanize(action.kind)} — PolicyGraph`;
  root.append(
    h(
      "header",
      { class: "page-head" },
      h("p", { class: "crumb" }, "Action"),
      h("h1", null, humanize(action.kind), " ", statusBadge(action.status), " ", corroborationBadge(action.corroboration)),
      h("p", { class: "lede" }, actionSummary(action)),
    ),
  );
  const facts = h(
    "dl",
    { class: "facts" },
    h("dt", null, "What"),
    h("dd", null, humanize(action.kind)),
    h("dt", null, "When"),
    h("dd", null, action.date || h("span", { class: "muted" }, "date unknown")),
    h("dt", null, "Status"),
    h("dd", null, statusBadge(action.status)),
    action.corroboration ? [h("dt", null, "Official lists"), h("dd", null, corroborationBadge(action.corroboration))] : null,
    h("dt", null, "By"),
    h("dd", { class: "by" }, chips(action.by, "no actor named")),
    h("dt", null, "Targets"),
    h("dd", { class: "targets" }, chips(action.targets, "no target named")),
    h("dt", null, "Under"),
    h("dd", { class: "under" }, chips(action.under, "no legal basis named")),
    Number.isFinite(action.confidence) ? [h("dt", null, "Confidence"), h("dd", null, `${Math.round(action.confidence * 100)} %`)] : null,
    h("dt", null, "Id"),
    h("dd", null, h("code", null, String(action.id))),
  );
  const grid = h("div", { class: "grid" });
  grid.append(section("Facts", facts), evidenceSection(action));
  root.append(grid, await enabledSection(action));
}
