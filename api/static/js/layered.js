// A layered drawing for small directed graphs read from one node (the "enabled by" chain of an action): the
// focus on top, each node one row below the nearest node it hangs from, and every relation label in free
// space. Rows are spaced from the measured sizes of the nodes' names, so the midpoint of an edge between two
// rows (where Cytoscape draws its label) falls in the band between them, below the lowest name of the upper
// row and above the highest node of the lower one; two nodes of one row joined by an edge sit side by side
// with room for that edge's label between them. Nothing depends on the font Cytoscape happens to get: the
// sizes are Cytoscape's own bounding boxes and a canvas' measureText with the edge labels' font.

const MARGIN = 8; // px between a label and anything else
const GAP = 28; // px between two nodes of one row (names included)

// rows by breadth-first depth from `focus`, edges taken both ways (ADMINISTERS points at the law before it)
function depths(cy, focus) {
  const depth = new Map([[focus, 0]]);
  const queue = [focus];
  while (queue.length) {
    const id = queue.shift();
    for (const e of cy.$id(id).connectedEdges()) {
      const other = e.source().id() === id ? e.target().id() : e.source().id();
      if (!depth.has(other)) {
        depth.set(other, depth.get(id) + 1);
        queue.push(other);
      }
    }
  }
  let deepest = Math.max(...depth.values());
  for (const n of cy.nodes()) if (!depth.has(n.id())) depth.set(n.id(), ++deepest); // not reachable: rows of their own
  return depth;
}

function textWidth(text, font) {
  const ctx = (textWidth.canvas ||= document.createElement("canvas")).getContext("2d");
  ctx.font = font;
  return ctx.measureText(text).width;
}

// the label box (w, h) of an edge, from its style
function edgeLabelSize(e) {
  const label = e.data("label");
  if (!label) return { w: 0, h: 0 };
  const size = parseFloat(e.style("font-size"));
  const pad = parseFloat(e.style("text-background-padding")) || 0;
  const rim = (parseFloat(e.style("text-outline-width")) || 0) + (parseFloat(e.style("text-border-width")) || 0);
  const font = `${e.style("font-weight")} ${size}px ${e.style("font-family")}`;
  return { w: textWidth(label, font) + 2 * (pad + rim), h: size * 1.25 + 2 * (pad + rim) };
}

// positions {id: {x, y}} in model coordinates; the focus row at y = 0
export function layeredPositions(cy, focus) {
  const depth = depths(cy, String(focus));
  const rows = [];
  for (const n of cy.nodes()) (rows[depth.get(n.id())] ||= []).push(n);
  // a node's extent around its centre, its name included (measured where it stands, at the origin)
  const size = new Map(
    cy.nodes().map((n) => {
      const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
      const p = n.position();
      return [n.id(), { left: p.x - b.x1, right: b.x2 - p.x, above: p.y - b.y1, below: b.y2 - p.y }];
    }),
  );
  const labelH = Math.max(0, ...cy.edges().map((e) => edgeLabelSize(e).h));
  const pos = {};
  let y = 0;
  rows.forEach((row, i) => {
    if (!row) return;
    // order a row by where the nodes it hangs from stand (fewer crossings), then put nodes joined within the
    // row next to each other
    const bary = (n) => {
      const xs = n.neighborhood("node").filter((m) => depth.get(m.id()) === i - 1 && pos[m.id()]).map((m) => pos[m.id()].x);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
    };
    let order = [...row].sort((a, b) => bary(a) - bary(b));
    for (const e of cy.edges()) {
      const [s, t] = [e.source(), e.target()];
      if (depth.get(s.id()) !== i || depth.get(t.id()) !== i) continue;
      const si = order.indexOf(s);
      order = order.filter((n) => n !== t);
      order.splice(Math.min(si + 1, order.length), 0, t);
    }
    // the gap after each node: room for the label of an edge to its right-hand neighbour in the row
    const gaps = order.map((n, k) => {
      const next = order[k + 1];
      if (!next) return 0;
      const between = n.edgesWith(next).map((e) => edgeLabelSize(e).w);
      return Math.max(GAP, ...between.map((w) => w + 2 * MARGIN));
    });
    const width = order.reduce((sum, n, k) => sum + size.get(n.id()).left + size.get(n.id()).right + gaps[k], 0);
    let x = -width / 2;
    if (i > 0) {
      // the band between this row and the one above holds the labels of the edges between them, centred on
      // the midpoints: twice the upper row's lowest name and twice this row's highest node, plus the label
      const up = rows.slice(0, i).reverse().find(Boolean);
      const below = Math.max(...up.map((n) => size.get(n.id()).below));
      const above = Math.max(...order.map((n) => size.get(n.id()).above));
      y += Math.max(2 * below, 2 * above, below + above) + labelH + 2 * MARGIN;
    }
    order.forEach((n, k) => {
      const s = size.get(n.id());
      pos[n.id()] = { x: x + s.left, y };
      x += s.left + s.right + gaps[k];
    });
  });
  return pos;
}

// the widest row's node count: the width each name may take is the box's width shared among them
export function widestRow(cy, focus) {
  const counts = new Map();
  for (const d of depths(cy, String(focus)).values()) counts.set(d, (counts.get(d) || 0) + 1);
  return Math.max(1, ...counts.values());
}

const PAD = 14; // px around the drawing inside its box
const LINES = 5; // a name longer than this many lines ends at a word with "…" (full text: hover, list below)
const MIN_ZOOM = 0.75; // 11 px names drawn no smaller than 8 px

// Lay `cy` out in rows inside `container`: names as wide as the box allows, the box as tall as the drawing.
export function layOutLayered(cy, container, focus, shorten) {
  const width = container.clientWidth || 600;
  const perNode = (width - 2 * PAD) / widestRow(cy, focus) - GAP;
  const maxWidth = Math.max(70, Math.min(200, perNode));
  cy.nodes().style("text-max-width", `${maxWidth}px`);
  cy.edges().addClass("flat");
  for (const n of cy.nodes()) {
    const full = n.data("full") || n.data("label");
    const lineH = parseFloat(n.style("font-size")) * 1.3;
    const maxH = LINES * lineH + parseFloat(n.height()) + 12;
    let max = full.length;
    n.data("label", full);
    while (max > 12 && n.boundingBox({ includeLabels: true }).h > maxH) {
      max -= 6;
      n.data("label", shorten(full, max));
    }
  }
  const positions = layeredPositions(cy, focus);
  cy.layout({ name: "preset", positions: (node) => positions[node.id()], fit: false, animate: false }).run();
  const box = cy.elements().boundingBox({ includeLabels: true, includeOverlays: false });
  const zoom = Math.max(MIN_ZOOM, Math.min(1.2, (width - 2 * PAD) / box.w));
  container.style.height = `${Math.ceil(box.h * zoom + 2 * PAD)}px`;
  cy.resize();
  cy.zoom(zoom);
  cy.center();
  // the full name of a shortened node on hover (also in the list under the graph)
  if (cy.scratch("titles")) return;
  cy.scratch("titles", true);
  cy.on("mouseover", "node", (e) => (container.title = e.target.data("full") || ""));
  cy.on("mouseout", "node", () => (container.title = ""));
}
