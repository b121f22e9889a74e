// Long lists a page at a time (issue 14: a hub's page was 25,000 px tall with 106 action rows before its
// network): the first `size` items, then a button that adds `size` more, with "n of N" beside it.

import { h } from "./dom.js";

// a page on a phone is half a desktop's: its rows stack into cards several lines tall
export function pageSize(desktop = 20) {
  return window.innerWidth < 640 ? Math.max(5, Math.round(desktop / 2)) : desktop;
}

export function pager(target, items, renderItem, { size = pageSize() } = {}) {
  let shown = 0;
  const btn = h("button", { type: "button", class: "btn more" });
  const status = h("span", { class: "muted small", role: "status" });
  const foot = h("p", { class: "pager" }, btn, " ", status);
  const step = () => {
    const next = items.slice(shown, shown + size);
    target.append(...next.map(renderItem));
    shown += next.length;
    const left = items.length - shown;
    status.textContent = `showing ${shown} of ${items.length}`;
    btn.textContent = `Show ${Math.min(size, left)} more`;
    btn.hidden = left <= 0;
  };
  btn.addEventListener("click", step);
  step();
  return items.length > size ? foot : null;
}
