// Links between items (the kernel's relationships: "Hosted by: Dave"), set by hand. A panel per
// item lists its links by type; each target is chosen from a list of the page's items (a native
// select, so it works with the keyboard, a screen reader and a phone's own picker). Adding,
// changing or removing a link is one batch of rel events. A type's cardinality is fixed by its
// first use: "one" types get one select, "several" types a list plus an "Add" select.
(function () {
  "use strict";

  const Aide = window.Aide;
  if (!Aide || !Aide.root) return;
  const el = Aide.el;

  const ONE = ["many_to_one", "one_to_one"];
  const MAX_CHOICES = 2000;   // a select longer than this is no help to anyone; the rest are left out
  const NAME_KEYS = ["title", "name", "task", "label"];
  let dialog = null;
  let source = null;     // the entity whose links are open
  let asked = null;      // a type to show even before it has a link (a clicked empty cell)

  /**
   * The name an item shows under, as the page shows it in a link (LinkIndex on the server): a
   * title or name, else the first text its block shows (`_show_fields` order, then the item's
   * own keys less `_hide_fields`), else its id in words.
   */
  function nameOf(snapshot, entity) {
    for (const k of NAME_KEYS) {
      const v = entity.props[k];
      if (v !== null && v !== undefined && String(v).trim() !== "") return String(v);
    }
    const holder = snapshot.entities[entity.parent];
    const hint = (k) => {   // a list of keys, or one comma-separated string (Props.strings)
      const v = holder ? holder.props[k] : null;
      return Array.isArray(v) ? v.map(String) : typeof v === "string" ? v.split(",").map((x) => x.trim()) : [];
    };
    const hidden = hint("_hide_fields");
    const keys = hint("_show_fields").concat(Object.keys(entity.props).filter((k) => !hidden.includes(k)));
    for (const k of keys) {
      const v = entity.props[k];
      if (!k.startsWith("_") && k !== "styles" && typeof v === "string" && v.trim() !== "") return v;
    }
    return Aide.human(entity.id);
  }

  function live(snapshot, id) {
    const e = snapshot.entities[id];
    return e && !e._removed ? e : null;
  }

  /** The live links from `id`, by type, in the order they were made. */
  function linksFrom(snapshot, id) {
    const out = {};
    (snapshot.relationships || []).forEach((l) => {
      if (l.from === id && live(snapshot, l.to)) (out[l.type] = out[l.type] || []).push(l.to);
    });
    return out;
  }
  Aide.linksFrom = linksFrom;

  function isOne(snapshot, type) {
    return ONE.includes((snapshot.rel_cardinalities || {})[type]);
  }

  /**
   * What a link may point to: every live item but the source itself, grouped under the block
   * that holds it. Groups that already hold a target of this type come first. `find` (lower
   * case) keeps the items whose name or block name holds it.
   */
  function choices(snapshot, type, find) {
    const groups = new Map();
    let n = 0;
    const first = new Set();
    (snapshot.relationships || []).forEach((l) => {
      if (l.type === type && live(snapshot, l.to)) first.add(snapshot.entities[l.to].parent);
    });
    const order = Object.values(snapshot.entities)
      .filter((e) => !e._removed && e.id !== source && e.display !== "page")
      .sort((a, b) => (first.has(b.parent) ? 1 : 0) - (first.has(a.parent) ? 1 : 0));
    for (const e of order) {
      if (n >= MAX_CHOICES) break;
      const holder = live(snapshot, e.parent);
      const label = !holder || holder.display === "page" ? "Blocks" : nameOf(snapshot, holder);
      const key = holder && holder.display !== "page" ? holder.id : "";
      const name = nameOf(snapshot, e).slice(0, 60);
      if (find && !name.toLowerCase().includes(find) && !label.toLowerCase().includes(find)) continue;
      if (!groups.has(key)) groups.set(key, { label, items: [] });
      groups.get(key).items.push({ id: e.id, label: name });
      n++;
    }
    return Array.from(groups.values());
  }

  function select(snapshot, type, aria, none, chosen, focusKey) {
    const box = el("select");
    box.setAttribute("aria-label", aria);
    box.dataset.focus = focusKey;
    fill(box, snapshot, type, none, chosen, "");
    return box;
  }

  /** (Re)fills a target select with the choices whose names hold `find`; returns how many. */
  function fill(box, snapshot, type, none, chosen, find) {
    const wanted = find.trim().toLowerCase();
    const groups = choices(snapshot, type, wanted);
    const count = groups.reduce((n, g) => n + g.items.length, 0);
    const blank = el("option", "", wanted && !count ? `No item matches “${find.trim()}”` : none);
    blank.value = "";
    box.replaceChildren(blank);
    groups.forEach((g) => {
      const group = el("optgroup");
      group.label = g.label;
      g.items.forEach((item) => {
        const option = el("option", "", item.label);
        option.value = item.id;
        option.selected = item.id === chosen;
        group.appendChild(option);
      });
      box.appendChild(group);
    });
    return count;
  }

  // ---------- the panel ----------

  /** Opens the links of `id`; `type` (optional) is shown and focused even if it has no link yet. */
  Aide.openLinks = async function (id, type) {
    source = id;
    asked = type || null;
    if (!dialog) build();
    await draw();
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first control: the type that was clicked goes first.
    const first = (type && dialog.querySelector(`[data-focus="${CSS.escape("type-" + type)}"]`)) || dialog.querySelector("select, input");
    if (first) first.focus();
  };

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "columns-dialog links-dialog";
    dialog.setAttribute("aria-labelledby", "links-title");
    document.body.appendChild(dialog);
    dialog.addEventListener("close", () => {
      const back = Aide.page.querySelector(`[data-entity="${CSS.escape(source)}"][data-field="${CSS.escape(asked || "")}"]`)
        || Aide.page.querySelector(`[data-handle-for="${CSS.escape(source)}"]`);
      if (back) back.focus();
    });
  }

  async function draw(focus) {
    const snapshot = await Aide.model();
    const entity = live(snapshot, source);
    if (!entity) { if (dialog.open) dialog.close(); Aide.say("Not saved: that item was removed, perhaps in another tab.", "error"); return; }
    const links = linksFrom(snapshot, source);
    const types = Object.keys(links);
    if (asked && !types.includes(asked)) types.push(asked);
    dialog.replaceChildren();
    const head = el("div", "dialog-head");
    const title = el("h2", "", `Links from “${nameOf(snapshot, entity).slice(0, 60)}”`);
    title.id = "links-title";
    const close = Aide.button("Done", "tool");
    close.addEventListener("click", () => dialog.close());
    head.append(title, close);
    dialog.appendChild(head);
    if (!types.length) dialog.appendChild(el("p", "quiet", "No links yet. Add one below: say what it means, and pick the item it points to."));
    types.forEach((type) => dialog.appendChild(typeGroup(snapshot, type, links[type] || [])));
    dialog.appendChild(newLinkForm(snapshot));
    const note = el("p", "field-note");
    note.setAttribute("role", "status");
    note.dataset.linksNote = "";
    dialog.appendChild(note);
    if (focus) {
      const again = dialog.querySelector(`[data-focus="${CSS.escape(focus)}"]`);
      if (again) again.focus();
    }
  }

  function typeGroup(snapshot, type, targets) {
    const group = el("fieldset", "link-type");
    const name = Aide.human(type);
    group.appendChild(el("legend", "", name));
    if (isOne(snapshot, type)) {
      const box = select(snapshot, type, name, "— none —", targets[0] || "", "type-" + type);
      box.addEventListener("change", () => (box.value ? link(type, box.value, "type-" + type) : unlinkAll(type)));
      group.appendChild(box);
      return group;
    }
    const list = el("ul", "link-targets");
    targets.forEach((to) => {
      const item = el("li");
      item.appendChild(el("span", "", nameOf(snapshot, snapshot.entities[to])));
      const remove = Aide.button("Remove", "tool");
      remove.setAttribute("aria-label", `Remove ${nameOf(snapshot, snapshot.entities[to])} from ${name}`);
      remove.dataset.focus = "remove-" + type + "-" + to;
      remove.addEventListener("click", () => unlink(type, to));
      item.appendChild(remove);
      list.appendChild(item);
    });
    group.appendChild(list);
    const add = select(snapshot, type, "Add to " + name, "Add…", "", "type-" + type);
    add.addEventListener("change", () => { if (add.value) link(type, add.value, "type-" + type); });
    // A long page makes a long list: typing narrows it; Enter adds the one item left.
    const find = el("input");
    find.type = "search";
    find.placeholder = "Find an item…";
    find.setAttribute("aria-label", `Find an item to add to ${name}`);
    find.dataset.focus = "find-" + type;
    find.addEventListener("input", () => fill(add, snapshot, type, "Add…", "", find.value));
    find.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      const left = add.querySelectorAll("option[value]:not([value=''])");
      if (left.length === 1) link(type, left[0].value, "type-" + type);
      else tell(left.length ? `${left.length} items match: pick one from the list.` : "No item matches. Nothing was added.", left.length ? "" : "error");
    });
    group.append(find, add);
    return group;
  }

  function newLinkForm(snapshot) {
    const form = el("form", "column-add link-add");
    const heading = el("p", "link-add-title", "New link");
    const name = el("input");
    name.type = "text";
    name.placeholder = "What it means, like Hosted by";
    name.setAttribute("aria-label", "New link name");
    name.maxLength = 64;
    name.dataset.focus = "new-name";
    const how = el("select");
    how.setAttribute("aria-label", "How many it points to");
    [["many_to_one", "to one item"], ["one_to_one", "to one item, one each way"], ["many_to_many", "to several items"]].forEach(([value, label]) => {
      const option = el("option", "", label);
      option.value = value;
      how.appendChild(option);
    });
    const to = select(snapshot, "", "New link points to", "Points to…", "", "new-to");
    const add = Aide.button("Add link", "tool");
    add.type = "submit";
    form.append(heading, name, how, to, add);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      addType(name, how.value, to.value);
    });
    return form;
  }

  const { tell, apply } = Aide.dialogChanges("[data-links-note]", () => dialog, draw, true);

  // ---------- changes, each one batch ----------

  async function link(type, to, focus) {
    const snapshot = await Aide.model();
    const cardinality = (snapshot.rel_cardinalities || {})[type] || "many_to_one";
    const events = [{ t: "rel.set", from: source, to, type, cardinality }];
    showInTable(snapshot, type, events);
    await apply(events, `${Aide.human(type)}: ${nameOf(snapshot, snapshot.entities[to])}.${taken(snapshot, type, to, cardinality)}`, focus);
  }

  async function unlink(type, to) {
    const snapshot = await Aide.model();
    await apply([{ t: "rel.remove", from: source, to, type }],
      `Removed ${nameOf(snapshot, snapshot.entities[to])} from ${Aide.human(type)}.`, "type-" + type);
  }

  async function unlinkAll(type) {
    await apply([{ t: "rel.remove", from: source, type }], `${Aide.human(type)}: none.`, "type-" + type);
  }

  async function addType(input, cardinality, to) {
    const type = Aide.keyOf(input.value);
    if (!type) { tell("A link needs a name with at least one letter or digit, like “Hosted by”. Nothing was added.", "error"); input.focus(); return; }
    if (!to) { tell("Pick the item the link points to. Nothing was added.", "error"); dialog.querySelector("[data-focus=new-to]").focus(); return; }
    const snapshot = await Aide.model();
    const entity = snapshot.entities[source];
    if (Object.prototype.hasOwnProperty.call(entity.props, type) && entity.props[type] !== null) {
      tell(`“${Aide.human(type)}” is already a value here. Give the link another name.`, "error");
      input.focus();
      return;
    }
    const kind = (snapshot.rel_cardinalities || {})[type] || cardinality;
    const events = [{ t: "rel.set", from: source, to, type, cardinality: kind }];
    showInTable(snapshot, type, events);
    const done = `Linked: ${Aide.human(type)} ${nameOf(snapshot, snapshot.entities[to])}.${taken(snapshot, type, to, kind)}`;
    if (await apply(events, done, "type-" + type)) asked = null;
  }

  /** A one-each-way link takes its target from any other item that pointed to it (the kernel moves the link): say so. */
  function taken(snapshot, type, to, cardinality) {
    if (cardinality !== "one_to_one") return "";
    const other = (snapshot.relationships || []).find((l) => l.type === type && l.to === to && l.from !== source && live(snapshot, l.from));
    return other ? ` ${nameOf(snapshot, snapshot.entities[other.from])} no longer points to it (one each way).` : "";
  }

  /** A table that lists its columns (`_show_fields`) gets the new link's column too, in the same batch. */
  function showInTable(snapshot, type, events) {
    const table = live(snapshot, snapshot.entities[source].parent);
    const shown = table && Array.isArray(table.props._show_fields) ? table.props._show_fields : null;
    if (shown && !shown.includes(type)) events.push({ t: "entity.update", ref: table.id, p: { _show_fields: shown.concat([type]) } });
  }
})();
