// Audience signals on reader pages, as progressive enhancement: the view beacon, a fresh
// Most read list, "Load more" in place, and relative dates. Without JavaScript the page
// shows what it was rendered with and "Load more" is a plain link.
(function () {
  "use strict";

  // One empty POST per page actually shown: not while prerendered, not in a background tab.
  function sendViewBeacon() {
    var article = document.querySelector("article[data-view-beacon]");
    if (!article || !navigator.sendBeacon) return;
    var sent = false;
    function send() {
      if (sent || document.prerendering || document.visibilityState !== "visible") return;
      sent = true;
      navigator.sendBeacon(article.getAttribute("data-view-beacon"), "");
    }
    document.addEventListener("visibilitychange", send);
    document.addEventListener("prerenderingchange", send);
    send();
  }

  function fetchDocument(url) {
    return fetch(url, { credentials: "omit" }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (html) {
      return new DOMParser().parseFromString(html, "text/html");
    });
  }

  // The sidebar (Recommended, Most read, their counts) as of the last few minutes, from a
  // small published file: an article's own copy is as old as its last render.
  function refreshSidebar() {
    var sidebar = document.querySelector(".sidebar[data-refresh-from]");
    if (!sidebar) return;
    fetchDocument(sidebar.getAttribute("data-refresh-from")).then(function (fresh) {
      var latest = fresh.querySelector(".sidebar");
      if (!latest) return;
      sidebar.replaceChildren.apply(sidebar, Array.from(latest.childNodes, function (node) {
        return document.importNode(node, true);
      }));
      relativeDates(sidebar);
    }).catch(function () { /* keep what the page was rendered with */ });
  }

  // "Load more" appends the next picks in place and moves focus to the first new one.
  function loadMoreInPlace(event) {
    var link = event.target.closest("a.load-more[data-append-to]");
    if (!link) return;
    var list = document.getElementById(link.getAttribute("data-append-to"));
    if (!list) return;
    event.preventDefault();
    link.setAttribute("aria-busy", "true");
    fetchDocument(link.href).then(function (next) {
      var items = next.querySelectorAll("#" + list.id + " > li");
      var first = null;
      items.forEach(function (item) {
        var added = document.importNode(item, true);
        list.appendChild(added);
        first = first || added;
      });
      var further = next.querySelector("a.load-more[data-append-to]");
      if (further) {
        link.href = further.href;
        link.removeAttribute("aria-busy");
      } else {
        link.parentNode.removeChild(link);
      }
      var target = first && first.querySelector("a");
      if (target) target.focus();
    }).catch(function () {
      window.location.href = link.href; // the plain link still works
    });
  }

  // "3 days ago" from the absolute time the file holds, so a published page never ages. The
  // same rule and words as masthead.burmese.relative_time: browsers' own Intl has no Burmese.
  var UNITS = [
    [31536000, "year", "နှစ်"], [2592000, "month", "လ"], [604800, "week", "ပတ်"],
    [86400, "day", "ရက်"], [3600, "hour", "နာရီ"], [60, "minute", "မိနစ်"]
  ];
  function burmeseDigits(number) {
    return String(number).replace(/[0-9]/g, function (d) { return String.fromCharCode(0x1040 + +d); });
  }
  function relativeTime(seconds, burmese) {
    var elapsed = Math.abs(seconds);
    if (elapsed < 60) return burmese ? "ယခုလေးတင်" : "just now";
    for (var i = 0; i < UNITS.length; i++) {
      if (elapsed < UNITS[i][0]) continue;
      var count = Math.floor(elapsed / UNITS[i][0]);
      if (burmese) return burmeseDigits(count) + " " + UNITS[i][2] + (seconds > 0 ? "က" : "အတွင်း");
      var amount = count + " " + UNITS[i][1] + (count === 1 ? "" : "s");
      return seconds > 0 ? amount + " ago" : "in " + amount;
    }
  }
  function relativeDates(within) {
    var burmese = document.documentElement.lang === "my";
    var now = Date.now();
    (within || document).querySelectorAll("time[data-relative][datetime]").forEach(function (element) {
      var at = Date.parse(element.getAttribute("datetime"));
      if (isNaN(at)) return;
      element.title = element.textContent;
      element.textContent = relativeTime((now - at) / 1000, burmese);
    });
  }

  sendViewBeacon();
  relativeDates();
  refreshSidebar();
  document.addEventListener("click", loadMoreInPlace);
})();
