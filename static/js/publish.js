// The editor's publish panel: Publish shows its steps (rendering, uploading, done) and the page's
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
  // Rendering takes milliseconds and happens in the same request as the upload; the step
  // switches to "Uploading" after this long so both are visible.
  const RENDER_MS = 150;
  // Counts publishes started, so the state read as the page loads cannot overwrite a newer one.
  let publishes = 0;

  function step(name, state) {
    steps.hidden = false;
    steps.querySelectorAll("li").forEach((li) => {
      const order = ["rendering", "uploading", "done"];
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
    step("rendering", "active");
    const timer = setTimeout(() => step("uploading", "active"), RENDER_MS);
    try {
      const { ok, body } = await json(`/aides/${aideId}/publish`, {
        method: "POST",
        headers: { "Accept": "application/json", "Content-Type": "application/json" },
        body: "{}",
      });
      clearTimeout(timer);
      if (ok) {
        step("done", "done");
        showLink(`Published version ${body.version} at`, body.url);
        auto.hidden = false;
      } else {
        step("uploading", "failed");
        showLink(body.message || "Not published. Try again in a minute.");
      }
    } catch (e) {
      clearTimeout(timer);
      step("uploading", "failed");
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
