/* The header's "Log in" link, opened as a dialog. Without this script the link is a plain
   link to the edition's login page. With it, the login page is fetched only when the reader
   asks for it (so the CSRF cookie is set only then), and the page's account panel is shown
   in a native modal <dialog>, which keeps focus inside it and closes with Escape. Forms in the
   dialog are posted in place and the answer (errors, the reader's account page, the login
   form again after logging out) replaces the dialog's content. If anything fails, the
   browser simply goes where the link or the form leads. */
(function () {
  "use strict";

  var link = document.querySelector("a[data-login-dialog]");
  if (!link || !window.fetch || !window.DOMParser || !window.FormData) return;
  var dialog = document.createElement("dialog");
  if (typeof dialog.showModal !== "function") return;
  // In a copy of the site the link leads to the live site: let it.
  if (new URL(link.href, window.location.href).origin !== window.location.origin) return;

  var TITLE_ID = "login-dialog-title";
  dialog.className = "login-dialog";
  dialog.setAttribute("aria-labelledby", TITLE_ID);
  dialog.lang = document.documentElement.lang;
  var frame = document.createElement("div");
  frame.className = "login-dialog__frame";
  var close = document.createElement("button");
  close.type = "button";
  close.className = "login-dialog__close";
  close.setAttribute("aria-label", link.getAttribute("data-close") || "Close");
  close.textContent = "\u00d7";
  var body = document.createElement("div");
  body.className = "login-dialog__body";
  frame.appendChild(close);
  frame.appendChild(body);
  dialog.appendChild(frame);
  document.body.appendChild(dialog);

  close.addEventListener("click", function () {
    dialog.close();
  });
  // Escape closes the dialog, wherever focus is. The page's own Escape handlers (the menu's)
  // are for what the dialog covers: they must not see it, nor cancel the dialog's closing.
  window.addEventListener(
    "keydown",
    function (event) {
      if (!dialog.open || (event.key !== "Escape" && event.key !== "Esc")) return;
      event.stopPropagation();
      event.preventDefault();
      dialog.close();
    },
    true
  );
  // A click on the backdrop (outside the frame) closes the dialog too.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });

  function show(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var panel = page.querySelector("[data-account-panel]");
    if (!panel) return false;
    while (body.firstChild) body.removeChild(body.firstChild);
    Array.prototype.forEach.call(panel.childNodes, function (node) {
      body.appendChild(document.importNode(node, true));
    });
    var title = body.querySelector("h1");
    if (title) title.id = TITLE_ID;
    Array.prototype.forEach.call(body.querySelectorAll("form"), postInPlace);
    if (!dialog.open) dialog.showModal();
    var target =
      body.querySelector("[role=alert]") ||
      body.querySelector(".field--error input") ||
      body.querySelector("input:not([type=hidden]):not([type=checkbox])") ||
      title;
    if (target) {
      if (!target.matches("input, button, a")) target.setAttribute("tabindex", "-1");
      target.focus();
    }
    return true;
  }

  function load(url, options) {
    return fetch(url, options).then(function (response) {
      return response.text().then(show);
    });
  }

  function postInPlace(form) {
    var action = new URL(form.getAttribute("action") || link.href, link.href);
    if (action.origin !== window.location.origin) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) {
        data.append(event.submitter.name, event.submitter.value);
      }
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      load(action.href, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (shown) {
          if (!shown) form.submit();
        })
        .catch(function () {
          form.submit();
        });
    });
  }

  link.addEventListener("click", function (event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    load(link.href, { credentials: "same-origin" })
      .then(function (shown) {
        if (!shown) window.location.assign(link.href);
      })
      .catch(function () {
        window.location.assign(link.href);
      });
  });
})();
