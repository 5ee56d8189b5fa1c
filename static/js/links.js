// Links between items (the kernel's relationships: "Hosted by: Dave"), set by hand. A panel per
// item lists its links by type; each target is chosen from a list of the page's items (a native
// select, so it works with the keyboard, a screen reader and a phone's own picker). Adding,
// changing or removing a link is one batch of rel events. A type's cardinality is fixed by its
// first use: "one" types get one select, "several" types a list plus an "Add" select.
(function () {
  "use strict";

  const Aide = window.Aide;
  if (!Aide || !Aide.root) return;

  const ONE = ["many_to_one", "one_to_one"];
  const MAX_CHOICES = 2000;   // a select longer than this is no help to anyone; the rest are left out
  const NAME_KEYS = ["title", "name", "task", "label"];
  let dialog = null;
  let source = null;     // the entity whose links are open
  let asked = null;      // a type to show even before it has a link (a clicked empty cell)

  /** The name an item shows under, as the page shows it in a link (LinkIndex on the server). */
  function nameOf(entity) {
    for (const k of NAME_KEYS) {
      const v = entity.props[k];
      if (v !== null && v !== undefined && String(v).trim() !== "") return String(v);
    }
    for (const k of Object.keys(entity.props)) {
      const v = entity.props[k];
      if (!k.startsWith("_") && k !== "styles" && typeof v === "string" && v.trim() !== "") return v;
    }
    return Aide.human(entity.id);
  }
  Aide.entityName = nameOf;

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
   * that holds it. Groups that already hold a target of this type come first.
   */
  function choices(snapshot, type) {
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
      const label = !holder || holder.display === "page" ? "Blocks" : nameOf(holder);
      const key = holder && holder.display !== "page" ? holder.id : "";
      if (!groups.has(key)) groups.set(key, { label, items: [] });
      groups.get(key).items.push({ id: e.id, label: nameOf(e).slice(0, 60) });
      n++;
    }
    return Array.from(groups.values());
  }

  function select(snapshot, type, aria, none, chosen, focusKey) {
    const box = el("select");
    box.setAttribute("aria-label", aria);
    box.dataset.focus = focusKey;
    const blank = el("option", "", none);
    blank.value = "";
    box.appendChild(blank);
    choices(snapshot, type).forEach((g) => {
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
    return box;
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
    const title = el("h2", "", `Links from “${nameOf(entity).slice(0, 60)}”`);
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
      item.appendChild(el("span", "", nameOf(snapshot.entities[to])));
      const remove = Aide.button("Remove", "tool");
      remove.setAttribute("aria-label", `Remove ${nameOf(snapshot.entities[to])} from ${name}`);
      remove.dataset.focus = "remove-" + type + "-" + to;
      remove.addEventListener("click", () => unlink(type, to));
      item.appendChild(remove);
      list.appendChild(item);
    });
    group.appendChild(list);
    const add = select(snapshot, type, "Add to " + name, "Add…", "", "type-" + type);
    add.addEventListener("change", () => { if (add.value) link(type, add.value, "type-" + type); });
    group.appendChild(add);
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
    [["many_to_one", "to one item"], ["many_to_many", "to several items"]].forEach(([value, label]) => {
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

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function tell(text, kind) {
    const note = dialog.querySelector("[data-links-note]");
    if (note) { note.textContent = text; note.dataset.kind = kind || ""; }
    Aide.say(text, kind === "error" ? "error" : "done");
  }

  async function apply(events, done, focus) {
    const answer = await Aide.send(events);
    if (!answer.ok) { await draw(focus); tell(answer.message, "error"); return false; }
    await draw(focus);
    tell(done);
    return true;
  }

  // ---------- changes, each one batch ----------

  async function link(type, to, focus) {
    const snapshot = await Aide.model();
    const cardinality = (snapshot.rel_cardinalities || {})[type] || "many_to_one";
    const events = [{ t: "rel.set", from: source, to, type, cardinality }];
    showInTable(snapshot, type, events);
    await apply(events, `${Aide.human(type)}: ${nameOf(snapshot.entities[to])}.`, focus);
  }

  async function unlink(type, to) {
    const snapshot = await Aide.model();
    await apply([{ t: "rel.remove", from: source, to, type }],
      `Removed ${nameOf(snapshot.entities[to])} from ${Aide.human(type)}.`, "type-" + type);
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
    const events = [{ t: "rel.set", from: source, to, type, cardinality: (snapshot.rel_cardinalities || {})[type] || cardinality }];
    showInTable(snapshot, type, events);
    if (await apply(events, `Linked: ${Aide.human(type)} ${nameOf(snapshot.entities[to])}.`, "type-" + type)) asked = null;
  }

  /** A table that lists its columns (`_show_fields`) gets the new link's column too, in the same batch. */
  function showInTable(snapshot, type, events) {
    const table = live(snapshot, snapshot.entities[source].parent);
    const shown = table && Array.isArray(table.props._show_fields) ? table.props._show_fields : null;
    if (shown && !shown.includes(type)) events.push({ t: "entity.update", ref: table.id, p: { _show_fields: shown.concat([type]) } });
  }
})();
