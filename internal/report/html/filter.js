// Filters the findings by severity, rule (or category), node (or role
// group) and text; the state lives in the address's fragment
// (#sev=error,warning&rule=r:SL-PASS-003&node=n:compute1&q=...), so a
// filtered view can be linked. Without this script every finding shows.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var list = function (a, name) { try { return JSON.parse(a.getAttribute(name) || "[]"); } catch (e) { return []; } };
  var counter = document.getElementById("shown");
  var allText = counter.textContent;
  var findings = Array.prototype.map.call(document.querySelectorAll("article.finding"), function (a) {
    return {
      el: a, sev: a.getAttribute("data-sev"), rule: "r:" + a.getAttribute("data-rule"), cat: "c:" + a.getAttribute("data-cat"),
      nodes: list(a, "data-nodes").concat(list(a, "data-groups")), text: a.textContent.toLowerCase()
    };
  });
  var boxes = form.querySelectorAll("input[name=sev]");

  function state() {
    var s = { sev: {}, on: [], rule: form.rule.value, node: form.node.value, q: form.q.value.trim().toLowerCase() };
    each(boxes, function (c) { s.sev[c.value] = c.checked; if (c.checked) { s.on.push(c.value); } });
    return s;
  }
  function matches(f, s) {
    return s.sev[f.sev] && (!s.rule || s.rule === f.rule || s.rule === f.cat) &&
      (!s.node || f.nodes.indexOf(s.node) >= 0) && (!s.q || f.text.indexOf(s.q) >= 0);
  }
  function apply() {
    var s = state(), shown = 0;
    findings.forEach(function (f) { var ok = matches(f, s); f.el.hidden = !ok; if (ok) { shown++; } });
    each(document.querySelectorAll(".rule-group, .sev-section"), function (g) {
      g.hidden = !g.querySelector("article.finding:not([hidden])");
    });
    counter.textContent = shown === findings.length ? allText : "showing " + shown + " of " + findings.length;
    save(s);
  }
  function save(s) {
    var p = [];
    if (s.on.length !== boxes.length) { p.push("sev=" + s.on.join(",")); }
    if (s.rule) { p.push("rule=" + encodeURIComponent(s.rule)); }
    if (s.node) { p.push("node=" + encodeURIComponent(s.node)); }
    if (s.q) { p.push("q=" + encodeURIComponent(s.q)); }
    var hash = p.length ? "#" + p.join("&") : "";
    if (hash === location.hash || (!hash && location.hash.indexOf("=") < 0)) { return; }
    try { history.replaceState(null, "", hash || location.pathname + location.search); } catch (e) { /* file: URLs in some browsers */ }
  }
  function load() {
    var h = location.hash.slice(1);
    if (h.indexOf("=") < 0) { return; }
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("="), k = kv.slice(0, i), v;
      try { v = decodeURIComponent(kv.slice(i + 1)); } catch (e) { return; }
      if (k === "sev") { each(boxes, function (c) { c.checked = v.split(",").indexOf(c.value) >= 0; }); }
      if (k === "rule" || k === "node" || k === "q") { form[k].value = v; }
    });
  }
  function pick(node, rule) {
    each(boxes, function (c) { c.checked = c.value !== "suppressed"; });
    form.node.value = node;
    form.rule.value = rule;
    form.q.value = "";
    apply();
    document.getElementById("findings").scrollIntoView();
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  document.querySelector("table.fleet").addEventListener("click", function (e) {
    var a = e.target.closest("a[data-node]");
    if (a) { e.preventDefault(); pick(a.getAttribute("data-node"), a.getAttribute("data-rule") || ""); }
  });
  load();
  apply();
}());
