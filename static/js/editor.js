// The editor's core: the live page stays in step with the server over a WebSocket, a click (or
// Enter, or a tap) on any value edits it in place with an editor that fits it, and the save
// state stays on screen. Every change is a batch of kernel events sent through the outbox
// (outbox.js); the page itself is only ever redrawn from the HTML frames the server sends.
// blocks.js and columns.js add the block and column tools through Aide.onDecorate.
(function () {
  "use strict";

  const Aide = window.Aide;
  if (!Aide || !Aide.root) return;
  const root = Aide.root;
  const aideId = Aide.aideId;
  const page = document.getElementById("live-page");
  const emptyState = root.querySelector("[data-empty]");
  const statusText = document.querySelector("[data-status]");
  const statusActions = document.querySelector("[data-status-actions]");
  const draftKey = "aide-draft:" + aideId;
  let version = Number(root.dataset.version || 0);
  let editing = null;      // the value being edited: {field, original, input, note}
  let focusAfter = null;   // {entity, field?, handle?, edit?}: what gets focus once it appears
  const decorators = [];
  Aide.page = page;
  Aide.onDecorate = (fn) => decorators.push(fn);
  Aide.focusAfter = (target) => { focusAfter = target; };

  // ---------- words ----------

  // Kernel reasons ("LIMIT_EXCEEDED: prop text is longer than 10000 characters") in plain words.
  Aide.plainReason = function (reason) {
    const text = String(reason || "");
    const code = text.split(":")[0];
    const longer = /longer than (\d+)/.exec(text);
    switch (code) {
      case "LIMIT_EXCEEDED":
        if (longer) return `Not saved: that is too long. A value holds at most ${Number(longer[1]).toLocaleString("en")} characters.`;
        if (/props/.test(text)) return "Not saved: an item holds at most 64 fields.";
        if (/relationship types/.test(text)) return "Not saved: a page uses at most 200 kinds of link.";
        if (/relationships/.test(text)) return "Not saved: a page holds at most 2,000 links.";
        if (/entities/.test(text)) return "Not saved: this page is full.";
        if (/depth|deep/.test(text)) return "Not saved: blocks cannot nest that deep.";
        return "Not saved: that is more than a page can hold.";
      case "ENTITY_NOT_FOUND":
      case "ALREADY_REMOVED":
        return "Not saved: that item was removed, perhaps in another tab.";
      case "PARENT_NOT_FOUND":
        return "Not saved: the place it was going to was removed.";
      case "CYCLE":
        return "Not moved: a section cannot go inside itself.";
      case "ENTITY_EXISTS":
        return "Not saved: that item already exists. Try again.";
      case "REORDER_MISMATCH":
        return "Not moved: the page changed meanwhile. Try again.";
      case "STRICT_CONSTRAINT_VIOLATED":
        return "Not saved: it breaks a rule set on this page.";
      default:
        return "Not saved: that change does not fit the page.";
    }
  };

  // ---------- the status that stays on screen ----------

  // The status line (and on a phone the chat) stay fixed over the bottom of the screen: the page
  // keeps as much room below its last block, so scrolled to the end nothing is under them.
  const fixedBars = [document.querySelector("[data-save-bar]"), document.querySelector("[data-chat]")].filter(Boolean);
  function keepRoomForBars() {
    let top = window.innerHeight;
    fixedBars.forEach((bar) => {
      const style = getComputedStyle(bar);
      if (style.position === "fixed" && style.display !== "none") top = Math.min(top, bar.getBoundingClientRect().top);
    });
    document.documentElement.style.setProperty("--bars-room", Math.max(0, Math.ceil(window.innerHeight - top)) + "px");
  }
  if (window.ResizeObserver) new ResizeObserver(keepRoomForBars).observe(...fixedBars.length ? fixedBars : [document.body]);
  window.addEventListener("resize", keepRoomForBars);
  keepRoomForBars();

  let connection = "online";
  let waiting = 0;

  /** Shows a message in the status region; `actions` are [{label, run}] or [{label, href}]. */
  Aide.say = function (text, kind, actions) {
    statusText.textContent = text;
    statusText.dataset.kind = kind || "info";
    statusActions.replaceChildren();
    (actions || []).forEach((action) => {
      const el = document.createElement(action.href ? "a" : "button");
      el.className = "tool";
      el.textContent = action.label;
      if (action.href) el.href = action.href;
      else { el.type = "button"; el.addEventListener("click", () => { action.run(); }); }
      statusActions.appendChild(el);
    });
    clearTimeout(Aide.say.timer);
    if (kind === "done") Aide.say.timer = setTimeout(idle, actions && actions.length ? 12000 : 3000);
  };

  function idle() {
    if (connection === "signed-out") return signedOut();
    if (waiting) return Aide.say(waitingText(), "waiting");
    Aide.say("All changes saved.", "quiet");
  }

  function waitingText() {
    const n = waiting === 1 ? "1 change" : waiting + " changes";
    return connection === "online" ? `Saving ${n}…` : `Offline: ${n} waiting. They are sent when the connection returns.`;
  }

  function signedOut() {
    Aide.say("You are signed out, so changes cannot be saved. They wait here until you sign in again.", "error",
      [{ label: "Sign in", href: "/login" }]);
  }

  Aide.waitingChanged = (n) => {
    const before = waiting;
    waiting = n;
    if (n || before) idle();
  };

  Aide.connection = (state) => {
    if (state === connection) return;
    connection = state;
    root.classList.toggle("offline", state !== "online");
    if (badgeEl && !badgeEl.hidden && badgeEl.dataset.kind === "saving") badgeEl.textContent = savingWord();
    idle();
    if (state === "online") Aide.flush();
  };

  // ---------- server ----------

  /** Sends a batch and reports the answer in the status; resolves to the outbox's answer. */
  Aide.saw = (sequence) => { if (sequence > known) known = sequence; };

  Aide.change = async function (events, done) {
    const answer = await Aide.send(events);
    if (answer.ok) Aide.say(done || "Saved.", "done");
    else if (answer.message) Aide.say(answer.message, "error");
    return answer;
  };

  Aide.history = async function (action) {
    let response;
    try {
      response = await fetch(`/aides/${aideId}/${action}`, { method: "POST", headers: { "Accept": "application/json" } });
    } catch (e) {
      Aide.say("Not " + (action === "undo" ? "undone" : "redone") + ": the connection is down. Try again when it is back.", "error");
      return;
    }
    if (response.status === 409) Aide.say(action === "undo" ? "Nothing to undo." : "Nothing to redo.", "done");
    else if (response.status === 401) Aide.connection("signed-out");
    else if (!response.ok) Aide.say("Not changed. Try again.", "error");
    else Aide.say(action === "undo" ? "Undone." : "Redone.", "done");
  };

  // The snapshot, for the tools that need what the page does not show (hints, hidden columns).
  let model = null;
  let known = version;   // the newest version this tab has heard of: a frame or an answer
  Aide.model = async function () {
    if (model && model.version >= Math.max(version, known)) return model.snapshot;
    const response = await fetch(`/aides/${aideId}/snapshot`, { headers: { "Accept": "application/json" } });
    if (!response.ok) throw new Error("snapshot " + response.status);
    const body = await response.json();
    model = { version: body._sequence, snapshot: body.snapshot };
    return body.snapshot;
  };
  Aide.cachedModel = () => (model ? model.snapshot : null);

  /** The live children of an entity, in display order. */
  Aide.liveChildren = (snapshot, id) => {
    const entity = snapshot.entities[id];
    if (!entity) return [];
    return (entity._children || []).filter((c) => snapshot.entities[c] && !snapshot.entities[c]._removed);
  };

  Aide.newId = function (prefix) {
    const base = String(prefix || "item").toLowerCase().replace(/[^a-z0-9_]/g, "_").replace(/^[^a-z]+/, "") || "item";
    return `${base.slice(0, 40)}_${Math.random().toString(36).slice(2, 8)}`;
  };

  // ---------- live channel ----------

  let socket = null;
  let retry = 500;

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}/aides/${aideId}/live`);
    socket.addEventListener("open", () => { retry = 500; Aide.connection("online"); });
    socket.addEventListener("message", (event) => receive(JSON.parse(event.data)));
    socket.addEventListener("close", async (event) => {
      if (event.code === 4404) { Aide.say("This page no longer exists.", "error", [{ label: "All pages", href: "/aides" }]); return; }
      if (event.code === 4429) { Aide.say(event.reason, "error"); return; }
      if (event.code === 4401) { Aide.connection("signed-out"); return; }
      // A closed channel is either the network or an ended session: ask which.
      if (await sessionEnded()) { Aide.connection("signed-out"); return; }
      Aide.connection("offline");
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    });
  }

  async function sessionEnded() {
    try {
      const response = await fetch(`/aides/${aideId}/snapshot`, { headers: { "Accept": "application/json" } });
      return response.status === 401;
    } catch (e) {
      return false;
    }
  }

  // Other scripts (chat.js) send client frames, such as {"type":"interrupt"}, on this socket.
  document.addEventListener("aide:send", (event) => {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(event.detail));
  });

  // Frames that arrive while a value is being edited wait until the edit ends, so a change from
  // another tab never throws away what is being typed.
  let held = [];

  function receive(frame) {
    if (editing && (frame.type === "page" || frame.type === "patch")) {
      held.push(frame);
      return;
    }
    const before = version;
    if (frame.type === "page") {
      // The channel sends the whole page when it opens: the page as served (or as last drawn) is
      // not drawn again, so a value clicked or focused in the meantime stays where it is.
      if (frame.sequence === version && !page.dataset.stale) return;
      delete page.dataset.stale;
      version = frame.sequence;
      page.innerHTML = frame.html;
    } else if (frame.type === "patch") {
      if (frame.sequence < version) return;
      version = frame.sequence;
      const target = page.querySelector(`[data-entity="${CSS.escape(frame.entity)}"]`);
      if (!target) { page.dataset.stale = "1"; return; }
      const holder = document.createElement("template");
      holder.innerHTML = frame.html;
      target.replaceWith(holder.content);
    } else {
      document.dispatchEvent(new CustomEvent("aide:frame", { detail: frame }));
      return;
    }
    decorate();
    // A page sent again on reconnect is not a change.
    if (version > before) document.dispatchEvent(new CustomEvent("aide:changed", { detail: { sequence: version } }));
  }

  // ---------- what the page offers ----------

  // Adds the editing affordances the published page must not have. Runs after every frame.
  function decorate() {
    const blank = !page.querySelector("[data-entity]");
    emptyState.hidden = !blank;
    page.hidden = blank;
    page.querySelectorAll("input[type=checkbox][data-field]").forEach((box) => {
      box.disabled = false;
      box.setAttribute("aria-label", "Done: " + box.closest("li").textContent.trim());
    });
    page.querySelectorAll("[data-field]:not(input):not(img)").forEach((field) => {
      field.tabIndex = 0;
      if (field.dataset.type === "rel" || kindOf(field) === "rel") {
        // A link between items: Enter, a click or a tap opens the picker (links.js).
        field.classList.add("editable", "link-field");
        field.setAttribute("role", "button");
        field.setAttribute("aria-haspopup", "dialog");
        field.setAttribute("aria-label", human(field.dataset.field) + ": " + (currentLinks(field) || "none") + ". Change");
      } else if (isToggle(field)) {
        field.classList.add("toggle");
        field.setAttribute("role", "switch");
        field.setAttribute("aria-checked", String(isYes(field)));
        field.setAttribute("aria-label", human(field.dataset.field));
      } else {
        field.classList.add("editable");
      }
    });
    decorators.forEach((fn) => fn(page));
    if (focusAfter) {
      const target = focusAfter;
      const found = target.handle
        ? page.querySelector(`[data-handle-for="${CSS.escape(target.entity)}"]`)
        : page.querySelector(`[data-entity="${CSS.escape(target.entity)}"][data-field]:not([data-type=boolean])`
          + (target.field ? `[data-field="${CSS.escape(target.field)}"]` : ""));
      if (found) {
        focusAfter = null;
        if (target.edit) startEditing(found);
        else found.focus();
      }
    }
  }
  Aide.decorate = decorate;

  function human(key) {
    const text = String(key || "").replace(/_/g, " ").trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  Aide.human = human;

  // ---------- kinds of values ----------

  const KINDS = ["text", "number", "money", "date", "time", "yesno", "link", "rel"];
  Aide.KINDS = KINDS;

  /** The `_kinds` hint of an entity as a map: ["wins:number", ...] -> {wins: "number"}. */
  Aide.kindsOf = (entity) => {
    const out = {};
    const hint = entity && entity.props && entity.props._kinds;
    (Array.isArray(hint) ? hint : []).forEach((pair) => {
      const at = String(pair).lastIndexOf(":");
      if (at > 0 && KINDS.includes(String(pair).slice(at + 1))) out[String(pair).slice(0, at)] = String(pair).slice(at + 1);
    });
    return out;
  };

  /** What kind of value a field holds: the column hint first, then what it looks like. */
  function kindOf(field) {
    const snapshot = Aide.cachedModel();
    const entity = snapshot && snapshot.entities[field.dataset.entity];
    if (entity) {
      const own = Aide.kindsOf(entity)[field.dataset.field];
      const parent = snapshot.entities[entity.parent];
      const column = parent && Aide.kindsOf(parent)[field.dataset.field];
      if (column || own) return column || own;
    }
    if (field.dataset.type === "rel") return "rel";
    if (field.dataset.type === "boolean") return "yesno";
    if (field.dataset.type === "number") return "number";
    if (field.dataset.type === "date") return "date";
    if (field.querySelector("a[href]")) return "link";
    return "text";
  }

  function isToggle(field) {
    return field.tagName !== "INPUT" && kindOf(field) === "yesno";
  }

  /** The names a link field shows, without its "Type: " label. */
  function currentLinks(field) {
    const text = field.textContent.trim();
    const label = human(field.dataset.field) + ":";
    return text.startsWith(label) ? text.slice(label.length).trim() : text;
  }

  function isYes(field) {
    return field.textContent.includes("\u2713");
  }

  // ---------- inline editing ----------

  function currentText(field, kind) {
    if (kind === "date") {
      const time = field.querySelector("time");
      return time ? time.getAttribute("datetime").slice(0, 10) : field.textContent.trim();
    }
    if (kind === "link") {
      const link = field.querySelector("a[href]");
      return link ? link.getAttribute("href") : field.textContent.trim();
    }
    const text = field.textContent.trim();
    // A number is edited as the number it is, not as shown ("$1,200.50" is 1200.50).
    return kind === "number" || kind === "money" ? (plainAmount(text) ?? text) : text;
  }

  function startEditing(field, typed) {
    if (editing) finish(true);
    const kind = kindOf(field);
    if (kind === "rel") { if (Aide.openLinks) Aide.openLinks(field.dataset.entity, field.dataset.field); return; }
    const long = kind === "text" && (field.classList.contains("txt") || field.textContent.length > 60 || (typed || "").includes("\n"));
    const input = document.createElement(long ? "textarea" : "input");
    input.className = "inline-input";
    input.setAttribute("aria-label", "Edit " + human(field.dataset.field));
    if (!long) {
      input.type = { number: "text", money: "text", date: "date", time: "time", link: "url" }[kind] || "text";
      if (kind === "number" || kind === "money") input.inputMode = "decimal";
    } else {
      input.rows = 2;
    }
    const original = currentText(field, kind);
    input.value = typed !== undefined ? typed : original;
    const note = document.createElement("span");
    note.className = "field-note";
    note.setAttribute("aria-live", "polite");
    editing = { field, original: field.innerHTML, originalText: original, input, note, kind };
    field.textContent = "";
    field.append(input, note);
    grow(input);
    input.focus();
    if (input.select && kind !== "date" && kind !== "time" && typed === undefined) input.select();
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !(long && event.shiftKey) && !event.isComposing) { event.preventDefault(); finish(true); }
      if (event.key === "Escape") { event.preventDefault(); finish(false); }
    });
    input.addEventListener("input", () => {
      grow(input);
      const problem = validate(kind, input.value);
      note.textContent = problem || "";
      note.dataset.kind = problem ? "error" : "";
      keepDraft(field, input.value);
    });
    input.addEventListener("blur", () => {
      // A click on the note or a status button must not end the edit half-way.
      setTimeout(() => { if (editing && editing.input === input && document.activeElement !== input) finish(true); }, 0);
    });
  }
  Aide.startEditing = startEditing;

  function grow(input) {
    if (input.tagName !== "TEXTAREA") return;
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 2, 480) + "px";
  }

  function validate(kind, raw) {
    const text = raw.trim();
    if (text === "") return null;
    if ((kind === "number" || kind === "money") && parse(kind, text) === undefined) {
      return kind === "money" ? "An amount, like 20 or 12.50." : "A number, like 12 or 3.5.";
    }
    if (kind === "link" && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(text)) return "A web address starting with https://";
    if (kind === "time" && !/^\d{1,2}:\d{2}$/.test(text)) return "A time, like 19:30.";
    if (kind === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return "A date, like 2026-05-22.";
    return null;
  }

  function parse(kind, text) {
    const clean = plainAmount(text);
    return clean === null ? undefined : Number(clean);
  }

  /**
   * An amount as typed or shown, without its currency and grouping: "$1,200.50", "-€5",
   * "CHF 20.00", "20 €" -> "1200.50", "-5", "20.00", "20"; null when it is not an amount.
   */
  function plainAmount(text) {
    const m = /^(-?)\s*(?:[A-Za-z]{3}\s*|[A-Z]{0,2}\$|[€£¥₹])?\s*(-?)(\d[\d,]*(?:\.\d*)?|\.\d+)\s*(?:[$€£¥₹]|[A-Za-z]{3})?$/.exec(String(text).trim());
    if (!m || (m[1] && m[2])) return null;
    return (m[1] || m[2]) + m[3].replace(/,/g, "");
  }
  Aide.plainAmount = plainAmount;

  function valueOf(kind, raw) {
    const text = raw.trim();
    if (kind === "number" || kind === "money") return text === "" ? null : parse(kind, text);
    if (kind === "date" || kind === "time" || kind === "link") return text === "" ? null : text;
    return raw;
  }

  function finish(save) {
    const { field, original, originalText, input, note, kind } = editing;
    const raw = input.value;
    if (save && raw !== originalText) {
      const problem = validate(kind, raw);
      if (problem) {
        // The typed text stays where it was typed, with the reason beside it.
        note.textContent = problem + " Not saved yet.";
        note.dataset.kind = "error";
        Aide.say("Not saved: " + problem, "error");
        input.focus();
        return;
      }
    }
    editing = null;
    field.innerHTML = original;
    const waiting = held;
    held = [];
    waiting.forEach(receive);
    if (!save || raw === originalText) {
      dropDraft();
      const again = page.querySelector(selectorOf(field));
      if (again) again.focus();
      return;
    }
    const entity = field.dataset.entity;
    const key = field.dataset.field;
    // Shown at once: the typed text stands in the field until the server's frame redraws it.
    const shown = page.querySelector(selectorOf(field));
    if (shown) { shown.textContent = raw; shown.classList.add("pending"); }
    save1(entity, key, valueOf(kind, raw), raw);
  }

  function selectorOf(field) {
    return `[data-entity="${CSS.escape(field.dataset.entity)}"][data-field="${CSS.escape(field.dataset.field)}"]`;
  }

  async function save1(entity, key, value, raw) {
    const target = () => page.querySelector(`[data-entity="${CSS.escape(entity)}"][data-field="${CSS.escape(key)}"]`);
    badge(target(), "Saving…", "saving");
    Aide.say("Saving…", "waiting");
    const answer = await Aide.send([{ t: "entity.update", ref: entity, p: { [key]: value } }]);
    if (answer.ok) {
      dropDraft();
      badge(target(), "Saved", "saved");
      Aide.say("Saved.", "done");
      return;
    }
    // Refused: open the field again with what was typed, and say why in plain words.
    Aide.say(answer.message, "error");
    const field = target();
    if (field && !editing) {
      startEditing(field, raw);
      editing.note.textContent = answer.message;
      editing.note.dataset.kind = "error";
    }
  }

  // A small tag beside the value being saved; it floats over the page, so a redraw of the
  // value underneath does not take it away.
  let badgeEl = null;
  // While the connection is down a save waits in the outbox: the badge says so, as the status line does.
  const savingWord = () => (connection === "online" ? "Saving…" : "Waiting");
  function badge(field, text, kind) {
    if (!badgeEl) {
      badgeEl = document.createElement("span");
      badgeEl.className = "save-badge";
      badgeEl.setAttribute("aria-hidden", "true");
      document.body.appendChild(badgeEl);
    }
    if (!field) { badgeEl.hidden = true; return; }
    const rect = field.getBoundingClientRect();
    badgeEl.textContent = kind === "saving" ? savingWord() : text;
    badgeEl.dataset.kind = kind;
    badgeEl.style.top = (window.scrollY + rect.top - 6) + "px";
    badgeEl.style.left = (window.scrollX + Math.min(rect.right, window.innerWidth - 80)) + "px";
    badgeEl.hidden = false;
    clearTimeout(badge.timer);
    if (kind !== "saving") badge.timer = setTimeout(() => { badgeEl.hidden = true; }, 2000);
  }

  // ---------- typed text survives a reload ----------

  function keepDraft(field, value) {
    try {
      localStorage.setItem(draftKey, JSON.stringify({ entity: field.dataset.entity, field: field.dataset.field, value }));
    } catch (e) { /* no storage: nothing to keep */ }
  }

  function dropDraft() {
    try { localStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ }
  }

  function offerDraft() {
    let draft = null;
    try { draft = JSON.parse(localStorage.getItem(draftKey) || "null"); } catch (e) { draft = null; }
    if (!draft || typeof draft.value !== "string") return;
    const field = page.querySelector(`[data-entity="${CSS.escape(draft.entity)}"][data-field="${CSS.escape(draft.field)}"]`);
    if (!field) { dropDraft(); return; }
    const shortText = draft.value.length > 60 ? draft.value.slice(0, 60) + "…" : draft.value;
    Aide.say(`Not saved before the page reloaded: ${human(draft.field)} “${shortText}”.`, "error", [
      { label: "Save it", run: () => { startEditing(field, draft.value); finish(true); } },
      { label: "Edit it", run: () => startEditing(field, draft.value) },
      { label: "Discard", run: () => { dropDraft(); idle(); } },
    ]);
  }

  // ---------- pointer and keys on values ----------

  function toggle(field) {
    const value = !isYes(field);
    field.setAttribute("aria-checked", String(value));
    field.innerHTML = value ? "&#10003;" : "";
    field.classList.add("pending");
    Aide.change([{ t: "entity.update", ref: field.dataset.entity, p: { [field.dataset.field]: value } }]);
  }

  page.addEventListener("click", (event) => {
    const box = event.target.closest("input[type=checkbox][data-field]");
    if (box) {
      Aide.change([{ t: "entity.update", ref: box.dataset.entity, p: { [box.dataset.field]: box.checked } }]);
      return;
    }
    if (event.target.closest("button, .inline-input, .field-note, .row-tools")) return;
    const field = event.target.closest("[data-field]");
    if (!field || field.tagName === "IMG") return;
    // A checklist item's text edits; only its box ticks.
    event.preventDefault();
    if (field.classList.contains("toggle")) toggle(field);
    else if (!editing || editing.field !== field) startEditing(field);
  });

  page.addEventListener("keydown", (event) => {
    const field = event.target.closest("[data-field]");
    if (field && !editing && event.target === field && (event.key === "Enter" || event.key === " ") && !event.altKey) {
      event.preventDefault();
      if (field.classList.contains("toggle")) toggle(field);
      else startEditing(field);
    }
  });

  // ---------- undo and redo, and the shortcuts panel ----------

  root.querySelector("[data-action=undo]").addEventListener("click", () => Aide.history("undo"));
  root.querySelector("[data-action=redo]").addEventListener("click", () => Aide.history("redo"));
  const shortcuts = document.querySelector("[data-shortcuts]");
  const shortcutsButton = root.querySelector("[data-action=shortcuts]");
  if (shortcutsButton) shortcutsButton.addEventListener("click", () => shortcuts.showModal());
  if (shortcuts) shortcuts.querySelector("[data-close]").addEventListener("click", () => shortcuts.close());

  document.addEventListener("keydown", (event) => {
    if (editing || (event.target.closest && event.target.closest("textarea, input, select, dialog"))) return;
    if (event.key === "?" && shortcuts) { event.preventDefault(); shortcuts.showModal(); return; }
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) { event.preventDefault(); Aide.history("undo"); }
    else if ((key === "z" && event.shiftKey) || key === "y") { event.preventDefault(); Aide.history("redo"); }
  });

  // On a phone the chat is a composer pinned to the bottom of the screen; its title opens the
  // conversation above it, and typing opens it too.
  const chat = document.querySelector("[data-chat]");
  const chatToggle = document.querySelector("[data-chat-toggle]");
  if (chat && chatToggle) {
    const open = (on) => { chat.toggleAttribute("data-open", on); chatToggle.setAttribute("aria-expanded", String(on)); };
    chatToggle.addEventListener("click", () => open(!chat.hasAttribute("data-open")));
    const box = chat.querySelector("textarea");
    if (box) box.addEventListener("focus", () => open(true));
  }

  // Deferred scripts run before DOMContentLoaded: by then blocks.js and columns.js have added
  // their decorators.
  document.addEventListener("DOMContentLoaded", () => {
    Aide.model().then(decorate, () => {}).finally(offerDraft);
    decorate();
    idle();
    connect();
  });
})();
