// Cytoscape.js (vendored in /static/vendor/cytoscape.min.js, loaded as a classic script) helpers.

import { h } from "./dom.js";
import { ringPositions } from "./hub.js";
import { layOutLayered } from "./layered.js";

export const TYPE_COLORS = {
  Authority: "#2563eb",
  Person: "#db2777",
  Company: "#d97706",
  Organization: "#7c3aed",
  Country: "#059669",
  Place: "#0d9488",
  Law: "#4b5563",
  Action: "#dc2626",
  Document: "#92400e",
};

function nodeLabel(n, max = 64) {
  let name = n.name || String(n.id);
  if (n.type === "Action" && n.kind) {
    const k = n.kind.replace(/_/g, " ");
    name = k.charAt(0).toUpperCase() + k.slice(1) + (n.date ? ` ${n.date}` : "");
  }
  // long law names wrap (text-max-width); past 64 characters they end at a word with "…" (the full name is
  // the node's `full`, shown on hover and in the list under every graph)
  return shorten(name, max);
}

function fullName(n) {
  return n.type === "Action" ? nodeLabel(n) : n.name || String(n.id);
}

// `text` cut at the last whole word that fits in `max` characters, with "…"
export function shorten(text, max) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const word = cut.lastIndexOf(" ");
  // and not on a little word ("Government of the…")
  const kept = (word > 0 ? cut.slice(0, word) : cut).replace(/(\s+(of|the|and|or|to|with|for|on|in|a|an|by))+$/i, "");
  return kept.replace(/[\s,;:.(–-]+$/, "") + "…";
}

// a relation code as words: HOLDS_ROLE -> "holds role"; an action projected onto its ends, "ACTION:kind" -> the kind
export function relationWords(type) {
  return String(type || "").replace(/^ACTION:/, "").replace(/_/g, " ").toLowerCase();
}

function toElements(g, labelChars) {
  return [
    ...g.nodes.map((n) => ({
      group: "nodes",
      data: { id: String(n.id), label: nodeLabel(n, labelChars), full: fullName(n), type: n.type || "Entity", color: TYPE_COLORS[n.type] || "#6b7280", ref: n },
    })),
    ...g.edges.map((e) => ({
      group: "edges",
      // an action projected onto its two ends is typed "ACTION:kind": the kind is the readable part
      // relation codes read as words: HOLDS_ROLE -> "holds role"; a group's edge has no label
      data: { id: String(e.id), source: String(e.source), target: String(e.target), label: e.type === "more" ? "" : relationWords(e.type) },
    })),
  ];
}

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)",
      label: "data(label)",
      "font-size": 11,
      "font-family": "system-ui, sans-serif",
      color: "#111827",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "wrap",
      "text-max-width": 90, // narrow labels: a ring of them needs less room (hub.js)
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      "text-background-padding": 1,
      width: 22,
      height: 22,
    },
  },
  { selector: 'node[type = "Action"]', style: { shape: "round-rectangle", width: 26, height: 18 } },
  { selector: 'node[type = "Law"]', style: { shape: "diamond" } },
  { selector: 'node[type = "Authority"]', style: { shape: "hexagon" } },
  { selector: 'node[type = "Group"]', style: { shape: "round-rectangle", width: 30, height: 16, "background-color": "#e5e7eb", "border-width": 1, "border-style": "dashed", "border-color": "#6b7280" } },
  { selector: "node.focus", style: { "border-width": 4, "border-color": "#f59e0b", width: 30, height: 30 } },
  { selector: "node.expanded", style: { "border-width": 2, "border-color": "#111827" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#111827" } },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "line-color": "#9ca3af",
      "target-arrow-color": "#9ca3af",
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
      label: "data(label)",
      "font-size": 10,
      color: "#374151",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.9,
    },
  },
  { selector: "edge.quiet", style: { "text-opacity": 0, "text-background-opacity": 0 } },
  { selector: "edge.quiet.lit", style: { "text-opacity": 1, "text-background-opacity": 1, "z-index": 20 } },
  // a layered drawing (layered.js): straight edges, level labels with a halo, in the free band between rows
  {
    selector: "edge.flat",
    style: {
      "curve-style": "straight",
      "text-rotation": "none",
      "font-size": 10,
      "text-background-opacity": 1,
      "text-background-padding": 2,
      "text-background-shape": "roundrectangle",
      "text-border-width": 1,
      "text-border-color": "#d1d5db",
      "text-border-opacity": 1,
    },
  },
];

// Relation labels that would be drawn over a node (its shape or name) or another label, or too small to read,
// are left out (the edge stays; hovering or tapping a node shows its edges' labels): on a hub's rings the
// midpoints of many edges fall on the inner nodes.
const MIN_EDGE_FONT = 7; // rendered px
function quietCrowdedLabels(cy) {
  const hit = (a, b) => Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1);
  cy.edges().removeClass("quiet");
  const taken = cy.nodes().map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
  const small = parseFloat(cy.edges().first().style("font-size") || 9) * cy.zoom() < MIN_EDGE_FONT;
  for (const e of cy.edges()) {
    if (!e.data("label")) continue;
    const b = e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    if (small || taken.some((t) => hit(t, b))) e.addClass("quiet");
    else taken.push(b);
  }
}

export function graphAvailable() {
  return typeof window.cytoscape === "function";
}

// Draw a graph in `container`. Returns {cy, merge(g)}. `onTap(ref)` runs on a click on a node.
// `labelChars`, `labelWidth`: how long and how wide (px) a name may be drawn (a phone's ring needs short ones).
export function drawGraph(container, g, { layout = "cose", focus, onTap, onOpen, positions, labelChars = 64, labelWidth, compact = false } = {}) {
  if (!graphAvailable()) {
    container.append(h("p", { class: "error", role: "alert" }, "The graph library did not load; the lists below show the same data."));
    return { cy: null, merge: () => 0 };
  }
  const cy = window.cytoscape({
    container,
    elements: toElements(g, labelChars),
    style: STYLE,
    minZoom: 0.2,
    maxZoom: 3,
  });
  const runLayout = (opts = {}) => {
    const which = opts.layout || layout;
    delete opts.layout;
    if (which === "layered") return layOutLayered(cy, container, focus, shorten);
    // a phone's hub: rings sized by the names they hold (hub.js)
    const l = which === "concentric" && compact
        ? { name: "preset", positions: ringPositions(cy, focus), fit: true, padding: 8, animate: false }
        : which === "concentric"
        ? {
            name: "concentric",
            // the focus in the middle, then rings by distance from it
            // (a hub's neighbours come with `ring`: a few a ring, so labels get room, see hub.js)
            concentric: (n) => (n.id() === String(focus) ? 100 : 100 - 10 * (n.data("ref").ring ?? n.data("ref").depth ?? 1)),
            levelWidth: () => 5,
            minNodeSpacing: compact ? 12 : 24,
            nodeDimensionsIncludeLabels: true,
            padding: compact ? 10 : 30,
            animate: false,
          }
        : which === "preset"
        ? { name: "preset", positions: (node) => positions[node.id()] || { x: 0, y: 0 }, fit: true, padding: 40 }
        : which === "breadthfirst"
        ? { name: "breadthfirst", directed: true, spacingFactor: 1.1, padding: 20, roots: focus ? [String(focus)] : undefined }
        : { name: "cose", animate: false, padding: 20, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, randomize: false };
    const lay = cy.layout({ ...l, ...opts });
    // a graph of two or three nodes would otherwise be fitted at a huge zoom
    const maxFit = which === "breadthfirst" ? 1.0 : 1.4;
    lay.one("layoutstop", () => {
      if (cy.zoom() > maxFit) {
        cy.zoom(maxFit);
        cy.center();
      }
      quietCrowdedLabels(cy);
    });
    lay.run();
  };
  if (labelWidth) cy.style().selector("node").style("text-max-width", labelWidth).update();
  // tight rings are drawn smaller: a larger font keeps the names at 8 px or more there
  if (compact) cy.style().selector("node").style("font-size", 13).update();
  if (focus) cy.$id(String(focus)).addClass("focus");
  runLayout();
  cy.on("tap", "node", (evt) => onTap && onTap(evt.target.data("ref"), evt.target));
  cy.on("dbltap", "node", (evt) => onOpen && onOpen(evt.target.data("ref")));
  cy.on("mouseover", "node", (evt) => evt.target.connectedEdges().addClass("lit"));
  cy.on("mouseout", "node", (evt) => evt.target.connectedEdges().removeClass("lit"));
  container.setAttribute("data-nodes", String(cy.nodes().length));
  container._cy = cy; // for the browser tests and for debugging from the console
  // merge(g2, baseDepth): add what is new; new nodes sit one ring further out than the node expanded
  const merge = (g2, baseDepth = 0) => {
    const fresh = toElements(g2, labelChars).filter((el) => cy.getElementById(el.data.id).empty());
    for (const el of fresh) if (el.group === "nodes") el.data.ref = { ...el.data.ref, depth: baseDepth + Math.max(1, el.data.ref.depth ?? 1) };
    cy.add(fresh.filter((el) => el.group === "nodes"));
    // an edge can only be added once both ends are in the graph
    cy.add(fresh.filter((el) => el.group === "edges" && !cy.getElementById(el.data.source).empty() && !cy.getElementById(el.data.target).empty()));
    runLayout();
    container.setAttribute("data-nodes", String(cy.nodes().length));
    return fresh.filter((el) => el.group === "nodes").length;
  };
  return { cy, merge };
}

export function legend(types) {
  return h(
    "ul",
    { class: "legend", "aria-label": "Legend" },
    types.map((t) => h("li", null, h("span", { class: "swatch", style: `background:${TYPE_COLORS[t] || "#6b7280"}` }), t)),
  );
}
