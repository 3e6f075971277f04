// The editor's live preview: while a moderator types, post the form to
// the preview address (at most every 300 ms) and show the answer the
// server rendered. Without this script the Preview button does the same
// with a page load. Written for this page; no library.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  var out = document.getElementById("preview");
  if (!form || !out) { return; }
  var timer = null, seq = 0;
  function refresh() {
    var mine = ++seq;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.dataset.preview, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRF-Token": form.elements.csrf.value }
    }).then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        // Only the latest request's answer is shown; the server escaped it.
        if (mine === seq) { out.innerHTML = html; out.dataset.seq = String(mine); }
      })
      .catch(function () { /* the Preview button still works */ });
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
})();
