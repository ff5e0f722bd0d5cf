// The export page while the download is being made: asks the status URL now and then and updates the box in
// place (its text is in an aria-live region), instead of reloading the whole page, which would take a screen
// reader back to the top every time. Without JavaScript the "Refresh" link in the box reloads the page once.
(function () {
  "use strict";
  var box = document.getElementById("export-status");
  if (!box || !window.fetch) return;
  var url = box.getAttribute("data-status-url");
  var text = box.querySelector("[data-status-text]");
  var help = box.querySelector("[data-status-help]");
  var download = box.querySelector("[data-status-download]");
  var delay = 3000;
  var started = Date.now();

  function finish(data) {
    text.textContent = data.text;
    if (help) help.hidden = true;
    if (data.download_url) {
      var link = document.createElement("a");
      link.className = "button";
      link.href = data.download_url;
      link.setAttribute("download", "");
      link.textContent = data.download_text;
      download.appendChild(link);
      box.className = "card";
    } else {
      box.className = "warning warning-alert";
    }
    // The "Refresh" link stays: the reloaded page offers a new download (or a new try).
  }

  function ask() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) {
        if (data.in_progress) {
          // Slower after the first minute: a long export need not be asked about every few seconds.
          if (Date.now() - started > 60000) delay = 10000;
          window.setTimeout(ask, delay);
        } else {
          finish(data);
        }
      })
      .catch(function () {
        window.setTimeout(ask, 10000); // a moment offline; the Refresh link is still there
      });
  }

  window.setTimeout(ask, delay);
})();
