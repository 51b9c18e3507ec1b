// Refreshes the article form's reading-time panel while the editor writes. The server
// counts (masthead.burmese), so Burmese syllables are counted by one rule everywhere.
(() => {
  const panel = document.querySelector("[data-reading-time]");
  const form = panel && panel.closest("form");
  if (!form) return;
  const endpoint = panel.dataset.endpoint || "/admin/masthead/reading-time/";
  let timer = null;

  const storyText = () => {
    const parts = [];
    form.querySelectorAll('input[name="title"], textarea[name="standfirst"]').forEach((field) => {
      parts.push(field.value);
    });
    form.querySelectorAll('[data-contentpath="body"] [contenteditable="true"], [data-contentpath="body"] textarea')
      .forEach((field) => parts.push(field.innerText || field.value || ""));
    return parts.join("\n\n");
  };

  const refresh = async () => {
    const body = new FormData();
    body.append("text", storyText());
    const token = form.querySelector('input[name="csrfmiddlewaretoken"]');
    const response = await fetch(endpoint, {
      method: "POST",
      body,
      headers: token ? { "X-CSRFToken": token.value } : {},
      credentials: "same-origin",
    });
    if (!response.ok) return;
    const figures = await response.json();
    panel.querySelector("[data-reading-minutes]").textContent = figures.minutes;
    panel.querySelector("[data-reading-syllables]").textContent = figures.syllables;
    panel.querySelector("[data-reading-words]").textContent = figures.words;
  };

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 800);
  });
})();
