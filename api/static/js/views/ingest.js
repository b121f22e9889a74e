// Ingest page: paste a text or choose files, send them with the API key, follow the progress,
// then see what was extracted from each document.

import { listOf, request } from "../api.js";
import { actionHref, chip, docLabel, documentHref, forgetDocuments, getDocument, statusBadge } from "../components.js";
import { clear, errorBox, h, humanize, section } from "../dom.js";

const KEY_STORE = "policygraph.apiKey";

function extractedSummary(doc) {
  const entities = listOf(doc.entities || []);
  const actions = listOf(doc.actions || []);
  const byType = new Map();
  for (const e of entities) byType.set(e.type, [...(byType.get(e.type) || []), e]);
  return h(
    "div",
    { class: "extracted" },
    h("h3", null, h("a", { href: documentHref(doc.id) }, docLabel(doc)), h("span", { class: "muted" }, ` — ${entities.length} entities, ${actions.length} actions`)),
    actions.length
      ? h("ul", { class: "doc-actions" }, actions.map((a) => h("li", null, h("a", { href: actionHref(a.id) }, humanize(a.kind)), " ", statusBadge(a.status), a.date ? ` ${a.date}` : "")))
      : h("p", { class: "muted" }, "No action found in this text."),
    h(
      "dl",
      { class: "facts" },
      [...byType.entries()].map(([t, es]) => [h("dt", null, t), h("dd", null, h("span", { class: "chips" }, es.map(chip)))]),
    ),
  );
}

export function ingestView(root) {
  document.title = "Ingest — PolicyGraph";
  const saved = sessionStorage.getItem(KEY_STORE) || "";
  const key = h("input", { id: "api-key", type: "password", class: "input", autocomplete: "off", value: saved, placeholder: "X-API-Key", required: true });
  const remember = h("input", { id: "remember-key", type: "checkbox", checked: !!saved });
  const title = h("input", { id: "doc-title", type: "text", class: "input", placeholder: "optional" });
  const published = h("input", { id: "doc-published", type: "date", class: "input" });
  const url = h("input", { id: "doc-url", type: "url", class: "input", placeholder: "optional" });
  const text = h("textarea", { id: "doc-text-input", class: "input", rows: 10, placeholder: "Paste a news article, a press release or a policy text…" });
  const files = h("input", { id: "doc-files", type: "file", multiple: true, accept: ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" });
  const submit = h("button", { type: "submit", class: "btn primary", id: "ingest-go" }, "Ingest");
  const progress = h("div", { id: "ingest-progress", "aria-live": "polite" });
  const results = h("div", { id: "ingest-results" });

  const form = h(
    "form",
    { class: "card ingest-form", "aria-label": "Ingest documents" },
    h("h2", null, "Add documents"),
    h("div", { class: "field" }, h("label", { for: "api-key" }, "API key"), key, h("label", { class: "inline" }, remember, " remember in this tab")),
    h("div", { class: "field" }, h("label", { for: "doc-text-input" }, "Paste text"), text),
    h(
      "div",
      { class: "row" },
      h("div", { class: "field" }, h("label", { for: "doc-title" }, "Title"), title),
      h("div", { class: "field" }, h("label", { for: "doc-published" }, "Published"), published),
      h("div", { class: "field" }, h("label", { for: "doc-url" }, "URL"), url),
    ),
    h("div", { class: "field" }, h("label", { for: "doc-files" }, "…or upload files (.txt, .md, .html)"), files),
    h("div", { class: "field" }, submit),
  );
  root.append(h("header", { class: "page-head" }, h("h1", null, "Ingest"), h("p", { class: "lede" }, "Texts are read by the extraction pipeline; the entities, actions and evidence found are written to the graph. Ingesting the same text twice changes nothing.")), form, progress, results);

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clear(progress);
    clear(results);
    const apiKey = key.value.trim();
    if (!apiKey) {
      progress.append(errorBox(new Error("enter the API key first.")));
      key.focus();
      return;
    }
    if (remember.checked) sessionStorage.setItem(KEY_STORE, apiKey);
    else sessionStorage.removeItem(KEY_STORE);
    const jobs = [];
    if (text.value.trim()) jobs.push({ name: title.value.trim() || "pasted text", body: { text: text.value, title: title.value.trim() || undefined, published: published.value || undefined, url: url.value.trim() || undefined, source: "web-paste" } });
    for (const f of files.files) jobs.push({ name: f.name, file: f });
    if (!jobs.length) {
      progress.append(errorBox(new Error("paste a text or choose at least one file.")));
      text.focus();
      return;
    }
    submit.disabled = true;
    const bar = h("progress", { id: "ingest-bar", max: jobs.length, value: 0 });
    const label = h("p", { role: "status" }, `Ingesting 0 of ${jobs.length}…`);
    const list = h("ul", { class: "job-list" });
    progress.append(section("Progress", bar, label, list));
    let done = 0;
    let failed = 0;
    const docs = [];
    for (const job of jobs) {
      const li = h("li", { class: "job running" }, `${job.name}: extracting…`);
      list.append(li);
      try {
        const body = job.body || { text: await job.file.text(), source: job.file.name, title: job.file.name.replace(/\.[^.]+$/, "") };
        const res = await request("/documents", { method: "POST", body, headers: { "X-API-Key": apiKey } });
        const got = listOf(res, "documents");
        const failures = listOf(res?.failures || []);
        if (failures.length && !got.length) throw new Error(failures.map((f) => f.error || f.detail || JSON.stringify(f)).join("; "));
        const state = res?.documents_unchanged && !res?.documents_new ? "already in the graph" : "done";
        li.className = "job ok";
        li.textContent = `${job.name}: ${state} — ${res?.entities ?? "?"} entities, ${res?.actions ?? "?"} actions, ${res?.relations ?? "?"} relations`;
        docs.push(...got);
      } catch (e) {
        failed++;
        li.className = "job failed";
        li.textContent = `${job.name}: failed — ${e.message}`;
      }
      done++;
      bar.value = done;
      label.textContent = `Ingested ${done - failed} of ${jobs.length}${failed ? `, ${failed} failed` : ""}.`;
    }
    submit.disabled = false;
    forgetDocuments();
    if (docs.length) {
      const sec = section("What was extracted");
      results.append(sec);
      for (const d of docs) {
        try {
          sec.append(extractedSummary(await getDocument(d.id)));
        } catch (e) {
          sec.append(errorBox(e, `document ${d.id}`));
        }
      }
    }
  });
}
