// A mailed link carries its key after the "#", which a browser never sends to a server: no access log of ours,
// of a proxy or of a load balancer can hold it. This posts the key in the form on the page (with its CSRF
// token) and takes it out of the address bar. Without JavaScript the link can be pasted into the same form.
(function () {
  "use strict";
  var form = document.getElementById("link-form");
  var key = window.location.hash.replace(/^#/, "");
  if (!form || !key) return;
  form.elements.token.value = decodeURIComponent(key);
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  form.submit();
})();
