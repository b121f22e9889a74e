// An accessible type-ahead (ARIA 1.2 combobox + listbox): arrows move, Enter picks, Escape closes.
// `sources` are async functions (query, signal) -> [{group, id, label, sub, type, href, value}].

import { clear, debounce, h } from "./dom.js";

let counter = 0;

export function attachTypeahead(input, { sources, onPick, onEnter, minChars = 1, placeholderEmpty = "No matches" }) {
  const id = `ta-${++counter}`;
  const list = h("ul", { id: `${id}-list`, class: "ta-list", role: "listbox", hidden: true });
  const status = h("div", { class: "sr-only", role: "status", "aria-live": "polite" });
  input.after(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("autocomplete", "off");

  let options = [];
  let active = -1;
  let seq = 0;
  let controller = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const setActive = (i) => {
    active = i;
    options.forEach((o, j) => o.el.setAttribute("aria-selected", j === i ? "true" : "false"));
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", options[i].el.id);
      options[i].el.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };

  const pick = (opt) => {
    close();
    onPick(opt.item, input);
  };

  const render = (items, q, errors) => {
    clear(list);
    options = [];
    let group = null;
    items.forEach((item, i) => {
      if (item.group !== group) {
        group = item.group;
        list.append(h("li", { class: "ta-group", role: "presentation" }, group));
      }
      const el = h(
        "li",
        { id: `${id}-opt-${i}`, role: "option", class: "ta-opt", "aria-selected": "false", dataset: { value: item.id } },
        h("span", { class: `badge t-${item.type || "none"}` }, item.type || ""),
        h("span", { class: "ta-label" }, item.label),
        item.sub ? h("span", { class: "ta-sub" }, item.sub) : null,
      );
      el.addEventListener("mousedown", (e) => e.preventDefault()); // keep focus in the input
      el.addEventListener("click", () => pick({ item }));
      options.push({ el, item });
      list.append(el);
    });
    if (!items.length) list.append(h("li", { class: "ta-empty", role: "presentation" }, errors.length ? errors[0] : `${placeholderEmpty} for “${q}”`));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = items.length ? `${items.length} suggestions. Use up and down arrows to choose.` : "No suggestions.";
    active = -1;
  };

  const lookup = debounce(async () => {
    const q = input.value.trim();
    if (q.length < minChars) {
      close();
      return;
    }
    const mine = ++seq;
    if (controller) controller.abort();
    controller = new AbortController();
    list.setAttribute("aria-busy", "true");
    const results = await Promise.allSettled(sources.map((s) => s(q, controller.signal)));
    if (mine !== seq) return; // a newer keystroke won
    list.removeAttribute("aria-busy");
    const items = [];
    const errors = [];
    for (const r of results) {
      if (r.status === "fulfilled") items.push(...r.value);
      else if (r.reason?.name !== "AbortError") errors.push(r.reason?.message || String(r.reason));
    }
    if (document.activeElement === input) render(items, q, errors);
  }, 150);

  input.addEventListener("input", lookup);
  input.addEventListener("focus", () => {
    if (input.value.trim().length >= minChars && options.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("keydown", (e) => {
    const open = !list.hidden && options.length > 0;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (list.hidden) lookup();
      else if (open) setActive((active + 1) % options.length);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (open) setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (open && active >= 0) pick(options[active]);
      else if (onEnter) {
        seq++; // drop any suggestion list still on its way
        close();
        onEnter(input.value.trim(), input);
      } else if (open) pick(options[0]);
    } else if (e.key === "Escape") {
      if (!list.hidden) {
        e.preventDefault();
        close();
      }
    }
  });
  return { close };
}
