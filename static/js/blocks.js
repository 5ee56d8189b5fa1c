// Blocks and rows: every block and every row gets a menu (pointer, keyboard, thumb) to add a
// block before, after or inside it, move it up, down, into or out of a section, duplicate or
// delete it; blocks and rows can be dragged too. Every action is one batch of kernel events.
(function () {
  "use strict";

  const Aide = window.Aide;
  if (!Aide || !Aide.root) return;
  const page = Aide.page;

  // What "add a block" makes, per display type: the block's own props and its first children.
  const NEW_BLOCKS = {
    heading: { label: "Heading", display: "text", p: { title: "Heading" } },
    text: { label: "Text", display: "text", p: { text: "Write something here." } },
    section: { label: "Section", display: "section", p: { title: "New section" } },
    table: { label: "Table", display: "table", p: { title: "New table" }, rows: [{ name: "First row" }] },
    list: { label: "List", display: "list", p: { title: "New list" }, rows: [{ name: "First item" }] },
    checklist: { label: "Checklist", display: "checklist", p: { title: "To do" }, rows: [{ task: "First item", done: false }] },
    cards: { label: "Cards", display: "card", p: { title: "New card", note: "" } },
    metric: { label: "Metric", display: "metric", p: { value: 0, label: "Count" } },
    image: { label: "Image", display: "image", p: { src: "https://", caption: "Caption" } },
    grid: { label: "Grid", display: "grid", p: { title: "New grid", _rows: 3, _cols: 3 }, cells: 3 },
  };
  Aide.NEW_BLOCKS = NEW_BLOCKS;

  // ---------- what is a block, a row, a container ----------

  function isRow(el) {
    return el.tagName === "TR" || el.tagName === "LI";
  }

  function blocksIn(scope) {
    return Array.from(scope.querySelectorAll("[data-entity]"))
      .filter((el) => !el.hasAttribute("data-field") && !isRow(el) && !el.closest("tr, li"));
  }

  function isContainer(el) {
    return el.tagName === "SECTION" || el.tagName === "ARTICLE";
  }

  function nameOf(el) {
    const heading = el.querySelector(":scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
    const text = (heading || el.querySelector("[data-field]") || el).textContent.trim().replace(/\s+/g, " ");
    return text.length > 40 ? text.slice(0, 40) + "…" : text || "this block";
  }

  function kindOf(block) {
    const first = (block.className || "").split(/\s+/)[0];
    return { tbl: "table", lst: "list", chk: "checklist", section: "section", page: "page", card: "card",
      text: "text", metric: "metric", img: "image", grid: "grid" }[first] || "card";
  }
  Aide.blockKind = kindOf;

  // ---------- decorating ----------

  Aide.onDecorate((scope) => {
    blocksIn(scope).forEach((block) => {
      const id = block.dataset.entity;
      if (!block.querySelector(`:scope > .block-tools`)) {
        const tools = document.createElement("div");
        tools.className = "block-tools";
        const handle = button("⋯", "handle");
        handle.dataset.handleFor = id;
        handle.setAttribute("aria-haspopup", "menu");
        handle.setAttribute("aria-label", (isContainer(block) && block.tagName === "ARTICLE" ? "Page" : "Block") + " actions: " + nameOf(block));
        handle.title = "Actions (Shift+F10); Alt+arrows move";
        if (block.tagName !== "ARTICLE") handle.draggable = true;
        tools.appendChild(handle);
        block.prepend(tools);
      }
      const kind = kindOf(block);
      if (isContainer(block) && !block.querySelector(":scope > .add-block")) {
        // A section's button names the section, so it is not mistaken for the page's own at its foot.
        const add = button(block.tagName === "ARTICLE" ? "+ Add block" : "+ Add to " + nameOf(block), "add-block");
        add.addEventListener("click", () => pickType(add, (type) => insert(type, id, null)));
        block.appendChild(add);
      }
      if (["table", "list", "checklist"].includes(kind) && !block.querySelector(":scope > .add-row")) {
        const add = button(kind === "table" ? "+ Add row" : "+ Add item", "add-row");
        add.addEventListener("click", () => addRow(block, kind));
        block.appendChild(add);
      }
      rowsOf(block).forEach((row) => decorateRow(row));
    });
  });

  function decorateRow(row) {
    if (row.querySelector(":scope > .row-tools")) return;
    const handle = button("⋯", "handle");
    handle.dataset.handleFor = row.dataset.entity;
    handle.setAttribute("aria-haspopup", "menu");
    handle.setAttribute("aria-label", "Row actions: " + row.textContent.trim().slice(0, 40));
    handle.draggable = true;
    if (row.tagName === "TR") {
      const cell = document.createElement("td");
      cell.className = "row-tools";
      cell.appendChild(handle);
      row.appendChild(cell);
      const head = row.closest("table").querySelector("thead tr");
      if (head && !head.querySelector(".row-tools")) {
        const th = document.createElement("td");
        th.className = "row-tools";
        head.appendChild(th);
      }
    } else {
      const holder = document.createElement("span");
      holder.className = "row-tools";
      holder.appendChild(handle);
      row.appendChild(holder);
    }
  }

  function rowsOf(block) {
    return Array.from(block.querySelectorAll("tr[data-entity], li[data-entity]"))
      .filter((row) => row.closest("[data-entity]:not(tr):not(li)") === block);
  }

  function button(label, className) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = label;
    return b;
  }
  Aide.button = button;

  // ---------- menus ----------

  let openMenu = null;

  /** A small menu under `anchor`; items are {label, run} or {label, items: [...]} for a submenu. */
  Aide.menu = function (anchor, items, title) {
    closeMenu();
    const menu = document.createElement("div");
    menu.className = "menu";
    menu.setAttribute("role", "menu");
    menu.setAttribute("aria-label", title || "Actions");
    items.filter(Boolean).forEach((item) => {
      const entry = button(item.label + (item.items ? " …" : ""), "menu-item");
      entry.setAttribute("role", "menuitem");
      if (item.disabled) entry.disabled = true;
      entry.addEventListener("click", () => {
        if (item.items) { Aide.menu(anchor, item.items, item.label); return; }
        closeMenu(false);
        item.run();
      });
      menu.appendChild(entry);
    });
    document.body.appendChild(menu);
    const rect = anchor.getBoundingClientRect();
    const width = menu.offsetWidth;
    menu.style.top = (window.scrollY + rect.bottom + 4) + "px";
    menu.style.left = (window.scrollX + Math.max(8, Math.min(rect.right - width, window.innerWidth - width - 8))) + "px";
    openMenu = { menu, anchor };
    const first = menu.querySelector("button:not([disabled])");
    if (first) first.focus();
    menu.addEventListener("keydown", (event) => {
      const entries = Array.from(menu.querySelectorAll("button:not([disabled])"));
      const at = entries.indexOf(document.activeElement);
      if (event.key === "ArrowDown") { event.preventDefault(); entries[(at + 1) % entries.length].focus(); }
      else if (event.key === "ArrowUp") { event.preventDefault(); entries[(at - 1 + entries.length) % entries.length].focus(); }
      else if (event.key === "Home") { event.preventDefault(); entries[0].focus(); }
      else if (event.key === "End") { event.preventDefault(); entries[entries.length - 1].focus(); }
      else if (event.key === "Escape") { event.preventDefault(); closeMenu(true); }
      else if (event.key === "Tab") { closeMenu(true); }
    });
  };

  function closeMenu(refocus) {
    if (!openMenu) return;
    const { menu, anchor } = openMenu;
    openMenu = null;
    menu.remove();
    if (refocus && anchor.isConnected) anchor.focus();
  }

  document.addEventListener("pointerdown", (event) => {
    if (openMenu && !openMenu.menu.contains(event.target) && event.target !== openMenu.anchor) closeMenu(false);
  });

  function pickType(anchor, then) {
    Aide.menu(anchor, Object.keys(NEW_BLOCKS).map((type) => ({ label: NEW_BLOCKS[type].label, run: () => then(type) })), "Add a block");
  }

  page.addEventListener("click", (event) => {
    const handle = event.target.closest(".handle");
    if (handle) openActions(handle);
  });

  async function openActions(handle) {
    const id = handle.dataset.handleFor;
    const element = page.querySelector(`[data-entity="${CSS.escape(id)}"]:not([data-field])`);
    if (!element) return;
    const snapshot = await Aide.model();
    const entity = snapshot.entities[id];
    if (!entity) return;
    if (isRow(element)) {
      Aide.menu(handle, [
        { label: "Move up", run: () => moveBy(id, -1) },
        { label: "Move down", run: () => moveBy(id, 1) },
        linksItem(id),
        { label: "Duplicate", run: () => duplicate(id) },
        { label: "Delete", run: () => remove(id, element) },
      ], "Row actions");
      return;
    }
    if (element.tagName === "ARTICLE") {
      Aide.menu(handle, [
        { label: "Add a block at the top", items: typeItems((type) => insert(type, id, 0)) },
        { label: "Add a block at the end", items: typeItems((type) => insert(type, id, null)) },
        columnsItem(element),
      ], "Page actions");
      return;
    }
    const parent = entity.parent;
    const sections = sectionsFor(snapshot, id);
    const inSection = snapshot.entities[parent] && snapshot.entities[parent].display === "section";
    Aide.menu(handle, [
      { label: "Add a block above", items: typeItems((type) => insert(type, parent, position(snapshot, id))) },
      { label: "Add a block below", items: typeItems((type) => insert(type, parent, position(snapshot, id) + 1)) },
      isContainer(element) ? { label: "Add a block inside", items: typeItems((type) => insert(type, id, null)) } : null,
      columnsItem(element),
      { label: "Move up", run: () => moveBy(id, -1) },
      { label: "Move down", run: () => moveBy(id, 1) },
      sections.length ? { label: "Move into a section", items: sections.map((s) => ({ label: s.label, run: () => moveInto(id, s.id) })) } : null,
      inSection ? { label: "Move out of the section", run: () => moveOut(id) } : null,
      linksItem(id),
      { label: "Duplicate", run: () => duplicate(id) },
      { label: "Delete", run: () => remove(id, element) },
    ], "Block actions");
  }

  function columnsItem(element) {
    const kind = kindOf(element);
    if (!Aide.openColumns || !["table", "list", "checklist", "card"].includes(kind)) return null;
    return { label: kind === "table" ? "Columns" : "Fields", run: () => Aide.openColumns(element.dataset.entity) };
  }

  function linksItem(id) {
    return Aide.openLinks ? { label: "Links to other items", run: () => Aide.openLinks(id) } : null;
  }

  function typeItems(then) {
    return Object.keys(NEW_BLOCKS).map((type) => ({ label: NEW_BLOCKS[type].label, run: () => then(type) }));
  }

  /** Sections the block may move into: not itself, not inside itself, not its own parent. */
  function sectionsFor(snapshot, id) {
    const out = [];
    Object.values(snapshot.entities).forEach((e) => {
      if (e._removed || e.display !== "section" || e.id === id || e.id === snapshot.entities[id].parent) return;
      for (let up = e; up; up = snapshot.entities[up.parent]) if (up.id === id) return;
      out.push({ id: e.id, label: (e.props.title || e.props.name || Aide.human(e.id)).toString().slice(0, 40) });
    });
    return out.slice(0, 20);
  }

  /** Where an entity sits in its parent's `_children` (which keeps removed children too). */
  function position(snapshot, id) {
    const parent = snapshot.entities[snapshot.entities[id].parent];
    return parent ? parent._children.indexOf(id) : 0;
  }

  // ---------- actions ----------

  async function insert(type, parent, at) {
    const spec = NEW_BLOCKS[type];
    if (spec.upload) return Aide.addPhoto(spec.upload, parent, at);
    const id = Aide.newId(type);
    const events = [{ t: "entity.create", id, parent, display: spec.display, p: spec.p }];
    if (at !== null && at !== undefined) events.push({ t: "entity.move", ref: id, parent, position: at });
    (spec.rows || []).forEach((row) => events.push({ t: "entity.create", id: Aide.newId(type + "_item"), parent: id, p: row }));
    // A grid shows only the cells that exist (render.md: ids end in cell_<row>_<col>): made
    // empty, each one can be tapped and typed into.
    for (let r = 1; r <= (spec.cells || 0); r++) {
      for (let c = 1; c <= spec.cells; c++) events.push({ t: "entity.create", id: `${id}_cell_${r}_${c}`, parent: id, p: { value: "" } });
    }
    Aide.focusAfter({ entity: id, edit: true });
    await Aide.change(events, spec.label + " added.");
  }

  async function moveBy(id, step) {
    const snapshot = await Aide.model();
    const entity = snapshot.entities[id];
    const siblings = Aide.liveChildren(snapshot, entity.parent);
    const at = siblings.indexOf(id);
    const to = at + step;
    if (to < 0 || to >= siblings.length) {
      Aide.say(step < 0 ? "Already at the top." : "Already at the bottom.", "done");
      return;
    }
    siblings.splice(at, 1);
    siblings.splice(to, 0, id);
    Aide.focusAfter({ entity: id, handle: true });
    if (entity.parent === "root") return;
    await Aide.change([{ t: "entity.reorder", ref: entity.parent, children: siblings }], step < 0 ? "Moved up." : "Moved down.");
  }
  Aide.moveBy = moveBy;

  async function moveInto(id, section) {
    Aide.focusAfter({ entity: id, handle: true });
    await Aide.change([{ t: "entity.move", ref: id, parent: section }], "Moved into the section.");
  }

  async function moveOut(id) {
    const snapshot = await Aide.model();
    const parent = snapshot.entities[snapshot.entities[id].parent];
    if (!parent || parent.display !== "section" || !snapshot.entities[parent.parent]) {
      Aide.say("It is not inside a section.", "done");
      return;
    }
    Aide.focusAfter({ entity: id, handle: true });
    await Aide.change([{ t: "entity.move", ref: id, parent: parent.parent, position: position(snapshot, parent.id) + 1 }],
      "Moved out of the section.");
  }

  /** The section just before a block, for Alt+Right. */
  async function moveIntoPrevious(id) {
    const snapshot = await Aide.model();
    const siblings = Aide.liveChildren(snapshot, snapshot.entities[id].parent);
    const before = siblings[siblings.indexOf(id) - 1];
    if (!before || snapshot.entities[before].display !== "section") {
      Aide.say("There is no section just above to move it into.", "done");
      return;
    }
    moveInto(id, before);
  }

  async function duplicate(id) {
    const snapshot = await Aide.model();
    const events = [];
    const copyOf = {};
    (function copy(from, parent) {
      const e = snapshot.entities[from];
      const to = Aide.newId(from.replace(/_[a-z0-9]{6}$/, ""));
      copyOf[from] = to;
      events.push({ t: "entity.create", id: to, parent, display: e.display || undefined, p: e.props });
      Aide.liveChildren(snapshot, from).forEach((child) => copy(child, to));
    })(id, snapshot.entities[id].parent);
    events.push({ t: "entity.move", ref: copyOf[id], parent: snapshot.entities[id].parent, position: position(snapshot, id) + 1 });
    Aide.focusAfter({ entity: copyOf[id], handle: true });
    await Aide.change(events, "Duplicated.");
  }

  async function remove(id, element) {
    const name = nameOf(element);
    const answer = await Aide.send([{ t: "entity.remove", ref: id }]);
    if (!answer.ok) { Aide.say(answer.message, "error"); return; }
    Aide.say(`Deleted “${name}”.`, "done", [{ label: "Undo", run: () => Aide.history("undo") }]);
  }

  async function addRow(block, kind) {
    const parent = block.dataset.entity;
    const snapshot = await Aide.model();
    const rows = Aide.liveChildren(snapshot, parent).map((r) => snapshot.entities[r]);
    const table = snapshot.entities[parent];
    const keys = [];
    (table.props._show_fields || []).forEach((k) => { if (!keys.includes(k)) keys.push(k); });
    rows.forEach((r) => Object.keys(r.props).forEach((k) => { if (!k.startsWith("_") && !keys.includes(k)) keys.push(k); }));
    const kinds = Aide.kindsOf(table);
    const props = {};
    if (kind === "checklist") {
      const label = keys.find((k) => k !== "done" && k !== "checked") || "task";
      props[label] = "New item";
      props[keys.includes("checked") ? "checked" : "done"] = false;
    } else if (keys.length) {
      keys.forEach((k, i) => {
        const sample = rows.length ? rows[0].props[k] : undefined;
        props[k] = i === 0 ? "New" : kinds[k] === "yesno" || typeof sample === "boolean" ? false : null;
      });
    } else {
      props.name = "New";
    }
    const id = Aide.newId(parent.replace(/s$/, ""));
    Aide.focusAfter({ entity: id, edit: true });
    await Aide.change([{ t: "entity.create", id, parent, p: props }], kind === "table" ? "Row added." : "Item added.");
  }

  // ---------- keyboard ----------

  page.addEventListener("keydown", (event) => {
    if (event.target.closest(".inline-input")) return;
    const item = event.target.closest("tr[data-entity], li[data-entity]")
      || event.target.closest("[data-entity]:not([data-field])");
    if (!item || item.tagName === "ARTICLE") return;
    const id = item.dataset.entity;
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      moveBy(id, event.key === "ArrowUp" ? -1 : 1);
    } else if (event.altKey && event.key === "ArrowRight" && !isRow(item)) {
      event.preventDefault();
      moveIntoPrevious(id);
    } else if (event.altKey && event.key === "ArrowLeft" && !isRow(item)) {
      event.preventDefault();
      moveOut(id);
    } else if (event.altKey && event.shiftKey && event.key.toLowerCase() === "d") {
      event.preventDefault();
      duplicate(id);
    } else if ((event.key === "ContextMenu" || (event.shiftKey && event.key === "F10"))) {
      event.preventDefault();
      const handle = item.querySelector(`[data-handle-for="${CSS.escape(id)}"]`);
      if (handle) openActions(handle);
    } else if ((event.key === "Delete" || event.key === "Backspace") && event.target.classList.contains("handle")) {
      event.preventDefault();
      remove(id, item);
    }
  });

  // ---------- dragging ----------

  let dragged = null;
  page.addEventListener("dragstart", (event) => {
    const handle = event.target.closest && event.target.closest(".handle");
    if (!handle) return;
    dragged = page.querySelector(`[data-entity="${CSS.escape(handle.dataset.handleFor)}"]:not([data-field])`);
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", handle.dataset.handleFor);
  });

  function dropTarget(event) {
    if (!dragged) return null;
    if (isRow(dragged)) {
      const over = event.target.closest("tr[data-entity], li[data-entity]");
      return over && over !== dragged && over.parentElement === dragged.parentElement ? over : null;
    }
    const over = event.target.closest("[data-entity]:not([data-field]):not(tr):not(li)");
    return over && over !== dragged && !dragged.contains(over) ? over : null;
  }

  page.addEventListener("dragover", (event) => { if (dropTarget(event)) event.preventDefault(); });
  page.addEventListener("drop", async (event) => {
    const over = dropTarget(event);
    if (!over) return;
    event.preventDefault();
    const id = dragged.dataset.entity;
    dragged = null;
    const rect = over.getBoundingClientRect();
    const before = event.clientY < rect.top + rect.height / 2;
    const snapshot = await Aide.model();
    const target = over.dataset.entity;
    if (isContainer(over) && !before && over.tagName === "SECTION" || over.tagName === "ARTICLE") {
      await moveInto(id, target);
      return;
    }
    const parent = snapshot.entities[target].parent;
    const siblings = (snapshot.entities[parent] ? snapshot.entities[parent]._children : []).filter((c) => c !== id);
    const at = siblings.indexOf(target) + (before ? 0 : 1);
    Aide.focusAfter({ entity: id, handle: true });
    if (parent === snapshot.entities[id].parent) {
      const live = Aide.liveChildren(snapshot, parent).filter((c) => c !== id);
      live.splice(live.indexOf(target) + (before ? 0 : 1), 0, id);
      await Aide.change([{ t: "entity.reorder", ref: parent, children: live }], "Moved.");
    } else {
      await Aide.change([{ t: "entity.move", ref: id, parent, position: at }], "Moved.");
    }
  });
  page.addEventListener("dragend", () => { dragged = null; });

  // ---------- a blank page: start by hand or from a starting point ----------

  const start = Aide.root.querySelector("[data-action=start]");
  if (start) {
    start.addEventListener("click", () => {
      Aide.focusAfter({ entity: "page", edit: true });
      Aide.change([{ t: "entity.create", id: "page", display: "page", p: { title: "Untitled" } }], "Page started.");
    });
  }
  // The starting points are one JSON file (static/starters/starters.json): each is one batch of
  // kernel events, applied as one change, so one Undo takes it back. Declared before the list
  // asks for them: read earlier, a `let` throws (and the list silently stayed empty).
  let starters = null;
  const choices = Aide.root.querySelector("[data-starters-list]");
  if (choices) {
    loadStarters().then((list) => {
      (list || []).forEach((starter) => {
        const choice = button("", "starter");
        choice.dataset.starter = starter.id;
        const name = document.createElement("strong");
        name.textContent = starter.name;
        const summary = document.createElement("span");
        summary.textContent = starter.summary;
        choice.append(name, summary);
        choice.addEventListener("click", () => applyStarter(starter));
        choices.appendChild(choice);
      });
    });
  }

  async function applyStarter(starter) {
    const answer = await Aide.send(starter.events);
    if (answer.ok) Aide.say(`Started from “${starter.name}”. Change anything by clicking it.`, "done", [{ label: "Undo", run: () => Aide.history("undo") }]);
    else Aide.say(answer.message, "error");
  }

  async function loadStarters() {
    if (starters) return starters;
    const url = Aide.root.dataset.starters;
    try {
      const response = await fetch(url);
      starters = (await response.json()).starters;
    } catch (e) {
      starters = null;
    }
    return starters;
  }
})();
