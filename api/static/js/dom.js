// Small DOM helpers. Everything the API returns is put in the page as text nodes, never as HTML,
// so a document that contains markup cannot inject script into the explorer.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "dataset") Object.assign(el.dataset, v);
      else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, "");
      else el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function loading(what = "Loading") {
  return h("p", { class: "loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), ` ${what}…`);
}

export function empty(text) {
  return h("p", { class: "empty" }, text);
}

export function errorBox(err, context) {
  const msg = err && err.message ? err.message : String(err);
  return h(
    "div",
    { class: "error", role: "alert" },
    h("strong", null, context ? `Could not load ${context}. ` : "Something went wrong. "),
    msg,
  );
}

export function section(title, ...children) {
  const id = "sec-" + title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return h("section", { class: "card", "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

// "entity_listing" -> "Entity listing"
export function humanize(s) {
  if (!s) return "";
  const t = String(s).replace(/_/g, " ");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export function debounce(fn, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
