// A−/A+ on stories: five steps of text size, remembered in localStorage (never a cookie,
// so nothing of it reaches the server). The size is a CSS custom property on <html>, set as
// soon as this deferred script runs, before the page's first full paint in practice; the
// buttons are hidden in the HTML and shown here, since without JavaScript they do nothing.
(function () {
  "use strict";
  var STEPS = [0.9, 1, 1.12, 1.25, 1.4];
  var NORMAL = 1;
  var KEY = "masthead:text-size";
  var root = document.documentElement;

  function remembered() {
    try {
      var step = parseInt(window.localStorage.getItem(KEY), 10);
      return step >= 0 && step < STEPS.length ? step : NORMAL;
    } catch (error) {
      return NORMAL; // storage refused (private mode, blocked): normal size
    }
  }

  function remember(step) {
    try {
      if (step === NORMAL) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, String(step));
    } catch (error) { /* the size holds for this page only */ }
  }

  var step = remembered();
  function apply() {
    root.style.setProperty("--text-scale", String(STEPS[step]));
  }
  apply();

  var group = document.querySelector(".text-size");
  if (!group) return;
  var buttons = group.querySelectorAll("button[data-text-size]");

  // aria-disabled rather than disabled: a button that becomes disabled drops keyboard focus.
  function showLimits() {
    Array.prototype.forEach.call(buttons, function (button) {
      var next = step + parseInt(button.getAttribute("data-text-size"), 10);
      button.setAttribute("aria-disabled", String(next < 0 || next >= STEPS.length));
    });
  }

  group.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-text-size]");
    if (!button) return;
    var next = step + parseInt(button.getAttribute("data-text-size"), 10);
    if (next < 0 || next >= STEPS.length) return;
    step = next;
    apply();
    remember(step);
    showLimits();
  });
  showLimits();
  group.hidden = false;
})();
