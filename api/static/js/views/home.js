// Home (counts, latest actions, documents), the documents list and the actions browser.

import { get, listOf, normAction, qs } from "../api.js";
import { actionHref, docLabel, documentHref, someChips, statusBadge } from "../components.js";
import { clear, empty, errorBox, h, humanize, loading, section } from "../dom.js";
import { corroborationSlot } from "../corroboration.js";

const KINDS = ["designation", "entity_listing", "export_control", "import_ban", "visa_restriction", "asset_freeze", "tariff", "sanction", "indictment", "arrest", "detention", "investigation", "legislation", "delisting", "other"];
const STATUSES = ["enacted", "proposed", "advocated", "lifted"];
const VERDICTS = ["confirmed", "contradicted", "unverified"]; // what the official lists say (issue 13)

const COLUMNS = ["Date", "Action", "Status", "By", "Targets", "Under"];

// on a phone the rows stack as labelled cards (app.css .table.stack): six columns squeezed into 370 px wrapped
// every name a letter a line
function actionsTable(items) {
  const cell = (i, ...content) => h("td", { "data-label": COLUMNS[i], class: i === 0 ? "nowrap" : null }, ...content);
  return h(
    "table",
    { class: "table stack actions-table" },
    h("thead", null, h("tr", null, COLUMNS.map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      null,
      items.map((a) =>
        h(
          "tr",
          null,
          cell(0, a.date || "—"),
          cell(1, h("a", { href: actionHref(a.id) }, humanize(a.kind))),
          cell(2, statusBadge(a.status), corroborationSlot(a)),
          cell(3, someChips(a.by)),
          cell(4, someChips(a.targets)),
          cell(5, someChips(a.under)),
        ),
      ),
    ),
  );
}

function documentsList(items) {
  return h(
    "ul",
    { class: "results docs" },
    items.map((d) => {
      const file = (d.source || "").split(/[\\/]/).pop();
      const meta = [d.published, file !== docLabel(d) ? file : null].filter(Boolean);
      return h("li", null, h("a", { href: documentHref(d.id) }, docLabel(d)), h("span", { class: "muted", title: d.source || "" }, meta.map((x) => ` · ${x}`).join("")));
    }),
  );
}

export async function homeView(root) {
  document.title = "PolicyGraph explorer";
  root.append(
    h(
      "header",
      { class: "page-head" },
      h("h1", null, "Who sanctioned whom, under which law, when"),
      h("p", { class: "lede" }, "Search a person, company, authority or law above. Every claim links to the sentence that says so."),
    ),
  );
  const stats = section("In the graph", loading("Counting"));
  const latest = section("Latest actions", loading("Loading actions"));
  const docs = section("Documents", loading("Loading documents"));
  root.append(stats, latest, docs);
  const [s, a, d] = await Promise.allSettled([get("/stats"), get("/actions", { limit: 10 }), get("/documents", { limit: 10 })]);
  clear(stats).append(h("h2", { id: "sec-in-the-graph" }, "In the graph"));
  if (s.status === "fulfilled") {
    const v = s.value || {};
    const nums = Object.entries(v).filter(([, x]) => typeof x === "number");
    stats.append(h("ul", { class: "stats" }, nums.map(([k, x]) => h("li", null, h("span", { class: "num" }, x.toLocaleString("en")), h("span", { class: "lbl" }, humanize(k))))));
    const byType = v.entities_by_type && typeof v.entities_by_type === "object" ? Object.entries(v.entities_by_type) : [];
    if (byType.length) stats.append(h("p", { class: "small muted" }, byType.map(([t, n]) => `${t}: ${n}`).join(" · ")));
    if (nums.every(([, x]) => x === 0)) stats.append(empty("The graph is empty. Add documents on the Ingest page."));
  } else stats.append(errorBox(s.reason, "the counts"));
  clear(latest).append(h("h2", { id: "sec-latest-actions" }, "Latest actions"));
  if (a.status === "fulfilled") {
    const items = listOf(a.value).map(normAction);
    latest.append(items.length ? actionsTable(items) : empty("No action yet."), h("p", null, h("a", { href: "#/actions" }, "Browse all actions →")));
  } else latest.append(errorBox(a.reason, "the actions"));
  clear(docs).append(h("h2", { id: "sec-documents" }, "Documents"));
  if (d.status === "fulfilled") {
    const items = listOf(d.value);
    docs.append(items.length ? documentsList(items) : empty("No document yet."), h("p", null, h("a", { href: "#/documents" }, "All documents →")));
  } else docs.append(errorBox(d.reason, "the documents"));
}

// A paginated list: `fetchPage(cursor)` -> {items, next_cursor}; a "More" button loads the next page.
function pager(container, fetchPage, render, emptyText) {
  const more = h("button", { type: "button", class: "btn", hidden: true }, "More");
  const holder = h("div");
  container.append(holder, more);
  let cursor = null;
  const load = async () => {
    more.disabled = true;
    const spin = loading();
    holder.append(spin);
    try {
      const data = await fetchPage(cursor);
      spin.remove();
      const items = listOf(data);
      if (!items.length && !cursor) holder.append(empty(emptyText));
      else holder.append(render(items));
      cursor = data?.next_cursor || null;
      more.hidden = !cursor;
    } catch (e) {
      spin.remove();
      holder.append(errorBox(e));
    }
    more.disabled = false;
  };
  more.addEventListener("click", load);
  return load();
}

export async function documentsView(root) {
  document.title = "Documents — PolicyGraph";
  root.append(h("header", { class: "page-head" }, h("h1", null, "Documents")));
  const sec = section("All documents");
  root.append(sec);
  await pager(sec, (cursor) => get("/documents", { limit: 50, cursor }), documentsList, "No document yet. Add some on the Ingest page.");
}

export async function actionsView(root, params) {
  document.title = "Actions — PolicyGraph";
  const kind = params.get("kind") || "";
  const status = params.get("status") || "";
  const from = params.get("from") || "";
  const to = params.get("to") || "";
  const q = params.get("q") || "";
  // by / target / law come from an entity page's links; they are kept while filtering
  const by = params.get("by") || "";
  const target = params.get("target") || "";
  const law = params.get("law") || "";
  const corroboration = params.get("corroboration") || "";
  const sel = (id, label, values, cur) =>
    h("div", { class: "field" }, h("label", { for: id }, label), h("select", { id, class: "input", name: id.replace("f-", "") }, h("option", { value: "" }, "any"), values.map((v) => h("option", { value: v, selected: v === cur }, humanize(v)))));
  const form = h(
    "form",
    { class: "card row filters", "aria-label": "Filter actions" },
    sel("f-kind", "Kind", KINDS, kind),
    sel("f-status", "Status", STATUSES, status),
    sel("f-corroboration", "Official lists", VERDICTS, corroboration),
    h("div", { class: "field" }, h("label", { for: "f-from" }, "From"), h("input", { id: "f-from", name: "from", type: "date", class: "input", value: from })),
    h("div", { class: "field" }, h("label", { for: "f-to" }, "To"), h("input", { id: "f-to", name: "to", type: "date", class: "input", value: to })),
    h("div", { class: "field" }, h("label", { for: "f-q" }, "Text"), h("input", { id: "f-q", name: "q", type: "search", class: "input", value: q })),
    h("div", { class: "field" }, h("span", { class: "label-spacer", "aria-hidden": "true" }, "\u00a0"), h("button", { class: "btn primary", type: "submit" }, "Filter")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = { ...Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v)), by, target, law };
    location.hash = "#/actions" + qs(p);
  });
  const scope = [by && `by ${by}`, target && `targeting ${target}`, law && `under ${law}`].filter(Boolean).join(", ");
  root.append(h("header", { class: "page-head" }, h("h1", null, "Actions"), scope ? h("p", { class: "lede" }, `Only actions ${scope}. `, h("a", { href: "#/actions" }, "Show all")) : null), form);
  const sec = section("Results");
  root.append(sec);
  await pager(sec, (cursor) => get("/actions", { kind, status, from, to, q, by, target, law, corroboration, limit: 50, cursor }), (items) => actionsTable(items.map(normAction).map((a) => (corroboration ? { ...a, corroboration } : a))), "No action matches these filters.");
}
