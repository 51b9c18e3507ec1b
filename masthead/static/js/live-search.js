/* Live search in the header: the top five stories while the reader types, following the
   ARIA combobox pattern (a text box that controls a list box). Without this script the box
   is a plain form that opens the search page. */
(function () {
  "use strict";

  var DELAY_MS = 200;

  function setUp(form) {
    var input = form.querySelector("input[name=q]");
    var endpoint = form.getAttribute("data-live");
    if (!input || !endpoint || !window.fetch) return;

    var listId = input.id + "-results";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "site-search__results";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.getAttribute("aria-label") || "");
    list.hidden = true;
    form.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    var timer = null;
    var controller = null;
    var active = -1;
    var shown = "";
    var answers = {};

    function options() {
      return list.querySelectorAll("[role=option]:not([aria-disabled=true])");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      for (var i = 0; i < items.length; i++) {
        items[i].setAttribute("aria-selected", i === active ? "true" : "false");
      }
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function option(id, href, title, date) {
      var item = document.createElement("li");
      item.id = listId + "-" + id;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.className = "site-search__option";
      var link = document.createElement("a");
      link.href = href;
      link.tabIndex = -1;
      link.textContent = title;
      item.appendChild(link);
      if (date) {
        var when = document.createElement("span");
        when.className = "site-search__date";
        when.textContent = date;
        item.appendChild(when);
      }
      item.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep the focus in the box until the link opens
      });
      item.addEventListener("click", function () {
        window.location.href = href;
      });
      return item;
    }

    function render(query, answer) {
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      var results = (answer && answer.results) || [];
      if (!results.length) {
        var none = document.createElement("li");
        none.id = listId + "-none";
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        none.className = "site-search__none";
        none.textContent = form.getAttribute("data-no-result") || "";
        list.appendChild(none);
      }
      results.forEach(function (story, index) {
        list.appendChild(option(index, story.url, story.title, story.date));
      });
      var all = form.action + "?q=" + encodeURIComponent(query);
      var viewAll = option("all", all, form.getAttribute("data-view-all") || "", "");
      viewAll.className += " site-search__all";
      list.appendChild(viewAll);
      shown = query;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function look(query) {
      if (answers[query]) {
        render(query, answers[query]);
        return;
      }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var url = endpoint + "?q=" + encodeURIComponent(query);
      fetch(url, { signal: controller ? controller.signal : undefined, credentials: "omit" })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (answer) {
          answers[query] = answer;
          if (input.value === query) render(query, answer);
        })
        .catch(function () {
          /* offline, refused or rate-limited: the form still works */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value;
      if (!query.trim()) {
        close();
        return;
      }
      timer = window.setTimeout(function () {
        look(query);
      }, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open && shown) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open) highlight(active - 1);
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        } else {
          input.value = "";
        }
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        var link = options()[active].querySelector("a");
        if (link) window.location.href = link.href;
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
    input.addEventListener("focus", function () {
      if (shown && input.value === shown) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    });
  }

  function start() {
    var forms = document.querySelectorAll("form.site-search[data-live]");
    for (var i = 0; i < forms.length; i++) setUp(forms[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
