// Actor names with their event counts under a search box, as the user types.
(function () {
  "use strict";
  function attach(input) {
    const list = document.createElement("ul");
    list.className = "suggestions";
    list.id = (input.id || "q") + "-suggestions";
    list.hidden = true;
    list.setAttribute("aria-label", "Actors");
    input.setAttribute("aria-controls", list.id);
    input.insertAdjacentElement("afterend", list);
    let timer = null, asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        const text = input.value.trim();
        if (text.length < 2) { list.hidden = true; return; }
        asked = text;
        fetch("/suggest?q=" + encodeURIComponent(text))
          .then(function (response) { return response.ok ? response.text() : ""; })
          .then(function (html) {
            if (asked !== text) return;
            // The server escaped every name; the fragment is dyad's own markup.
            list.innerHTML = html;
            list.hidden = !list.children.length;
          });
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") list.hidden = true;
      if (event.key === "ArrowDown" && !list.hidden) {
        const first = list.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
  }
  window.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-suggest]").forEach(attach);
  });
})();
