// A hub's network cut to what a reader can take in (issue 14: OFAC's 200 neighbours drew on top of each
// other). The centre, its strongest neighbours by evidence (edge weights), and the rest grouped by type: one
// node per type ("37 more Companies") that adds a few more of them at each click. Neighbours sit on rings of
// a few nodes each, so labels get room; the limit is lower on a narrow screen.

export const GROUP = "Group"; // the node type of a group of hidden neighbours (not an entity type)

// `rings`: how many neighbours each ring around the centre holds (an outer ring has room for more); the
// groups go on the last ring. Sized so that a 390 px phone and a 420-560 px tall desktop box draw labels
// at 7 px or more.
// On a phone the names are short (`labelChars`, `labelWidth` px) and the rings tight (`compact`): one ring of
// the neighbours and the groups, whose radius the narrow names keep small (with 90 px names and the groups on
// a ring of their own, OFAC's page drew names 5 px high).
export function networkLimit(width) {
  return width < 600
    ? { shown: 6, rings: [6], step: 4, labelChars: 24, labelWidth: 64, compact: true }
    : { shown: 16, rings: [6, 10], step: 8 };
}

function ringOf(i, rings) {
  let seen = 0;
  for (let r = 0; r < rings.length; r++) {
    seen += rings[r];
    if (i < seen) return r + 1;
  }
  return rings.length + 1 + Math.floor((i - seen) / rings[rings.length - 1]);
}

const PLURAL = { Authority: "authorities", Person: "people", Company: "companies", Organization: "organizations", Country: "countries", Place: "places", Law: "laws", Action: "actions" };

function weights(g) {
  const w = new Map();
  for (const e of g.edges) {
    const add = Number.isFinite(e.weight) ? e.weight : (e.actions || []).length || 1;
    for (const end of [e.source, e.target]) w.set(String(end), (w.get(String(end)) || 0) + add);
  }
  return w;
}

function groupLabel(type, count) {
  return `${count} more ${count === 1 ? type.toLowerCase() : PLURAL[type] || `${type.toLowerCase()}s`}`;
}

// -> {graph, hidden: Map(type -> [node]), total} ; `graph` is what to draw first
export function aggregate(g, centerId, { shown, rings }) {
  const center = String(centerId);
  const w = weights(g);
  const score = (n) => (Number.isFinite(n.weight) ? n.weight : 0) + (w.get(String(n.id)) || 0);
  const ranked = g.nodes
    .filter((n) => String(n.id) !== center)
    .sort((a, b) => (a.depth ?? 1) - (b.depth ?? 1) || score(b) - score(a) || String(a.name || "").localeCompare(String(b.name || "")));
  ranked.forEach((n, i) => (n.ring = ringOf(i, rings)));
  const hidden = new Map();
  if (ranked.length <= shown) return { graph: g, hidden, total: ranked.length };
  const keep = new Set([center, ...ranked.slice(0, shown).map((n) => String(n.id))]);
  for (const n of ranked.slice(shown)) {
    const t = n.type || "Entity";
    if (!hidden.has(t)) hidden.set(t, []);
    hidden.get(t).push(n);
  }
  const nodes = g.nodes.filter((n) => keep.has(String(n.id)));
  const edges = g.edges.filter((e) => keep.has(String(e.source)) && keep.has(String(e.target)));
  const outer = rings.length;
  for (const [t, list] of hidden) {
    nodes.push({ id: `group:${t}`, type: GROUP, groupType: t, name: groupLabel(t, list.length), ring: outer, depth: 1 });
    edges.push({ id: `group:${t}:edge`, source: center, target: `group:${t}`, type: "more" });
  }
  return { graph: { nodes, edges }, hidden, total: ranked.length };
}

// The next `step` hidden neighbours of `type`, with their edges to what is drawn; the group's new label.
export function reveal(full, hidden, type, drawnIds, step) {
  const list = hidden.get(type) || [];
  const take = list.splice(0, step);
  const ids = new Set([...drawnIds, ...take.map((n) => String(n.id))]);
  const edges = full.edges.filter((e) => ids.has(String(e.source)) && ids.has(String(e.target)));
  return { nodes: take, edges, left: list.length, label: list.length ? groupLabel(type, list.length) : null };
}

// Rings sized by the names they hold (for a phone's tight box): each node gets an arc as long as its own box
// (name included) plus a gap, instead of every node the arc of the widest one (Cytoscape's concentric layout),
// so one long word ("organizations") does not widen the whole ring. -> {id: {x, y}}, the centre at 0, 0.
export function ringPositions(cy, centerId, gap = 10) {
  const center = String(centerId);
  const size = (n) => {
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
    return { w: b.w, h: b.h };
  };
  const rings = new Map();
  for (const n of cy.nodes()) {
    if (n.id() === center) continue;
    const k = n.data("ref").ring ?? n.data("ref").depth ?? 1;
    if (!rings.has(k)) rings.set(k, []);
    rings.get(k).push(n);
  }
  const pos = { [center]: { x: 0, y: 0 } };
  const c = size(cy.$id(center));
  let inner = Math.max(c.w, c.h) / 2; // the radius the ring must clear
  for (const k of [...rings.keys()].sort((a, b) => a - b)) {
    const nodes = rings.get(k);
    const sizes = nodes.map(size);
    const thick = Math.max(...sizes.map((s) => Math.max(s.w, s.h)));
    const arcs = sizes.map((s) => Math.max(s.w, s.h) + gap);
    const total = arcs.reduce((a, b) => a + b, 0);
    const r = Math.max(inner + gap + thick / 2, total / (2 * Math.PI));
    let along = 0;
    nodes.forEach((n, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * (along + arcs[i] / 2)) / total;
      pos[n.id()] = { x: r * Math.cos(angle), y: r * Math.sin(angle) };
      along += arcs[i];
    });
    inner = r + thick / 2;
  }
  return pos;
}
