// History: every change to the page, newest first, with who made it, when, and what it changed.
// Choosing one shows the page as it was right after it (rendered by the server as the published
// page, so nothing in it can be edited); "Restore this" brings the page back to that point as
// one new change, which Undo in the status line takes back. On a phone the list and the preview
// take turns on the screen.
(function () {
  "use strict";

  const dialog = document.querySelector("[data-history]");
  const opener = document.querySelector("[data-action=history]");
  const Aide = window.Aide;
  if (!dialog || !opener || !Aide || !Aide.root) return;
  const aideId = Aide.aideId;
  const list = dialog.querySelector("[data-history-list]");
  const state = dialog.querySelector("[data-history-state]");
  const more = dialog.querySelector("[data-history-more]");
  const preview = dialog.querySelector("[data-history-preview]");
  const previewTitle = dialog.querySelector("[data-history-preview-title]");
  const previewPage = dialog.querySelector("[data-history-page]");
  const restoreButton = dialog.querySelector("[data-history-restore]");
  const back = dialog.querySelector("[data-history-back]");
  // The server answers at most this many changes a page; a full page may have older ones.
  const PAGE = 50;
  const narrow = window.matchMedia("(max-width: 60rem)");
  let oldestFrom = null;   // the first entry of the oldest change listed: the next page starts before it
  let chosen = null;       // the list item shown in the preview
  let loads = 0;           // counts list loads, so an answer to an older one is ignored

  const WHO = { You: "You", AI: "The AI", Undo: "Undo", Import: "Import", Restore: "A restore" };

  function when(ts) {
    const date = new Date(ts);
    const today = new Date();
    const time = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    if (date.toDateString() === today.toDateString()) return "Today, " + time;
    return date.toLocaleDateString([], { day: "numeric", month: "short", year: "numeric" }) + ", " + time;
  }

  async function json(url, options) {
    const response = await fetch(url, Object.assign({ headers: { "Accept": "application/json" } }, options));
    const body = await response.json().catch(() => ({}));
    return { status: response.status, ok: response.ok, body };
  }

  function item(batch, newest) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "history-item";
    button.dataset.seq = batch.seq;
    button.dataset.when = when(batch.ts);
    button.dataset.note = batch.note;
    if (newest) button.dataset.now = "1";
    button.setAttribute("aria-pressed", "false");
    const head = document.createElement("span");
    head.className = "history-head";
    const who = document.createElement("strong");
    who.textContent = WHO[batch.who] || batch.who;
    const time = document.createElement("time");
    time.dateTime = batch.ts;
    time.textContent = button.dataset.when;
    head.append(who, " · ", time);
    const note = document.createElement("span");
    note.className = "history-what";
    note.textContent = batch.note;
    button.append(head, note);
    li.appendChild(button);
    return li;
  }

  async function load(fresh) {
    const mine = ++loads;
    if (fresh) {
      list.replaceChildren();
      oldestFrom = null;
      showList();
    }
    state.textContent = "Loading…";
    more.hidden = true;
    const query = oldestFrom === null ? "" : "?before=" + (oldestFrom - 1);
    let answer;
    try {
      answer = await json(`/aides/${aideId}/history${query}`);
    } catch (e) {
      state.textContent = "History could not be loaded: AIde could not be reached. Try again.";
      return;
    }
    if (mine !== loads) return;
    if (!answer.ok) {
      state.textContent = answer.body.message || "History could not be loaded. Try again.";
      return;
    }
    const batches = answer.body.batches || [];
    const first = list.children.length === 0;
    batches.forEach((batch, i) => list.appendChild(item(batch, first && i === 0)));
    if (batches.length) oldestFrom = batches[batches.length - 1].from;
    state.textContent = list.children.length ? "" : "No changes yet.";
    more.hidden = batches.length < PAGE;
  }

  function showList() {
    preview.hidden = true;
    dialog.classList.remove("previewing");
    if (chosen) chosen.setAttribute("aria-pressed", "false");
  }

  async function choose(button) {
    if (chosen) chosen.setAttribute("aria-pressed", "false");
    chosen = button;
    button.setAttribute("aria-pressed", "true");
    previewTitle.textContent = button.dataset.when;
    previewPage.replaceChildren();
    previewPage.setAttribute("aria-busy", "true");
    preview.hidden = false;
    dialog.classList.add("previewing");
    const now = button.dataset.now === "1";
    restoreButton.hidden = now;
    restoreButton.disabled = true;
    let answer;
    try {
      answer = await json(`/aides/${aideId}/history/${button.dataset.seq}`);
    } catch (e) {
      answer = { ok: false, body: { message: "AIde could not be reached. Try again." } };
    }
    if (chosen !== button) return;
    previewPage.removeAttribute("aria-busy");
    if (!answer.ok) {
      previewPage.textContent = answer.body.message || "This point could not be shown. Try again.";
      return;
    }
    // The server's own rendering of the page (every value escaped there), as the live page is.
    previewPage.innerHTML = answer.body.html;
    restoreButton.disabled = false;
    if (now) previewTitle.textContent = button.dataset.when + " (how the page looks now)";
    if (narrow.matches) back.focus();
  }

  async function restore() {
    if (!chosen) return;
    const button = chosen;
    restoreButton.disabled = true;
    let answer;
    try {
      answer = await json(`/aides/${aideId}/history/${button.dataset.seq}/restore`, { method: "POST" });
    } catch (e) {
      answer = { status: 0, ok: false, body: { message: "Not restored: AIde could not be reached. Try again." } };
    }
    restoreButton.disabled = false;
    if (answer.status === 409) {
      Aide.say(answer.body.message || "The page already looks like this.", "done");
      return;
    }
    if (!answer.ok) {
      Aide.say(answer.body.message || "Not restored. Try again.", "error");
      return;
    }
    dialog.close();
    Aide.say(`Restored the page to how it was on ${button.dataset.when}.`, "done",
      [{ label: "Undo", run: () => Aide.history("undo") }]);
  }

  function open() {
    if (dialog.open) return;
    dialog.showModal();
    load(true);
  }

  opener.addEventListener("click", open);
  dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => opener.focus());
  more.addEventListener("click", () => load(false));
  restoreButton.addEventListener("click", restore);
  back.addEventListener("click", () => {
    const was = chosen;
    showList();
    if (was) was.focus();
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest(".history-item");
    if (button) choose(button);
  });
  // Up and down move through the list, as in any list of choices.
  list.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const items = Array.from(list.querySelectorAll(".history-item"));
    const at = items.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    const next = items[Math.max(0, Math.min(items.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))];
    next.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "h" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest && target.closest("textarea, input, select, dialog, [contenteditable], .inline-input")) return;
    event.preventDefault();
    open();
  });
})();
