// The editor: the live page stays in step with the server over a WebSocket, and a click on any
// value edits it in place. Every change is a batch of kernel events (POST /aides/{id}/events);
// the page itself is only ever redrawn from the HTML frames the server sends back.
(function () {
  "use strict";

  const root = document.querySelector(".editor");
  if (!root) return;
  const aideId = root.dataset.aide;
  const page = document.getElementById("live-page");
  const emptyState = root.querySelector("[data-empty]");
  const adders = root.querySelector("[data-adders]");
  const status = root.querySelector("[data-status]");
  let version = Number(root.dataset.version || 0);
  let editing = null;      // the value being edited: {element, original}
  let focusAfter = null;   // an entity to open for editing once it appears

  // ---------- server ----------

  async function send(events) {
    const response = await fetch(`/aides/${aideId}/events`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ events }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      say("Saved.");
    } else if (body.rejected && body.rejected.length) {
      say("Not changed: " + body.rejected[0].reason.replace(/^[A-Z_]+: /, ""));
    } else {
      say(body.message || "Not changed. Try again.");
    }
    return response.ok;
  }

  async function history(action) {
    const response = await fetch(`/aides/${aideId}/${action}`, {
      method: "POST",
      headers: { "Accept": "application/json" },
    });
    if (response.status === 409) say(action === "undo" ? "Nothing to undo." : "Nothing to redo.");
    else if (!response.ok) say("Not changed. Try again.");
  }

  function say(text) {
    status.textContent = text;
    clearTimeout(say.timer);
    say.timer = setTimeout(() => { status.textContent = ""; }, 4000);
  }

  // ---------- live channel ----------

  let socket = null;
  let retry = 500;

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}/aides/${aideId}/live`);
    socket.addEventListener("open", () => { retry = 500; root.classList.remove("offline"); });
    socket.addEventListener("message", (event) => receive(JSON.parse(event.data)));
    socket.addEventListener("close", (event) => {
      root.classList.add("offline");
      if (event.code === 4404) { say("This page no longer exists."); return; }
      if (event.code === 4429) { say(event.reason); return; }
      say("Reconnecting…");
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    });
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
    if (frame.type === "page") {
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
    editing = null;
    decorate();
  }

  // ---------- what the page offers ----------

  // Adds the editing affordances the published page must not have: live checkboxes, row
  // handles, "add" and "remove" buttons. Runs after every frame.
  function decorate() {
    const blank = !page.querySelector("[data-entity]");
    emptyState.hidden = !blank;
    page.hidden = blank;
    adders.hidden = blank;
    page.querySelectorAll("input[type=checkbox][data-field]").forEach((box) => { box.disabled = false; });
    page.querySelectorAll("[data-field]").forEach((field) => {
      if (field.dataset.type !== "boolean") {
        field.tabIndex = 0;
        field.classList.add("editable");
      }
    });
    page.querySelectorAll("div[data-entity]").forEach((block) => {
      const kind = kindOf(block);
      if (!["table", "list", "checklist"].includes(kind)) return;
      if (!block.querySelector(":scope > .add-row")) {
        const add = button(kind === "table" ? "Add row" : "Add item", "add-row");
        add.addEventListener("click", () => addRow(block, kind));
        block.appendChild(add);
      }
      rowsOf(block).forEach((row) => {
        row.draggable = true;
        if (!row.querySelector(".remove")) {
          const remove = button("Remove", "remove");
          remove.setAttribute("aria-label", "Remove this row");
          remove.addEventListener("click", () => send([{ t: "entity.remove", ref: row.dataset.entity }]));
          (row.tagName === "TR" ? row.lastElementChild : row).appendChild(remove);
        }
      });
    });
    if (focusAfter) {
      const first = page.querySelector(`[data-entity="${CSS.escape(focusAfter)}"][data-field]:not([data-type=boolean])`);
      if (first) { focusAfter = null; startEditing(first); }
    }
  }

  // The renderer's block classes, by the display kind they stand for.
  const KINDS = { tbl: "table", lst: "list", chk: "checklist" };

  function kindOf(block) {
    return KINDS[(block.className || "").split(/\s+/)[0]] || "";
  }

  function rowsOf(block) {
    return Array.from(block.querySelectorAll("tr[data-entity], li[data-entity]"))
      .filter((row) => row.closest("div[data-entity]") === block);
  }

  function button(label, className) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = label;
    return b;
  }

  // ---------- inline editing ----------

  function startEditing(field) {
    if (editing) finish(true);
    const type = field.dataset.type;
    const input = document.createElement("input");
    input.className = "inline-input";
    input.setAttribute("aria-label", "Edit " + field.dataset.field.replace(/_/g, " "));
    if (type === "number") {
      input.type = "number";
      input.step = "any";
      input.value = field.textContent.trim().replace(/,/g, "");
    } else if (type === "date") {
      input.type = "date";
      const time = field.querySelector("time");
      input.value = time ? time.getAttribute("datetime").slice(0, 10) : "";
    } else {
      input.type = "text";
      input.value = field.textContent.replace(/\s*Remove$/, "").trim();
    }
    editing = { field, original: field.innerHTML };
    field.textContent = "";
    field.appendChild(input);
    input.focus();
    input.select && type !== "date" && input.select();
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") { event.preventDefault(); finish(true); }
      if (event.key === "Escape") { event.preventDefault(); finish(false); }
    });
    input.addEventListener("blur", () => { if (editing && editing.field === field) finish(true); });
  }

  function finish(save) {
    const { field, original } = editing;
    editing = null;
    const input = field.querySelector("input");
    const raw = input ? input.value : "";
    field.innerHTML = original;
    const waiting = held;
    held = [];
    waiting.forEach(receive);
    if (!save) { field.focus(); return; }
    const value = valueOf(field.dataset.type, raw);
    if (value === undefined) { say("That is not a number. Not changed."); return; }
    send([{ t: "entity.update", ref: field.dataset.entity, p: { [field.dataset.field]: value } }]);
  }

  function valueOf(type, raw) {
    const text = raw.trim();
    if (type === "number") {
      if (text === "") return null;
      const number = Number(text);
      return Number.isFinite(number) ? number : undefined;
    }
    if (type === "date") return text === "" ? null : text;
    return raw;
  }

  page.addEventListener("click", (event) => {
    const box = event.target.closest("input[type=checkbox][data-field]");
    if (box) {
      send([{ t: "entity.update", ref: box.dataset.entity, p: { [box.dataset.field]: box.checked } }]);
      return;
    }
    if (event.target.closest("a, button, .inline-input")) return;
    const field = event.target.closest("[data-field]");
    if (field && field.dataset.type !== "boolean") startEditing(field);
  });

  page.addEventListener("keydown", (event) => {
    const field = event.target.closest("[data-field]");
    if (field && !editing && event.target === field && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      startEditing(field);
      return;
    }
    const row = event.target.closest("tr[data-entity], li[data-entity]");
    if (row && event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      const sibling = event.key === "ArrowUp" ? row.previousElementSibling : row.nextElementSibling;
      if (sibling && sibling.dataset.entity) {
        reorder(row, sibling, event.key === "ArrowUp");
      }
    }
  });

  // ---------- rows ----------

  function newId(prefix) {
    const base = (prefix || "item").replace(/[^a-z0-9_]/g, "").replace(/^[^a-z]+/, "") || "item";
    return `${base.slice(0, 40)}_${Math.random().toString(36).slice(2, 8)}`;
  }

  function addRow(block, kind) {
    const parent = block.dataset.entity;
    const rows = rowsOf(block);
    const fields = rows.length
      ? Array.from(new Set(Array.from(rows[0].querySelectorAll("[data-field]")).map((f) => f.dataset.field)))
      : [];
    const props = {};
    if (kind === "checklist") {
      const label = fields.find((f) => f !== "done" && f !== "checked") || "task";
      props[label] = "New item";
      props[fields.includes("checked") ? "checked" : "done"] = false;
    } else if (fields.length) {
      fields.forEach((f, i) => { props[f] = i === 0 ? "New" : ""; });
    } else {
      props.name = "New";
    }
    const id = newId(parent.replace(/s$/, ""));
    focusAfter = id;
    send([{ t: "entity.create", id, parent, p: props }]);
  }

  let dragged = null;
  page.addEventListener("dragstart", (event) => {
    dragged = event.target.closest("tr[data-entity], li[data-entity]");
    if (dragged) event.dataTransfer.effectAllowed = "move";
  });
  page.addEventListener("dragover", (event) => {
    const over = event.target.closest("tr[data-entity], li[data-entity]");
    if (dragged && over && over !== dragged && over.parentElement === dragged.parentElement) event.preventDefault();
  });
  page.addEventListener("drop", (event) => {
    const over = event.target.closest("tr[data-entity], li[data-entity]");
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    const rect = over.getBoundingClientRect();
    reorder(dragged, over, event.clientY < rect.top + rect.height / 2);
    dragged = null;
  });

  // Moves `row` before (or after) `other`, and sends the parent's new order.
  function reorder(row, other, before) {
    const block = row.closest("div[data-entity]");
    const order = rowsOf(block).map((r) => r.dataset.entity).filter((id) => id !== row.dataset.entity);
    const at = order.indexOf(other.dataset.entity) + (before ? 0 : 1);
    order.splice(at, 0, row.dataset.entity);
    send([{ t: "entity.reorder", ref: block.dataset.entity, children: order }]);
  }

  // ---------- structure, for people starting by hand ----------

  function pageEntity() {
    const first = page.querySelector("[data-entity]");
    return first ? first.dataset.entity : null;
  }

  root.querySelector("[data-action=start]").addEventListener("click", () => {
    focusAfter = "page";
    send([{ t: "entity.create", id: "page", display: "page", p: { title: "Untitled page" } }]);
  });

  const starters = {
    section: () => [{ display: "section", p: { title: "New section" } }],
    table: () => [{ display: "table", p: { title: "New table" } }, { p: { name: "First row" } }],
    checklist: () => [{ display: "checklist", p: { title: "To do" } }, { p: { task: "First item", done: false } }],
    text: () => [{ display: "text", p: { text: "Write something here." } }],
  };

  adders.addEventListener("click", (event) => {
    const kind = event.target.dataset && event.target.dataset.add;
    if (!kind || !pageEntity()) return;
    const [container, child] = starters[kind]();
    const id = newId(kind);
    const events = [{ t: "entity.create", id, parent: pageEntity(), display: container.display, p: container.p }];
    if (child) events.push({ t: "entity.create", id: newId(kind + "_item"), parent: id, p: child.p });
    focusAfter = id;
    send(events);
  });

  // ---------- undo and redo ----------

  root.querySelector("[data-action=undo]").addEventListener("click", () => history("undo"));
  root.querySelector("[data-action=redo]").addEventListener("click", () => history("redo"));
  document.addEventListener("keydown", (event) => {
    if (editing || !(event.ctrlKey || event.metaKey)) return;
    if (event.target.closest && event.target.closest("textarea, input")) return;
    const key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) { event.preventDefault(); history("undo"); }
    else if ((key === "z" && event.shiftKey) || key === "y") { event.preventDefault(); history("redo"); }
  });

  decorate();
  connect();
})();
