// The header's date and weather on pages that are not re-rendered through the day: the
// line is fetched from a small published fragment (/today.html, /my/today.html). Without
// JavaScript, or when the fetch fails, the line stays empty; its height is reserved in CSS.
(function () {
  "use strict";
  var slot = document.querySelector(".masthead__facts[data-today]");
  if (!slot || !window.fetch || !window.DOMParser) return;
  fetch(slot.getAttribute("data-today"), { credentials: "omit" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    })
    .then(function (html) {
      var fragment = new DOMParser().parseFromString(html, "text/html").body;
      var date = fragment.querySelector("time.masthead__date");
      if (!date) return;
      slot.replaceChildren.apply(slot, Array.prototype.map.call(fragment.childNodes, function (node) {
        return document.importNode(node, true);
      }));
    })
    .catch(function () { /* no line rather than a broken one */ });
})();
