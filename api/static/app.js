// PolicyGraph explorer: hash router and the global search box. Pages are linkable:
// #/entity/ID, #/action/ID, #/document/ID?hl=START-END, #/paths?from=&to=, #/search?q=, #/ingest ...

import { clear, errorBox } from "./js/dom.js";
import { actionSource, entitySource, searchView } from "./js/search.js";
import { attachTypeahead } from "./js/typeahead.js";
import { actionView } from "./js/views/action.js";
import { documentView } from "./js/views/document.js";
import { entityView } from "./js/views/entity.js";
import { actionsView, documentsView, homeView } from "./js/views/home.js";
import { ingestView } from "./js/views/ingest.js";
import { pathsView } from "./js/views/paths.js";

const root = document.getElementById("view");

const ROUTES = [
  [/^\/?$/, () => homeView],
  [/^\/entity\/(.+)$/, (m) => (el) => entityView(el, decodeURIComponent(m[1]))],
  [/^\/action\/(.+)$/, (m) => (el) => actionView(el, decodeURIComponent(m[1]))],
  [/^\/document\/(.+)$/, (m) => (el, params) => documentView(el, decodeURIComponent(m[1]), params)],
  [/^\/paths$/, () => pathsView],
  [/^\/search$/, () => searchView],
  [/^\/documents$/, () => documentsView],
  [/^\/actions$/, () => actionsView],
  [/^\/ingest$/, () => ingestView],
];

let renderSeq = 0;

async function route() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = raw.split("?");
  const params = new URLSearchParams(query);
  const seq = ++renderSeq;
  // each render gets a fresh container so a slow, superseded page cannot write into the new one
  const el = document.createElement("div");
  el.className = "page";
  clear(root).append(el);
  root.setAttribute("aria-busy", "true");
  for (const a of document.querySelectorAll(".nav a")) a.toggleAttribute("aria-current", a.getAttribute("href") === "#" + path);
  let view = null;
  for (const [re, make] of ROUTES) {
    const m = re.exec(path);
    if (m) {
      view = make(m);
      break;
    }
  }
  try {
    if (!view) el.append(errorBox(new Error(`there is no page at “#${raw}”.`)));
    else await view(el, params);
  } catch (e) {
    if (seq === renderSeq) el.append(errorBox(e));
  }
  if (seq === renderSeq) {
    root.removeAttribute("aria-busy");
    root.dataset.route = path.split("/")[1] || "home";
  }
}

function setupSearch() {
  const input = document.getElementById("search");
  attachTypeahead(input, {
    sources: [entitySource(7), actionSource(5)],
    onPick: (item) => {
      location.hash = item.href;
      input.value = "";
      root.focus();
    },
    onEnter: (q) => {
      if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
    },
  });
  // "/" focuses the search box from anywhere (as on many sites), unless typing in a field
  document.addEventListener("keydown", (e) => {
    if (e.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName || "")) {
      e.preventDefault();
      input.focus();
    }
  });
}

// the skip link moves focus without touching the route (its href would otherwise be read as one)
document.querySelector(".skip").addEventListener("click", (e) => {
  e.preventDefault();
  root.focus();
});

window.addEventListener("hashchange", () => {
  route();
  window.scrollTo(0, 0);
});
setupSearch();
route();
