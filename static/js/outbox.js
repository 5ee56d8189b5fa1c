// Every edit leaves the browser through this outbox: one batch of kernel events at a time, in
// order, each with its own batch id. The queue lives in localStorage, so edits made while the
// connection is down (or the tab is reloaded) wait and are sent, in order, when it returns; the
// server answers a batch id it has seen with its first answer, so a retry never applies twice.
(function () {
  "use strict";

  const Aide = window.Aide;
  if (!Aide || !Aide.root) return;
  const aideId = Aide.aideId;
  const key = "aide-outbox:" + aideId;
  // Bounded: a tab that stays offline for a very long time keeps the newest work and says so.
  const MAX_WAITING = 200;
  const pending = new Map();   // batch id -> resolve of the promise its sender waits on
  let queue = load();
  let sending = false;
  let retryTimer = null;
  let retry = 1000;

  function load() {
    try {
      const stored = JSON.parse(localStorage.getItem(key) || "[]");
      return Array.isArray(stored) ? stored.filter((b) => b && b.batch && Array.isArray(b.events)) : [];
    } catch (e) {
      return [];
    }
  }

  function store() {
    try {
      if (queue.length) localStorage.setItem(key, JSON.stringify(queue));
      else localStorage.removeItem(key);
    } catch (e) {
      // Private browsing or a full store: the queue still works for as long as the tab is open.
    }
  }

  function batchId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  /**
   * Queues one batch and resolves, once the server has answered, to
   * {ok, message, sequence}; {queued: true} is reported through Aide.onQueue while it waits.
   */
  Aide.send = function (events, label) {
    if (queue.length >= MAX_WAITING) {
      Aide.say("Too many changes are waiting for the connection. This one was not kept: try again once it is back.", "error");
      return Promise.resolve({ ok: false, message: "Not saved: too many changes are waiting for the connection." });
    }
    const batch = { batch: batchId(), events, label: label || "" };
    queue.push(batch);
    store();
    const answer = new Promise((resolve) => pending.set(batch.batch, resolve));
    flush();
    return answer;
  };

  Aide.waiting = () => queue.length;

  function settle(batch, answer) {
    const resolve = pending.get(batch.batch);
    pending.delete(batch.batch);
    if (resolve) resolve(answer);
    else if (!answer.ok) Aide.say(answer.message, "error");
  }

  async function flush() {
    if (sending || !queue.length) { showWaiting(); return; }
    sending = true;
    clearTimeout(retryTimer);
    try {
      while (queue.length) {
        showWaiting();
        const batch = queue[0];
        const result = await post(batch);
        if (result.retry) {
          retryTimer = setTimeout(flush, retry);
          retry = Math.min(retry * 2, 15000);
          return;
        }
        retry = 1000;
        queue.shift();
        store();
        settle(batch, result);
      }
      showWaiting();
    } finally {
      sending = false;
    }
  }

  async function post(batch) {
    let response;
    try {
      response = await fetch(`/aides/${aideId}/events`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ batch: batch.batch, events: batch.events }),
      });
    } catch (e) {
      Aide.connection("offline");
      return { retry: true };
    }
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) {
      Aide.connection("signed-out");
      return { retry: true };
    }
    if (response.status >= 500 || response.status === 429) {
      Aide.connection("offline");
      return { retry: true };
    }
    Aide.connection("online");
    if (response.ok && Aide.saw) Aide.saw(body.sequence);
    if (response.ok) return { ok: true, sequence: body.sequence, rejected: body.rejected || [] };
    if (body.rejected && body.rejected.length) {
      return { ok: false, message: Aide.plainReason(body.rejected[0].reason) };
    }
    if (response.status === 404) return { ok: false, message: "Not saved: this page no longer exists." };
    return { ok: false, message: "Not saved: " + (body.message || "the change was refused.") };
  }

  function showWaiting() {
    const n = queue.length;
    if (n === 0) { Aide.waitingChanged && Aide.waitingChanged(0); return; }
    Aide.waitingChanged && Aide.waitingChanged(n);
  }

  // Anything that hints the connection is back sends what waits at once.
  Aide.flush = () => { retry = 1000; flush(); };
  window.addEventListener("online", Aide.flush);
  document.addEventListener("DOMContentLoaded", () => { if (queue.length) flush(); });
})();
