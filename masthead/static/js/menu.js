// The section menu, enhanced. Without JavaScript it already works: the phone drawer and the
// dropdowns are <details> elements, which open and close by mouse, touch and keyboard and
// tell screen readers whether they are expanded. This adds what <details> lacks: Escape
// closes the innermost open part and gives focus back to its button, one dropdown at a time
// on a wide screen, closing dropdowns on a click or focus elsewhere, and keeping the
// drawer open on a wide screen in browsers that cannot show a closed <details> by CSS.
(function () {
  "use strict";
  var drawer = document.querySelector(".menu__drawer");
  if (!drawer) return;
  var toggle = drawer.querySelector(".menu__toggle");
  var groups = Array.prototype.slice.call(drawer.querySelectorAll(".menu__group"));
  var wide = window.matchMedia("(min-width: 47.5em)");

  function closeGroups(except) {
    groups.forEach(function (group) {
      if (group !== except) group.open = false;
    });
  }

  function fitWidth() {
    drawer.open = wide.matches;
    closeGroups(null);
  }
  fitWidth();
  if (wide.addEventListener) wide.addEventListener("change", fitWidth);

  groups.forEach(function (group) {
    group.addEventListener("toggle", function () {
      if (group.open && wide.matches) closeGroups(group);
    });
    group.addEventListener("focusout", function (event) {
      if (wide.matches && group.open && !group.contains(event.relatedTarget)) group.open = false;
    });
  });

  document.addEventListener("click", function (event) {
    if (wide.matches && !drawer.contains(event.target)) closeGroups(null);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var focused = document.activeElement;
    var group = focused && focused.closest ? focused.closest(".menu__group[open]") : null;
    if (group) {
      group.open = false;
      group.querySelector("summary").focus();
    } else if (wide.matches && groups.some(function (g) { return g.open; })) {
      closeGroups(null);
    } else if (!wide.matches && drawer.open) {
      drawer.open = false;
      toggle.focus();
    } else {
      return; // not ours: a dialog or the page may want this Escape
    }
    event.preventDefault();
  });
})();
