// The editor page's one start: finds the editor, names the aide, and holds the little helpers
// every editor script shares. It loads first; the others read window.Aide and stop where there is
// no editor.
(function () {
  "use strict";

  const root = document.querySelector(".editor");
  if (!root) return;
  const Aide = window.Aide = window.Aide || {};
  Aide.root = root;
  Aide.aideId = root.dataset.aide;

  // An element with an optional class and text (textContent: never markup).
  Aide.el = function (tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // A dialog's changes (columns, links): each one batch through the outbox, the answer said in
  // the dialog's note and in the status region, and the dialog drawn again from the snapshot
  // after it. A dialog whose fields hold what the person typed is not redrawn after a refusal.
  Aide.dialogChanges = function (noteSelector, dialog, draw, redrawOnRefusal) {
    function tell(text, kind) {
      const note = dialog().querySelector(noteSelector);
      if (note) { note.textContent = text; note.dataset.kind = kind || ""; }
      Aide.say(text, kind === "error" ? "error" : "done");
    }
    async function apply(events, done, focus) {
      const answer = await Aide.send(events);
      if (!answer.ok) {
        if (redrawOnRefusal) await draw(focus);
        tell(answer.message, "error");
        return false;
      }
      // The outbox told the page this version exists, so draw() reads the snapshot after it.
      await draw(focus);
      tell(done);
      return true;
    }
    return { tell, apply };
  };
})();
