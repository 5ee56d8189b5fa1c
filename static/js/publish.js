// The editor's publish panel: Publish shows its state (publishing, then done or failed) and the page's
// link; the checkbox turns "keep the published page up to date" on and off. The line under it
// always says which version is live and whether the latest changes are in it: it is read again
// after every change the page hears of, and every few seconds while an automatic publish is due.
// Without this script the form still publishes and the versions page does the rest.
(function () {
  "use strict";

  const panel = document.querySelector("[data-publish-panel]");
  const Aide = window.Aide;
  if (!panel || !Aide || !Aide.root) return;
  const aideId = Aide.aideId;
  const form = panel.querySelector("[data-publish-form]");
  const button = form.querySelector("button");
  const steps = panel.querySelector("[data-publish-steps]");
  const link = panel.querySelector("[data-publish-link]");
  const auto = panel.querySelector("[data-publish-auto]");
  const autoBox = panel.querySelector("[data-publish-auto-box]");
  // Rendering and uploading happen in one request, so the browser cannot tell them apart: it
  // shows one honest "Publishing" step until the server answers.
  // Counts publishes started, so the state read as the page loads cannot overwrite a newer one.
  let publishes = 0;
  // While an automatic publish is due, the state is read again this often (and only then).
  const DUE_POLL_MS = 5000;
  // A burst of changes asks for the state once, this long after its last change.
  const SETTLE_MS = 1500;
  let pollTimer = null;
  let settleTimer = null;

  function step(name, state) {
    steps.hidden = false;
    steps.querySelectorAll("li").forEach((li) => {
      const order = ["publishing", "done"];
      const here = order.indexOf(li.dataset.step);
      const current = order.indexOf(name);
      li.className = here < current || (here === current && state === "done") ? "done"
        : here === current ? state : "";
      li.setAttribute("aria-current", here === current ? "step" : "false");
    });
  }

  function showLink(text, url, after) {
    link.textContent = text + " ";
    if (url) {
      const a = document.createElement("a");
      a.href = url;
      a.textContent = url;
      a.rel = "noopener";
      a.target = "_blank";
      link.appendChild(a);
    }
    if (after) {
      const note = document.createElement("span");
      note.className = "publish-behind";
      note.textContent = " " + after;
      link.appendChild(note);
    }
  }

  async function json(url, options) {
    const response = await fetch(url, Object.assign({ headers: { "Accept": "application/json" } }, options));
    const body = await response.json().catch(() => ({}));
    return { ok: response.ok, body };
  }

  async function refresh() {
    const before = publishes;
    clearTimeout(pollTimer);
    let answer;
    try {
      answer = await json(`/aides/${aideId}/versions`);
    } catch (e) {
      return; // offline: the next change asks again
    }
    const { ok, body } = answer;
    if (!ok || publishes !== before) return;
    if (body.published && body.versions.length) {
      // Behind: the draft has changes the live page does not show yet.
      const behind = body.published_sequence != null && body.sequence > body.published_sequence;
      const live = `Version ${body.versions[0].version} is live at`;
      if (!behind) showLink(live, body.url, "It shows your latest changes.");
      else if (body.auto_publish) showLink(live, body.url, "Your latest changes go live by themselves in a few minutes.");
      else showLink(live, body.url, "Your latest changes are not published yet.");
      link.dataset.state = !behind ? "live" : body.auto_publish ? "due" : "behind";
      auto.hidden = false;
      autoBox.checked = !!body.auto_publish;
      if (behind && body.auto_publish) pollTimer = setTimeout(refresh, DUE_POLL_MS);
    } else {
      link.dataset.state = "unpublished";
      auto.hidden = true;
    }
  }

  // A change to the page (from this tab, another one, the AI, a restore) may leave the live page behind.
  document.addEventListener("aide:changed", () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(refresh, SETTLE_MS);
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    publishes++;
    button.disabled = true;
    link.textContent = "";
    step("publishing", "active");
    try {
      const { ok, body } = await json(`/aides/${aideId}/publish`, {
        method: "POST",
        headers: { "Accept": "application/json", "Content-Type": "application/json" },
        body: "{}",
      });
      if (ok) {
        step("done", "done");
        showLink(`Published version ${body.version} at`, body.url);
        link.dataset.state = "published";
        auto.hidden = false;
      } else {
        step("publishing", "failed");
        showLink(body.message || "Not published. Try again in a minute.");
      }
    } catch (e) {
      step("publishing", "failed");
      showLink("Not published: AIde could not be reached. Try again.");
    } finally {
      button.disabled = false;
    }
  });

  autoBox.addEventListener("change", async () => {
    const { ok } = await json(`/aides/${aideId}/auto-publish`, {
      method: "POST",
      headers: { "Accept": "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ on: autoBox.checked }),
    });
    if (!ok) autoBox.checked = !autoBox.checked;
    refresh();
  });

  const published = new URLSearchParams(location.search).get("published");
  if (published) {
    steps.hidden = false;
    step("done", "done");
    history.replaceState(null, "", location.pathname);
  }
  refresh();
})();
