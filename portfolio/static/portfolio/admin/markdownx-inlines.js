/*
 * Wake markdownx editors in inline rows added with "Add another".
 *
 * markdownx initialises every `.markdownx` block once, on page load, and marks each editor
 * with `data-markdownx-init`. Django builds a new inline row by cloning the hidden empty
 * form, mark included, so the new editor would stay a plain textarea without a preview.
 * markdownx exposes no constructor, so: drop the mark in the new row and load markdownx's
 * script once more; it initialises exactly the editors that carry no mark.
 */
"use strict";
document.addEventListener("formset:added", function (event) {
  var editors = event.target.querySelectorAll(".markdownx .markdownx-editor[data-markdownx-init]");
  if (!editors.length) {
    return;
  }
  editors.forEach(function (editor) {
    editor.removeAttribute("data-markdownx-init");
  });
  event.target.querySelectorAll(".markdownx-preview").forEach(function (preview) {
    preview.innerHTML = "";
  });
  var loaded = document.querySelector('script[src*="markdownx/js/markdownx"]');
  if (!loaded) {
    return;
  }
  var script = document.createElement("script");
  script.src = loaded.src;
  script.onload = function () {
    script.remove();
  };
  document.body.appendChild(script);
});
