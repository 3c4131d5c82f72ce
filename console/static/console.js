// Live inbox: asks the server every second for the queue and the open conversation, and
// redraws them. Texts go in with textContent only (never as HTML).
(function () {
  "use strict";
  var root = document.getElementById("inbox");
  if (!root) { return; }
  var selected = root.dataset.selected;
  var url = root.dataset.poll + (selected ? "?h=" + encodeURIComponent(selected) : "");
  var L = root.dataset;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function drawRequests(list) {
    var ul = document.getElementById("requests");
    ul.replaceChildren();
    list.forEach(function (r) {
      var li = el("li", "request" + (r.urgent ? " urgent" : "") + (String(r.id) === selected ? " current" : ""));
      li.dataset.id = r.id;
      var a = el("a");
      a.href = r.url;
      if (r.urgent) { a.appendChild(el("b", "flag", L.urgentLabel)); a.appendChild(document.createTextNode(" ")); }
      var parts = ["#" + r.id, r.medium, r.lang, r.need || "-", r.place || r.country || "-", r.waiting_min + " " + L.minutesLabel];
      if (r.claimed_by) { parts.push(L.claimedLabel + " " + r.claimed_by); }
      a.appendChild(document.createTextNode(parts.join(" · ")));
      li.appendChild(a);
      ul.appendChild(li);
    });
  }

  function drawConversation(messages) {
    var ol = document.getElementById("conversation");
    if (!ol) { return; }
    ol.replaceChildren();
    messages.forEach(function (m) {
      var li = el("li", "msg " + m.author + (m.danger ? " danger" : "") + (m.error ? " failed" : ""));
      li.dataset.id = m.id;
      li.appendChild(el("span", "at", m.at + (m.staff ? " " + m.staff : "")));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "text", m.text));
      if (m.error) { li.appendChild(el("b", "error", " " + L.failedLabel + ": " + m.error)); }
      ol.appendChild(li);
    });
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        drawRequests(data.requests);
        if (data.conversation) { drawConversation(data.conversation); }
        if (data.closed) { root.dataset.closed = "1"; }
      })
      .catch(function () { /* the next tick tries again */ })
      .finally(function () { window.setTimeout(poll, 1000); });
  }
  window.setTimeout(poll, 1000);

  document.querySelectorAll(".saved-reply").forEach(function (b) {
    b.addEventListener("click", function () {
      var box = document.getElementById("reply-text");
      box.value = b.dataset.text;
      box.focus();
    });
  });
})();
