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
})();
