// Photos: pick a file, take one with the phone's camera, drop one on the page or paste it. Each
// upload shows its progress in the status line; once stored, an image block pointing at it
// ("upload:<id>") is added as one batch. Every photo block gets a field for its alt text.
(function () {
  "use strict";

  const Aide = window.Aide;
  if (!Aide || !Aide.root) return;
  const page = Aide.page;
  const TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"];

  Aide.NEW_BLOCKS.photo = { label: "Photo from this device", upload: "pick" };
  Aide.NEW_BLOCKS.camera = { label: "Take a photo", upload: "camera" };

  /** Called by "add a block": choose the file, then upload it into `parent` at `at`. */
  Aide.addPhoto = function (how, parent, at) {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = TYPES.join(",");
    if (how === "camera") input.capture = "environment";
    input.hidden = true;
    input.dataset.photoInput = how;
    input.addEventListener("change", () => {
      Array.from(input.files || []).forEach((file) => upload(file, parent, at));
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  };

  function pageEntity() {
    const article = page.querySelector("article[data-entity]");
    return article ? article.dataset.entity : "root";
  }

  function upload(file, parent, at) {
    const progress = document.createElement("progress");
    progress.max = 100;
    progress.value = 0;
    progress.className = "upload-progress";
    progress.setAttribute("aria-label", "Uploading " + file.name);
    Aide.say("Uploading " + file.name + "…", "waiting");
    document.querySelector("[data-save-bar]").appendChild(progress);
    const form = new FormData();
    form.append("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", "/aides/" + Aide.aideId + "/images");
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) progress.value = Math.round(event.loaded / event.total * 100);
    });
    request.addEventListener("load", () => {
      progress.remove();
      let answer = {};
      try { answer = JSON.parse(request.responseText); } catch (e) { /* a page, not JSON */ }
      if (request.status !== 201) {
        Aide.say(answer.message || "The photo could not be uploaded. Try again.", "error");
        return;
      }
      const id = Aide.newId("photo");
      const events = [{ t: "entity.create", id, parent, display: "image", p: { src: "upload:" + answer.id, alt: "" } }];
      if (at !== null && at !== undefined) events.push({ t: "entity.move", ref: id, parent, position: at });
      Aide.focusAfter({ entity: id, handle: true });
      Aide.change(events, "Photo added. Describe it for people who can't see it, below the photo.");
    });
    request.addEventListener("error", () => {
      progress.remove();
      Aide.say("The photo could not be uploaded: the connection dropped. Try again.", "error");
    });
    request.send(form);
  }

  function imageFiles(list) {
    return Array.from(list || []).filter((file) => TYPES.includes(file.type) || /^image\//.test(file.type));
  }

  page.addEventListener("dragover", (event) => {
    if (event.dataTransfer && Array.from(event.dataTransfer.types || []).includes("Files")) {
      event.preventDefault();
      page.classList.add("dropping");
    }
  });
  page.addEventListener("dragleave", () => page.classList.remove("dropping"));
  page.addEventListener("drop", (event) => {
    const files = imageFiles(event.dataTransfer && event.dataTransfer.files);
    page.classList.remove("dropping");
    if (!files.length) return;
    event.preventDefault();
    files.forEach((file) => upload(file, pageEntity(), null));
  });
  document.addEventListener("paste", (event) => {
    const files = imageFiles(event.clipboardData && event.clipboardData.files);
    if (!files.length) return;
    event.preventDefault();
    files.forEach((file) => upload(file, pageEntity(), null));
  });

  // An image block shows a web address only once it is one (http or https): until then, and to
  // change it, the block has a field for it. Uploaded photos are replaced by adding a new one.
  Aide.onDecorate((scope) => {
    scope.querySelectorAll(".img[data-entity]").forEach((block) => {
      const img = block.querySelector(":scope img");
      if (block.querySelector(":scope > .img-address") || (img && img.getAttribute("srcset"))) return;
      const label = Aide.el("label", "alt-text img-address", "Image address ");
      const input = document.createElement("input");
      input.type = "url";
      input.maxLength = 2000;
      input.value = img ? img.getAttribute("src") : "";
      input.placeholder = "https://…";
      input.addEventListener("change", () => {
        const address = input.value.trim();
        if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(address)) {
          Aide.say("Not saved: an image address starts with https:// (or http://), like https://example.org/photo.jpg.", "error");
          return;
        }
        Aide.change([{ t: "entity.update", ref: block.dataset.entity, p: { src: address } }], "Image address saved.");
      });
      label.appendChild(input);
      block.appendChild(label);
    });
  });

  // The alt text of every photo block: what a screen reader says, and what shows if it can't load.
  Aide.onDecorate((scope) => {
    scope.querySelectorAll(".img[data-entity] img").forEach((img) => {
      const block = img.closest(".img[data-entity]");
      if (block.querySelector(":scope > .alt-text")) return;
      const label = Aide.el("label", "alt-text", "Describe the photo ");
      const input = document.createElement("input");
      input.type = "text";
      input.maxLength = 300;
      input.value = img.getAttribute("alt") || "";
      input.placeholder = "e.g. The kitchen before the work";
      input.addEventListener("change", () => {
        Aide.change([{ t: "entity.update", ref: block.dataset.entity, p: { alt: input.value.trim() } }], "Description saved.");
      });
      label.appendChild(input);
      block.appendChild(label);
    });
  });
})();
