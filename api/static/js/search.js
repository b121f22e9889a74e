// Search: type-ahead sources over entities and actions, and the full results page (#/search?q=).

import { get, listOf, normAction } from "./api.js";
import { actionHref, actionSummary, chip, chips, entityHref, statusBadge } from "./components.js";
import { clear, empty, errorBox, h, humanize, loading, section } from "./dom.js";
import { corroborationSlot } from "./corroboration.js";

export function entitySource(limit = 7) {
  return async (q, signal) => {
    const data = await get("/entities", { q, limit }, { signal });
    return listOf(data).map((e) => ({
      group: "Entities",
      id: e.id,
      label: e.name,
      type: e.type,
      sub: (e.aliases || []).filter((a) => a !== e.name).slice(0, 2).join(", "),
      href: entityHref(e.id),
    }));
  };
}

export function actionSource(limit = 5) {
  return async (q, signal) => {
    const data = await get("/actions", { q, limit }, { signal });
    return listOf(data)
      .map(normAction)
      .map((a) => ({ group: "Actions", id: a.id, label: actionSummary(a), type: "Action", sub: [a.status, a.date].filter(Boolean).join(" · "), href: actionHref(a.id) }));
  };
}

// `/actions?q=` reads a bounded window of months per request, so a page can come back short with a
// `next_cursor`: follow it until `want` matches are in hand (or a few pages were read).
async function matchingActions(q, want, cursor = null, maxPages = 8) {
  const items = [];
  for (let page = 0; page < maxPages && items.length < want; page++) {
    const data = await get("/actions", cursor ? { q, limit: want, cursor } : { q, limit: want });
    items.push(...listOf(data));
    cursor = data && data.next_cursor;
    if (!cursor) break;
  }
  return { items, cursor };
}

function actionItem(a) {
  return h("li", null, h("a", { href: actionHref(a.id) }, humanize(a.kind)), " ", statusBadge(a.status), corroborationSlot(a), a.date ? ` ${a.date}` : "", h("div", { class: "small" }, a.by.length ? ["by ", chips(a.by)] : null, a.targets.length ? [" → ", chips(a.targets)] : null));
}

export async function searchView(root, params) {
  const q = (params.get("q") || "").trim();
  const type = params.get("type") || "";
  document.title = `Search: ${q} — PolicyGraph`;
  root.append(h("header", { class: "page-head" }, h("h1", null, q ? `Results for “${q}”` : "Search"), q ? null : h("p", { class: "lede" }, "Type a name, an alias or a law in the search box above.")));
  if (!q) return;
  const entSec = section("Entities", loading("Searching entities"));
  const actSec = section("Actions", loading("Searching actions"));
  root.append(h("div", { class: "grid" }, entSec, actSec));
  const [ents, acts] = await Promise.allSettled([get("/entities", { q, type, limit: 50 }), matchingActions(q, 50)]);
  clear(entSec).append(h("h2", { id: "sec-entities" }, "Entities"));
  if (ents.status === "rejected") entSec.append(errorBox(ents.reason, "entities"));
  else {
    const items = listOf(ents.value);
    entSec.append(
      items.length
        ? h(
            "ul",
            { class: "results" },
            items.map((e) =>
              h(
                "li",
                null,
                chip(e),
                " ",
                h("span", { class: "muted" }, e.type),
                (e.aliases || []).filter((a) => a !== e.name).length ? h("div", { class: "small muted" }, "also: ", e.aliases.filter((a) => a !== e.name).join(" · ")) : null,
              ),
            ),
          )
        : empty(`No entity matches “${q}”.`),
    );
  }
  clear(actSec).append(h("h2", { id: "sec-actions" }, "Actions"));
  if (acts.status === "rejected") actSec.append(errorBox(acts.reason, "actions"));
  else {
    const items = acts.value.items.map(normAction);
    if (!items.length && !acts.value.cursor) {
      actSec.append(empty(`No action matches “${q}”.`));
      return;
    }
    const list = h("ul", { class: "results" }, items.map(actionItem));
    actSec.append(items.length ? list : h("p", { class: "muted" }, "No match among the most recent actions."));
    let cursor = acts.value.cursor;
    if (cursor) {
      if (!items.length) actSec.append(list);
      const more = h("button", { type: "button", class: "more", id: "more-actions" }, "More actions");
      more.addEventListener("click", async () => {
        more.disabled = true;
        more.textContent = "Loading…";
        try {
          const next = await matchingActions(q, 50, cursor);
          next.items.map(normAction).forEach((a) => list.append(actionItem(a)));
          cursor = next.cursor;
        } catch (err) {
          more.replaceWith(errorBox(err, "actions"));
          return;
        }
        if (cursor) {
          more.disabled = false;
          more.textContent = "More actions";
        } else more.remove();
      });
      actSec.append(more);
    }
  }
}
