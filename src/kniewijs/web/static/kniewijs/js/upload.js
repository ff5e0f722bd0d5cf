// Progressive enhancement for the upload form: drag and drop, and an upload progress bar.
// Without JavaScript the plain form posts the files and the job page shows the import's progress.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var input = form.querySelector("input[type=file]");
  var zone = document.getElementById("dropzone");
  var box = document.getElementById("upload-progress");
  var bar = document.getElementById("upload-bar");
  var percent = document.getElementById("upload-percent");
  var hint = form.querySelector(".js-only");
  var dropped = null;
  if (hint) hint.hidden = false;

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    dropped = event.dataTransfer.files;
    if (input && dropped.length) {
      try { input.files = dropped; } catch (e) { /* older browsers: keep `dropped` for the submit */ }
    }
  });

  form.addEventListener("submit", function (event) {
    var data = new FormData(form);
    if (dropped && input && input.files.length === 0) {
      for (var i = 0; i < dropped.length; i++) data.append(input.name, dropped[i]);
    }
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open("POST", form.action || window.location.href);
    request.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) return;
      var value = Math.round((100 * e.loaded) / e.total);
      box.hidden = false;
      bar.value = value;
      percent.textContent = value;
    });
    request.addEventListener("load", function () {
      // The server answers with the job page (after a redirect) or the form with its errors.
      if (request.responseURL && request.responseURL !== window.location.href) {
        window.location.assign(request.responseURL);
      } else {
        document.open(); document.write(request.responseText); document.close();
      }
    });
    request.addEventListener("error", function () { form.submit(); });
    box.hidden = false;
    request.send(data);
  });
})();
