(function () {
  "use strict";
  // Data comes from a JSON block (never evaluated as code); paper text is only written via textContent.
  var DATA = JSON.parse(document.getElementById("texlint-data").textContent);
  var byId = {};
  DATA.findings.forEach(function (f) { byId[f.id] = f; });

  var rows = Array.prototype.slice.call(document.querySelectorAll("#ftable tbody tr"));
  var sel = {
    sev: document.getElementById("f-sev"), cat: document.getElementById("f-cat"),
    rule: document.getElementById("f-rule"), file: document.getElementById("f-file"),
    text: document.getElementById("f-text")
  };
  var countEl = document.getElementById("f-count");
  var haystack = rows.map(function (r) { return r.textContent.toLowerCase(); });

  function applyFilters() {
    var sev = sel.sev.value, cat = sel.cat.value, rule = sel.rule.value, file = sel.file.value;
    var words = sel.text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (r, i) {
      var ok = (!sev || r.dataset.sev === sev) && (!cat || r.dataset.cat === cat) &&
               (!rule || r.dataset.rule === rule) && (!file || r.dataset.file === file) &&
               words.every(function (w) { return haystack[i].indexOf(w) !== -1; });
      r.hidden = !ok;
      if (ok) shown++;
    });
    countEl.textContent = shown + " of " + rows.length + " shown";
  }
  ["sev", "cat", "rule", "file"].forEach(function (k) { sel[k].addEventListener("change", applyFilters); });
  sel.text.addEventListener("input", applyFilters);
  document.getElementById("filters").addEventListener("submit", function (ev) { ev.preventDefault(); });
  document.getElementById("f-reset").addEventListener("click", function () {
    ["sev", "cat", "rule", "file", "text"].forEach(function (k) { sel[k].value = ""; });
    applyFilters();
  });
  Array.prototype.forEach.call(document.querySelectorAll(".area-filter"), function (b) {
    b.addEventListener("click", function () {
      var cat = b.dataset.cat;
      sel.cat.value = cat;  // every area is an option: an area without findings shows none
      applyFilters();
      document.getElementById("findings").scrollIntoView({block: "start"});
    });
  });

  // Jump from a finding to its line: open the file, scroll, mark the line and focus the span.
  var current = null;
  function reveal(targetId, findingId) {
    if (!targetId) return false;
    var line = document.getElementById(targetId);
    if (!line) return false;
    var details = line.closest("details");
    if (details && !details.open) details.open = true;
    if (current) current.classList.remove("current");
    line.classList.add("current");
    current = line;
    var mark = null;
    if (findingId !== undefined && findingId !== null) {
      var marks = document.querySelectorAll("mark.hl");
      for (var i = 0; i < marks.length && !mark; i++) {
        if ((" " + marks[i].dataset.f + " ").indexOf(" " + findingId + " ") !== -1) mark = marks[i];
      }
    }
    if (history.replaceState) history.replaceState(null, "", "#" + targetId);
    line.scrollIntoView({block: "center"});
    if (mark) {
      if (!mark.hasAttribute("tabindex")) mark.setAttribute("tabindex", "-1");
      mark.focus({preventScroll: true});
    }
    return true;
  }
  rows.forEach(function (r) {
    function go(ev) {
      rows.forEach(function (o) { o.classList.remove("selected"); });
      r.classList.add("selected");
      if (reveal(r.dataset.target, r.dataset.id) && ev) ev.preventDefault();
    }
    r.addEventListener("click", go);
    r.addEventListener("mouseenter", function () {
      var rule = DATA.rules[r.dataset.rule];
      if (rule && rule.summary && !r.title) r.title = rule.summary;
    });
    r.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") go(ev);
      else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        var sib = r;
        do { sib = ev.key === "ArrowDown" ? sib.nextElementSibling : sib.previousElementSibling; } while (sib && sib.hidden);
        if (sib) { sib.focus(); ev.preventDefault(); }
      }
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("a.jump"), function (a) {
    a.addEventListener("click", function (ev) {
      var id = a.getAttribute("href").slice(1);
      if (reveal(id, a.dataset.id)) ev.preventDefault();
    });
  });

  // Tooltip: the findings of a highlighted span, on hover and on keyboard focus.
  var tip = document.getElementById("tip");
  var tipFor = null;
  function showTip(mark) {
    var ids = (mark.dataset.f || "").split(" ").filter(Boolean);
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    ids.forEach(function (id) {
      var f = byId[id];
      if (!f) return;
      var row = document.createElement("div");
      row.className = "t-row";
      var pill = document.createElement("span");
      pill.className = "pill sev-" + f.sev;
      pill.textContent = f.sev;
      var code = document.createElement("span");
      code.className = "t-code";
      code.textContent = f.rule + " " + f.name;
      var msg = document.createElement("div");
      msg.textContent = f.msg;
      row.appendChild(pill); row.appendChild(code); row.appendChild(msg);
      if (f.q) {
        var q = document.createElement("div");
        q.className = "t-q";
        q.textContent = "Reviewer: " + f.q;
        row.appendChild(q);
      }
      tip.appendChild(row);
    });
    if (!tip.firstChild) return;
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var top = window.scrollY + r.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.top = top + "px";
    tip.style.left = left + "px";
    if (tipFor) tipFor.classList.remove("active");
    mark.classList.add("active");
    mark.setAttribute("aria-describedby", "tip");
    tipFor = mark;
  }
  function hideTip() {
    tip.hidden = true;
    if (tipFor) { tipFor.classList.remove("active"); tipFor.removeAttribute("aria-describedby"); }
    tipFor = null;
  }
  document.addEventListener("mouseover", function (ev) {
    var m = ev.target.closest && ev.target.closest("mark.hl");
    if (m) showTip(m); else if (tipFor && document.activeElement !== tipFor) hideTip();
  });
  document.addEventListener("focusin", function (ev) {
    var m = ev.target.closest && ev.target.closest("mark.hl");
    if (m) showTip(m); else hideTip();
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hideTip(); });

  applyFilters();
  if (location.hash) {
    var t = document.getElementById(location.hash.slice(1));
    if (t && t.classList.contains("ln")) reveal(t.id);
  }
})();
