// The chat beside the page: sends what changed as an AI turn (POST /aides/{id}/turns), shows the
// turn's voice lines as they arrive on the live channel (editor.js re-dispatches non-page frames
// as "aide:frame" events), and offers Stop while a turn runs.
(function () {
  "use strict";

  const Aide = window.Aide;
  const form = document.querySelector("[data-chat-form]");
  if (!Aide || !Aide.root || !form) return;
  const aideId = Aide.aideId;
  const log = document.querySelector("[data-chat-log]");
  const input = form.querySelector("textarea");
  const sendButton = form.querySelector("[data-send]");
  const stopButton = form.querySelector("[data-stop]");
  const errorLine = form.querySelector("[data-chat-error]");
  const turnsLeft = form.querySelector("[data-turns-left]");
  let current = null;   // the running turn's id, when known

  function line(role, text) {
    const item = document.createElement("li");
    item.className = "chat-line chat-" + role;
    item.textContent = text;
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function running(on) {
    stopButton.hidden = !on;
    sendButton.disabled = on;
    form.dataset.running = on ? "true" : "false";
  }

  function showError(text) {
    errorLine.textContent = text || "";
    errorLine.hidden = !text;
  }

  async function send() {
    const message = input.value.trim();
    if (!message) return;
    showError("");
    running(true);
    let response;
    try {
      response = await fetch(`/aides/${aideId}/turns`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ message }),
      });
    } catch (e) {
      running(false);
      showError("Not sent: the connection failed. Try again.");
      return;
    }
    const body = await response.json().catch(() => ({}));
    if (response.status === 202) {
      input.value = "";
      current = body.turn_id;
    } else {
      running(false);
      showError(body.message || "Not sent. Try again.");
    }
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); send(); });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (!sendButton.disabled) send();
    }
  });
  stopButton.addEventListener("click", () => {
    document.dispatchEvent(new CustomEvent("aide:send", { detail: { type: "interrupt" } }));
  });

  document.addEventListener("aide:frame", (event) => {
    const frame = event.detail;
    if (frame.type === "turn.start") {
      current = frame.turn;
      if (frame.message) line("user", frame.message);
      running(true);
    } else if (frame.type === "voice") {
      line("voice", frame.text);
    } else if (frame.type === "turn.error") {
      line("notice", frame.error);
    } else if (frame.type === "turn.end") {
      if (frame.notice) line("notice", frame.notice);
      // The count is the server's, never the browser's: a turn that changed nothing is given
      // back, and another tab may have used one meanwhile.
      if (turnsLeft && typeof frame.turns_left === "number") {
        turnsLeft.textContent = frame.turns_left === 1 ? "1 turn left this week" : frame.turns_left + " turns left this week";
      }
      if (!current || frame.turn === current) { current = null; running(false); }
    }
  });

  // The server marks the form when a turn is running as the page loads (a bare attribute or "true").
  running(form.hasAttribute("data-running") && form.dataset.running !== "false");
})();
