// The editor's publish panel: Publish shows its state (publishing, then done or failed) and the page's
// link; the checkbox turns "keep the published page up to date" on and off. Without this script
// the form still publishes and the versions page does the rest.
(function () {
  "use strict";

  const panel = document.querySelector("[data-publish-panel]");
  if (!panel) return;
  const aideId = panel.dataset.aide;
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

  function showLink(text, url) {
    link.textContent = text + " ";
    if (url) {
      const a = document.createElement("a");
      a.href = url;
      a.textContent = url;
      a.rel = "noopener";
      a.target = "_blank";
      link.appendChild(a);
    }
  }

  async function json(url, options) {
    const response = await fetch(url, Object.assign({ headers: { "Accept": "application/json" } }, options));
    const body = await response.json().catch(() => ({}));
    return { ok: response.ok, body };
  }

  async function refresh() {
    const before = publishes;
    const { ok, body } = await json(`/aides/${aideId}/versions`);
    if (!ok || publishes !== before) return;
    if (body.published && body.versions.length) {
      showLink(`Version ${body.versions[0].version} is live at`, body.url);
      auto.hidden = false;
      autoBox.checked = !!body.auto_publish;
    } else {
      auto.hidden = true;
    }
  }

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
  });

  const published = new URLSearchParams(location.search).get("published");
  if (published) {
    steps.hidden = false;
    step("done", "done");
    history.replaceState(null, "", location.pathname);
  }
  refresh();
})();
