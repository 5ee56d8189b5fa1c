// Columns of a table (and the fields of lists, checklists and cards): add, rename, reorder,
// hide, remove, and choose each one's kind. A column is a prop key across the rows: a rename
// rewrites the key on every row in one batch. Order and visibility live in the table's
// `_show_fields` hint; kinds in its `_kinds` hint (["wins:number", "paid:yesno"]; docs/editor.md).
(function () {
  "use strict";

  const Aide = window.Aide;
  if (!Aide || !Aide.root) return;
  const el = Aide.el;

  const KIND_LABELS = { text: "Text", number: "Number", money: "Money", date: "Date", time: "Time", yesno: "Yes / no", link: "Link",
    rel: "Points to an item" };
  const MAX_KEY = 64;
  let dialog = null;
  let target = null;   // the entity whose columns are open

  /** "Buy-ins" -> "buy_ins": the prop key a column name is stored under (shown humanized). */
  function keyOf(name) {
    return String(name || "").trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "_").replace(/^_+|_+$/g, "").slice(0, MAX_KEY);
  }

  Aide.keyOf = keyOf;

  function rowsOf(snapshot, id) {
    const entity = snapshot.entities[id];
    if (!entity) return [];
    if (entity.display === "card") return [entity];
    return Aide.liveChildren(snapshot, id).map((c) => snapshot.entities[c]);
  }

  function isTable(snapshot, id) {
    const e = snapshot.entities[id];
    const block = Aide.page.querySelector(`[data-entity="${CSS.escape(id)}"]:not([data-field])`);
    return (e && e.display === "table") || (block && Aide.blockKind(block) === "table");
  }

  /**
   * Shown and hidden columns, in order, and which of them are links (relationship types the rows
   * link by, shown after the props as the renderer does, or columns given the "rel" kind).
   */
  function columns(snapshot, id) {
    const entity = snapshot.entities[id];
    const rows = rowsOf(snapshot, id);
    const all = [];
    rows.forEach((r) => Object.keys(r.props).forEach((k) => {
      if (!k.startsWith("_") && k !== "styles" && !all.includes(k) && (r.props[k] !== null || entity.display !== "card")) all.push(k);
    }));
    const links = new Set();
    const kinds = Aide.kindsOf(entity);
    Object.keys(kinds).forEach((k) => { if (kinds[k] === "rel") links.add(k); });
    rows.forEach((r) => Object.keys(Aide.linksFrom(snapshot, r.id)).forEach((t) => links.add(t)));
    links.forEach((t) => { if (!all.includes(t)) all.push(t); else links.delete(t); });
    const table = isTable(snapshot, id);
    // What an item shows first whatever the hints say (a card's title is its heading, a list
    // item's name, a checklist item's task and box) is listed first and not ordered or hidden.
    const labelKeys = entity.display === "card" ? ["title", "name", "task", "label"]
      : blockKind(snapshot, id) === "checklist" ? ["task", "label", "name", "title"] : ["name", "title"];
    const label = table ? null : labelKeys.find((k) => all.includes(k));
    const fixed = table ? [] : all.filter((k) => k === label || (blockKind(snapshot, id) === "checklist" && (k === "done" || k === "checked")));
    const fields = all.filter((k) => !fixed.includes(k));
    const explicit = Array.isArray(entity.props._show_fields) ? entity.props._show_fields.map(String) : null;
    const hiddenHint = Array.isArray(entity.props._hide_fields) ? entity.props._hide_fields.map(String) : [];
    const shown = explicit ? explicit.filter((k) => !k.startsWith("_") && !fixed.includes(k) && (table || fields.includes(k)))
      : fields.filter((k) => !hiddenHint.includes(k));
    // A card's title is its heading and is renamed there, not here.
    return { fixed: entity.display === "card" ? [] : fixed, shown, hidden: fields.filter((k) => !shown.includes(k)), table,
      explicit: explicit !== null, taken: all.concat(shown.filter((k) => !all.includes(k))), links };
  }

  function blockKind(snapshot, id) {
    const block = Aide.page.querySelector(`[data-entity="${CSS.escape(id)}"]:not([data-field])`);
    return block ? Aide.blockKind(block) : snapshot.entities[id].display;
  }

  function kindsHint(kinds) {
    return Object.keys(kinds).filter((k) => kinds[k] !== "text").map((k) => k + ":" + kinds[k]);
  }

  // ---------- the panel ----------

  Aide.openColumns = async function (id) {
    target = id;
    if (!dialog) build();
    await draw();
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector("input, select, button");
    if (first) first.focus();
  };

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "columns-dialog";
    dialog.setAttribute("aria-labelledby", "columns-title");
    document.body.appendChild(dialog);
    dialog.addEventListener("close", () => {
      const handle = Aide.page.querySelector(`[data-handle-for="${CSS.escape(target)}"]`);
      if (handle) handle.focus();
    });
  }

  async function draw(focus) {
    const snapshot = await Aide.model();
    const entity = snapshot.entities[target];
    if (!entity || entity._removed) { dialog.close(); return; }
    const { fixed, shown, hidden, table, links } = columns(snapshot, target);
    const kinds = Aide.kindsOf(entity);
    links.forEach((k) => { kinds[k] = "rel"; });
    const word = table ? "column" : "field";
    dialog.replaceChildren();
    const head = el("div", "dialog-head");
    const title = el("h2", "", (table ? "Columns of " : "Fields of ") + (entity.props.title || entity.props.name || "this block"));
    title.id = "columns-title";
    const close = Aide.button("Done", "tool");
    close.addEventListener("click", () => dialog.close());
    head.append(title, close);
    dialog.appendChild(head);
    const note = el("p", "field-note");
    note.setAttribute("role", "status");
    note.dataset.columnsNote = "";
    const list = el("ol", "column-list");
    fixed.forEach((key) => list.appendChild(row(key, kinds[key] || "text", { table, fixed: true, shown: true })));
    shown.forEach((key, i) => list.appendChild(row(key, kinds[key] || "text", { table, first: i === 0, last: i === shown.length - 1, shown: true })));
    hidden.forEach((key) => list.appendChild(row(key, kinds[key] || "text", { table, shown: false })));
    dialog.appendChild(list);

    const add = el("form", "column-add");
    const name = el("input");
    name.type = "text";
    name.placeholder = "New " + word + " name";
    name.setAttribute("aria-label", "New " + word + " name");
    name.maxLength = 64;
    name.dataset.focus = "add-name";
    const kind = kindSelect("text", "Kind of the new " + word, true);
    const addButton = Aide.button("Add " + word, "tool");
    addButton.type = "submit";
    add.append(name, kind, addButton);
    add.addEventListener("submit", (event) => { event.preventDefault(); addColumn(name, kind.value, note); });
    dialog.append(add);
    if (Object.values(kinds).includes("money")) dialog.append(currencyField(entity.props._currency));
    dialog.append(note);
    if (focus) {
      const again = dialog.querySelector(`[data-focus="${CSS.escape(focus)}"]`);
      if (again) again.focus();
    }
  }

  function row(key, kind, at) {
    const item = el("li", at.shown ? "" : "hidden-column");
    const name = el("input");
    name.type = "text";
    name.value = Aide.human(key);
    name.maxLength = 64;
    name.setAttribute("aria-label", "Name of " + Aide.human(key));
    name.dataset.focus = "name-" + key;
    name.addEventListener("change", () => rename(key, name));
    name.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); rename(key, name); } });
    const select = kindSelect(kind, "Kind of " + Aide.human(key), kind === "rel");
    select.dataset.focus = "kind-" + key;
    // A link column stays one: its values are links, not props (its targets are set per row).
    select.disabled = kind === "rel";
    select.addEventListener("change", () => setKind(key, select.value));
    item.append(name, select);
    const [before, after] = at.table ? ["left", "right"] : ["up", "down"];
    // The buttons keep to a line of their own on a phone, under the name and kind.
    const actions = el("span", "column-actions");
    if (at.fixed) {
      // Shown first on every item, whatever the order: nothing to move or hide.
    } else if (at.shown) {
      actions.append(action("↑", "Move " + Aide.human(key) + " " + before, "up-" + key, at.first, () => move(key, -1)),
        action("↓", "Move " + Aide.human(key) + " " + after, "down-" + key, at.last, () => move(key, 1)),
        action("Hide", "Hide " + Aide.human(key), "hide-" + key, false, () => visibility(key, false)));
    } else {
      actions.append(action("Show", "Show " + Aide.human(key), "show-" + key, false, () => visibility(key, true)));
    }
    actions.append(action("Remove", "Remove " + Aide.human(key), "remove-" + key, false, () => removeColumn(key)));
    item.append(actions);
    return item;
  }

  function action(label, aria, focus, disabled, run) {
    const b = Aide.button(label, "tool");
    b.setAttribute("aria-label", aria);
    b.dataset.focus = focus;
    b.disabled = disabled;
    b.addEventListener("click", run);
    return b;
  }

  // ---------- money's currency: one per block, its `_currency` hint (docs/editor.md) ----------

  const CURRENCIES = { USD: "US dollar ($)", EUR: "Euro (€)", GBP: "Pound (£)", JPY: "Yen (¥)", CAD: "Canadian dollar (CA$)",
    AUD: "Australian dollar (A$)", NZD: "New Zealand dollar (NZ$)", CHF: "Swiss franc (CHF)", INR: "Rupee (₹)",
    MXN: "Mexican peso (MX$)", BRL: "Real (R$)", SEK: "Swedish krona (SEK)", NOK: "Norwegian krone (NOK)", DKK: "Danish krone (DKK)",
    PLN: "Złoty (PLN)", ZAR: "Rand (ZAR)" };
  const EURO_REGIONS = "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK".split(" ");
  const REGION_CURRENCY = { US: "USD", GB: "GBP", JP: "JPY", CA: "CAD", AU: "AUD", NZ: "NZD", CH: "CHF", IN: "INR", MX: "MXN",
    BR: "BRL", SE: "SEK", NO: "NOK", DK: "DKK", PL: "PLN", ZA: "ZAR" };

  /** The currency of the browser's region, the first guess for a new money field. */
  function localCurrency() {
    let region = "";
    try { region = new Intl.Locale(navigator.language).maximize().region || ""; } catch (e) { region = ""; }
    return EURO_REGIONS.includes(region) ? "EUR" : REGION_CURRENCY[region] || "USD";
  }

  function currencyField(current) {
    const label = el("label", "column-currency", "Currency of money ");
    const select = el("select");
    select.dataset.focus = "currency";
    const none = el("option", "", "None (just the amount)");
    none.value = "";
    select.appendChild(none);
    const codes = Object.keys(CURRENCIES);
    if (current && !codes.includes(current)) codes.push(current);
    codes.forEach((code) => {
      const option = el("option", "", CURRENCIES[code] || code);
      option.value = code;
      option.selected = code === current;
      select.appendChild(option);
    });
    select.addEventListener("change", () => apply([{ t: "entity.update", ref: target, p: { _currency: select.value || null } }],
      select.value ? `Money shows in ${CURRENCIES[select.value] || select.value}.` : "Money shows as plain amounts.", "currency"));
    label.appendChild(select);
    return label;
  }

  function kindSelect(value, aria, links) {
    const select = el("select");
    select.setAttribute("aria-label", aria);
    Object.keys(KIND_LABELS).filter((k) => links !== false || k !== "rel").forEach((k) => {
      const option = el("option", "", KIND_LABELS[k]);
      option.value = k;
      option.selected = k === value;
      select.appendChild(option);
    });
    return select;
  }

  const { tell, apply } = Aide.dialogChanges("[data-columns-note]", () => dialog, draw, false);

  // ---------- changes, each one batch ----------

  async function context() {
    const snapshot = await Aide.model();
    const entity = snapshot.entities[target];
    const cols = columns(snapshot, target);
    const kinds = Aide.kindsOf(entity);
    cols.links.forEach((k) => { kinds[k] = "rel"; });
    return { snapshot, entity, rows: rowsOf(snapshot, target), cols, kinds };
  }

  async function addColumn(input, kind, note) {
    const key = keyOf(input.value);
    if (!key) { tell("A name needs at least one letter or digit. Nothing was added.", "error"); return; }
    const { entity, rows, cols, kinds } = await context();
    if (cols.taken.includes(key)) { tell(`There is already a ${cols.table ? "column" : "field"} called “${Aide.human(key)}”.`, "error"); return; }
    if (!rows.length) { tell("Add a row first: a column lives on the rows.", "error"); return; }
    const list = entity.display !== "card" && !cols.table;
    const blank = kind === "yesno" ? false : list ? "–" : null;
    // A link column has no values to write: each row's links are chosen in its cells.
    const events = kind === "rel" ? [] : rows.map((r) => ({ t: "entity.update", ref: r.id, p: { [key]: blank } }));
    kinds[key] = kind;
    const hints = { _kinds: kindsHint(kinds) };
    if (kind === "money" && !entity.props._currency) hints._currency = localCurrency();
    if (cols.table || cols.explicit) hints._show_fields = cols.shown.concat([key]);
    events.push({ t: "entity.update", ref: target, p: hints });
    if (await apply(events, `Added “${Aide.human(key)}”.`, "add-name")) input.value = "";
  }

  async function rename(oldKey, input) {
    const key = keyOf(input.value);
    if (key === oldKey) return;
    if (!key) { tell("A name needs at least one letter or digit. The name was not changed.", "error"); input.value = Aide.human(oldKey); return; }
    const { snapshot, rows, cols, kinds } = await context();
    if (cols.taken.includes(key)) {
      tell(`There is already a column called “${Aide.human(key)}”. The name was not changed.`, "error");
      input.focus();
      return;
    }
    // Every row, one batch: the value moves to the new key; the old key is emptied. A link
    // column's links are made again under the new type, with the old type's cardinality.
    const events = kinds[oldKey] === "rel" ? relinked(snapshot, rows, oldKey, key)
      : rows.filter((r) => oldKey in r.props)
        .map((r) => ({ t: "entity.update", ref: r.id, p: { [key]: r.props[oldKey], [oldKey]: null } }));
    if (kinds[oldKey]) { kinds[key] = kinds[oldKey]; delete kinds[oldKey]; }
    const hints = { _kinds: kindsHint(kinds) };
    if (cols.table || cols.explicit) hints._show_fields = cols.shown.map((k) => (k === oldKey ? key : k));
    events.push({ t: "entity.update", ref: target, p: hints });
    await apply(events, `Renamed to “${Aide.human(key)}”.`, "name-" + key);
  }

  function relinked(snapshot, rows, oldKey, key) {
    const cardinality = (snapshot.rel_cardinalities || {})[oldKey] || "many_to_one";
    const events = [];
    rows.forEach((r) => (Aide.linksFrom(snapshot, r.id)[oldKey] || []).forEach((to) => {
      events.push({ t: "rel.remove", from: r.id, to, type: oldKey }, { t: "rel.set", from: r.id, to, type: key, cardinality });
    }));
    return events;
  }

  async function setKind(key, kind) {
    const { entity, rows, kinds } = await context();
    if (kind === "rel" || kinds[key] === "rel") {
      tell("A column of values cannot become a column of links, or the other way round. Add a new column instead.", "error");
      await draw("kind-" + key);
      return;
    }
    kinds[key] = kind;
    const events = [];
    rows.forEach((r) => {
      const converted = convert(r.props[key], kind);
      if (converted !== undefined && converted !== r.props[key]) events.push({ t: "entity.update", ref: r.id, p: { [key]: converted } });
    });
    const hints = { _kinds: kindsHint(kinds) };
    if (kind === "money" && !entity.props._currency) hints._currency = localCurrency();
    events.push({ t: "entity.update", ref: target, p: hints });
    await apply(events, `“${Aide.human(key)}” is now ${KIND_LABELS[kind].toLowerCase()}.`, "kind-" + key);
  }

  /** A value as the new kind, where it reads as one; undefined leaves it as it is. */
  function convert(value, kind) {
    if (kind === "yesno") {
      if (typeof value === "boolean") return undefined;
      return /^(yes|y|true|x|✓|1|paid|done)$/i.test(String(value === null || value === undefined ? "" : value).trim());
    }
    if ((kind === "number" || kind === "money") && typeof value === "string") {
      const clean = Aide.plainAmount(value);
      return clean === null ? undefined : Number(clean);
    }
    return undefined;
  }

  async function move(key, step) {
    const { cols } = await context();
    const order = cols.shown.slice();
    const at = order.indexOf(key);
    if (at + step < 0 || at + step >= order.length) return;
    order.splice(at, 1);
    order.splice(at + step, 0, key);
    // The focus stays on the moved column: on the arrow just used, or on the other one when
    // it reached an end (the used one is disabled there).
    const end = at + step === 0 || at + step === order.length - 1;
    const focus = (step < 0) !== end ? "up-" : "down-";
    await apply([{ t: "entity.update", ref: target, p: { _show_fields: order } }],
      `Moved “${Aide.human(key)}” ${step < 0 ? (cols.table ? "left" : "up") : (cols.table ? "right" : "down")}.`, focus + key);
  }

  async function visibility(key, show) {
    const { cols } = await context();
    const order = show ? cols.shown.concat([key]) : cols.shown.filter((k) => k !== key);
    if (!order.length && cols.table) { tell("A table shows at least one column.", "error"); return; }
    await apply([{ t: "entity.update", ref: target, p: { _show_fields: order } }],
      show ? `“${Aide.human(key)}” is shown.` : `“${Aide.human(key)}” is hidden. Its values are kept.`, (show ? "hide-" : "show-") + key);
  }

  async function removeColumn(key) {
    const { snapshot, rows, cols, kinds } = await context();
    if (cols.table && cols.shown.length === 1 && cols.shown[0] === key) { tell("A table shows at least one column.", "error"); return; }
    const events = kinds[key] === "rel"
      ? rows.filter((r) => Aide.linksFrom(snapshot, r.id)[key]).map((r) => ({ t: "rel.remove", from: r.id, type: key }))
      : rows.filter((r) => key in r.props).map((r) => ({ t: "entity.update", ref: r.id, p: { [key]: null } }));
    delete kinds[key];
    const hints = { _kinds: kindsHint(kinds) };
    if (cols.table || cols.explicit) hints._show_fields = cols.shown.filter((k) => k !== key);
    events.push({ t: "entity.update", ref: target, p: hints });
    const ok = await apply(events, `Removed “${Aide.human(key)}”.`, "add-name");
    if (ok) Aide.say(`Removed the column “${Aide.human(key)}”.`, "done", [{ label: "Undo", run: () => Aide.history("undo").then(() => draw()) }]);
  }
})();
