// The JSON API client and the normalisers that turn its answers into the shapes the views draw.
// The normalisers accept a few equivalent shapes (a bare list or {items}, an id or a {id,name,type}
// reference) so the views do not break on a small change of the API.

const API_BASE = (document.querySelector('meta[name="policygraph-api"]')?.content || "").replace(/\/$/, "");

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

function detailText(detail) {
  if (!detail) return "";
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    // FastAPI validation errors: [{loc, msg}]
    return detail.map((d) => (d.loc ? `${d.loc.filter((x) => x !== "query" && x !== "body").join(".")}: ` : "") + (d.msg || JSON.stringify(d))).join("; ");
  }
  if (detail.message) return detail.message;
  return JSON.stringify(detail);
}

export async function request(path, { method = "GET", body, headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: "application/json", ...headers }, signal };
  // a key entered on the Ingest page also opens a server whose reads need a key
  const stored = sessionStorage.getItem("policygraph.apiKey");
  if (stored && !init.headers["X-API-Key"]) init.headers["X-API-Key"] = stored;
  if (body !== undefined) {
    if (body instanceof FormData) init.body = body;
    else {
      init.body = JSON.stringify(body);
      init.headers["Content-Type"] = "application/json";
    }
  }
  let res;
  try {
    res = await fetch(API_BASE + path, init);
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError("The server did not answer (is it running?).", 0);
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const words = (data && typeof data === "object" && detailText(data.detail || data.error)) || (typeof data === "string" && data.slice(0, 300)) || res.statusText;
    const prefix = res.status === 404 ? "Not found" : res.status === 401 || res.status === 403 ? "Not allowed" : `Error ${res.status}`;
    const short = words.length > 400 ? words.slice(0, 400) + "…" : words;
    const hint = res.status === 401 && method === "GET" ? " (enter the key on the Ingest page)" : "";
    throw new ApiError(`${prefix}: ${short}${hint}`, res.status);
  }
  return data;
}

export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, v);
  const s = u.toString();
  return s ? "?" + s : "";
}

export const get = (path, params, opts) => request(path + qs(params || {}), opts);

// ---- normalisers ---------------------------------------------------------------------------

export function listOf(data, ...keys) {
  if (Array.isArray(data)) return data;
  if (!data || typeof data !== "object") return [];
  for (const k of [...keys, "items", "results", "data"]) if (Array.isArray(data[k])) return data[k];
  return [];
}

const TYPE_NAMES = ["Authority", "Person", "Company", "Organization", "Country", "Place", "Law", "Action", "Document"];

export function typeOf(x) {
  if (!x || typeof x !== "object") return undefined;
  if (x.type && TYPE_NAMES.includes(x.type)) return x.type;
  const labels = x.labels || x.label_list;
  if (Array.isArray(labels)) {
    const t = labels.find((l) => TYPE_NAMES.includes(l) && l !== "Entity");
    if (t) return t;
  }
  if (x.label && TYPE_NAMES.includes(x.label)) return x.label;
  if (x.kind && !x.name && (x.status || x.by)) return "Action";
  return x.type || x.label;
}

// An entity (or action/document) reference -> {id, name, type, kind}
export function ref(x) {
  if (x === null || x === undefined) return null;
  if (typeof x === "string") return { id: x, name: x, type: undefined };
  const type = typeOf(x);
  const id = x.id ?? x.entity_id ?? x.action_id ?? x.doc_id;
  let name = x.name ?? x.title ?? x.label_text ?? x.caption;
  if (!name && type === "Action") name = actionTitle(x);
  if (!name && x.label && !TYPE_NAMES.includes(x.label)) name = x.label;
  return { ...x, id, name: name || String(id), type };
}

export function actionTitle(a) {
  const kind = (a.kind || "action").replace(/_/g, " ");
  const k = kind.charAt(0).toUpperCase() + kind.slice(1);
  return a.date ? `${k} (${a.date})` : k;
}

export function normAction(a) {
  if (!a) return a;
  const ev = listOf(a.evidence || a.reported_in || a.quotes || []).map(normEvidence);
  return {
    ...a,
    id: a.id ?? a.action_id,
    by: listOf(a.by || []).map(ref),
    targets: listOf(a.targets || []).map(ref),
    under: listOf(a.under || []).map(ref),
    evidence: ev,
  };
}

export function normEvidence(e) {
  if (typeof e === "string") return { quote: e };
  const doc = e.document && typeof e.document === "object" ? e.document : null;
  return {
    ...e,
    doc_id: e.doc_id ?? e.document_id ?? doc?.id ?? (typeof e.document === "string" ? e.document : undefined),
    doc_title: e.doc_title ?? e.title ?? doc?.title ?? doc?.source ?? e.source,
    quote: e.quote ?? e.text ?? e.sentence ?? "",
  };
}

// A graph answer -> {nodes:[ref], edges:[{id, source, target, type}]}
export function normGraph(data) {
  const nodes = new Map();
  const edges = new Map();
  const addNode = (n) => {
    const r = ref(n);
    if (r && r.id !== undefined && !nodes.has(r.id)) nodes.set(r.id, r);
    return r;
  };
  const addEdge = (e) => {
    const s = typeof e.source === "object" ? addNode(e.source).id : e.source ?? e.from ?? e.start;
    const t = typeof e.target === "object" ? addNode(e.target).id : e.target ?? e.to ?? e.end;
    const type = e.type ?? e.rel ?? e.relationship ?? e.label ?? "";
    const id = e.id ?? `${s}|${type}|${t}`;
    if (s !== undefined && t !== undefined && !edges.has(id)) edges.set(id, { ...e, id, source: s, target: t, type });
  };
  if (!data) return { nodes: [], edges: [] };
  const nodeList = listOf(data.nodes || []);
  nodeList.forEach(addNode);
  listOf(data.edges || data.relationships || data.links || []).forEach(addEdge);
  if (Array.isArray(data.paths)) data.paths.forEach((p) => mergeInto(normGraph(p), nodes, edges));
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function mergeInto(g, nodes, edges) {
  g.nodes.forEach((n) => nodes.has(n.id) || nodes.set(n.id, n));
  g.edges.forEach((e) => edges.has(e.id) || edges.set(e.id, e));
}

// Documents: entity and action spans
export function spansOf(x) {
  return listOf(x.spans || x.mentions || x.evidence || []).filter((s) => s && Number.isFinite(s.start) && Number.isFinite(s.end));
}
