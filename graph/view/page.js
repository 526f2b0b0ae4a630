(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ng-data").textContent);
  var PAGE = 50;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function safeUrl(url) {
    try {
      var u = new URL(url);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : "";
    } catch (e) { return ""; }
  }
  function fixed(x) { return (typeof x === "number" ? x : 0).toFixed(2); }
  function shorten(text, limit) {
    text = String(text).replace(/\s+/g, " ").trim();
    return text.length <= limit ? text : text.slice(0, limit - 1) + "\u2026";
  }
  function relationLabel(e) { return shorten((e.negated ? "not " : "") + e.relation, 40); }
  function relationHead(e) { return (e.negated ? "NOT " : "") + e.relation + (e.modality ? " (" + e.modality + ")" : ""); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // ---- legend: click a class to hide or show its nodes
  var box = document.getElementById("ng-legend");
  var hidden = {};
  data.legend.forEach(function (item) {
    var row = el("div");
    row.setAttribute("data-class", item.name);
    var sw = el("span", null, "sw");
    sw.style.background = item.colour;
    row.appendChild(sw);
    row.appendChild(document.createTextNode(item.name + " (" + item.count + ")"));
    row.title = "Click to hide or show " + item.name;
    row.addEventListener("click", function () {
      hidden[item.name] = !hidden[item.name];
      row.className = hidden[item.name] ? "off" : "";
      nodes.update(nodes.get({filter: function (n) { return n.group === item.name; }})
        .map(function (n) { return {id: n.id, hidden: !!hidden[item.name]}; }));
    });
    box.appendChild(row);
  });

  // ---- details panel: a node or an edge, built with textContent only
  var details = document.getElementById("ng-details");
  var body = document.getElementById("ng-details-body");
  document.getElementById("ng-close").addEventListener("click", function () {
    details.className = "ng-box"; network.unselectAll(); labelSelection();
  });
  function open() { details.className = "ng-box open"; details.scrollTop = 0; }
  function nodeName(id) { var n = nodes.get(id); return n ? n.fullLabel : String(id); }
  function goToNode(id) {
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 0.8), animation: false});
    showNode(id);
    labelSelection();
  }
  function nodeButton(id) {
    var b = el("button", nodeName(id), "ng-link");
    b.type = "button";
    b.addEventListener("click", function () { goToNode(id); });
    return b;
  }
  function pagedList(list, items, render) {
    var shown = 0;
    var more = el("button", "", "ng-more");
    more.type = "button";
    function next() {
      var end = Math.min(items.length, shown + PAGE);
      for (; shown < end; shown++) list.appendChild(render(items[shown], shown));
      more.textContent = "show " + Math.min(PAGE, items.length - shown) + " more of " + (items.length - shown);
      more.style.display = shown < items.length ? "" : "none";
    }
    more.addEventListener("click", next);
    next();
    return more;
  }
  function showEdge(id) {
    var e = edges.get(id);
    if (!e) return;
    body.replaceChildren();
    var head = relationHead(e);
    body.appendChild(el("h2", head));
    var line = el("div", null, "ng-meta");
    line.appendChild(nodeButton(e.from));
    line.appendChild(document.createTextNode(" \u2192 " + head + " \u2192 "));
    line.appendChild(nodeButton(e.to));
    body.appendChild(line);
    var evidence = e.evidence || [];
    body.appendChild(el("div", "confidence " + fixed(e.confidence) + " \u00b7 " +
      plural(evidence.length, "sentence", "sentences"), "ng-meta"));
    var list = el("ol");
    list.className = "ng-evidence";
    var filterBox = null;
    if (evidence.length > 8) {
      filterBox = el("input");
      filterBox.type = "search";
      filterBox.placeholder = "Filter these sentences…";
      body.appendChild(filterBox);
    }
    body.appendChild(list);
    function renderItem(item) {
      var li = el("li");
      li.appendChild(el("q", item[0]));
      var article = data.articles[item[1]] || {};
      var meta = el("div", null, "ng-meta");
      meta.appendChild(document.createTextNode(item[1] + (article.title ? " \u2014 " + article.title : "") +
        (item[2] ? " \u00b7 " + item[2] : "") + " \u00b7 confidence " + fixed(item[3]) + " "));
      var url = safeUrl(article.url || "");
      if (url) {
        var a = el("a", "source");
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        meta.appendChild(a);
      }
      li.appendChild(meta);
      return li;
    }
    var more = pagedList(list, evidence, renderItem);
    body.appendChild(more);
    if (filterBox) {
      filterBox.addEventListener("input", function () {
        var q = filterBox.value.trim().toLowerCase();
        list.replaceChildren();
        var items = !q ? evidence : evidence.filter(function (item) {
          var article = data.articles[item[1]] || {};
          return (item[0] + " " + item[1] + " " + (article.title || "") + " " + item[2]).toLowerCase().indexOf(q) >= 0;
        });
        var fresh = pagedList(list, items, renderItem);
        body.replaceChild(fresh, more);
        more = fresh;
      });
    }
    open();
  }
  function showNode(id) {
    var n = nodes.get(id);
    if (!n) return;
    body.replaceChildren();
    body.appendChild(el("h2", n.fullLabel));
    var type = el("div", null, "ng-meta");
    var sw = el("span", null, "sw");
    sw.style.background = n.color;
    type.appendChild(sw);
    type.appendChild(document.createTextNode(n.group + " \u00b7 " + plural(n.facts, "fact", "facts")));
    body.appendChild(type);
    if (n.aliases && n.aliases.length) body.appendChild(el("div", "Also: " + n.aliases.join("; "), "ng-meta"));
    if (n.documents && n.documents.length) body.appendChild(el("div", "Articles: " + n.documents.join(", "), "ng-meta"));
    var ids = network.getConnectedEdges(id);
    body.appendChild(el("div", plural(ids.length, "relation", "relations") + " in this view", "ng-meta"));
    var list = el("ul");
    list.className = "ng-relations";
    body.appendChild(list);
    var items = edges.get(ids);
    items.sort(function (a, b) { return (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0); });
    body.appendChild(pagedList(list, items, function (e) {
      var li = el("li");
      var outgoing = e.from === id;
      var b = el("button", (outgoing ? "\u2192 " : "\u2190 ") + relationLabel(e) + (outgoing ? " \u2192 " : " \u2190 ") +
        nodeName(outgoing ? e.to : e.from) + " (" + (e.evidence || []).length + ")", "ng-link");
      b.type = "button";
      b.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); labelSelection(); });
      li.appendChild(b);
      return li;
    }));
    open();
  }

  // ---- tooltips: hover a node or an edge
  var tip = document.getElementById("ng-tip");
  var TIP_SENTENCES = 3;
  function placeTip(pointer) {
    var x = pointer.DOM.x + 14, y = pointer.DOM.y + 14;
    tip.style.display = "block";
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) x = Math.max(4, pointer.DOM.x - w - 14);
    if (y + h > window.innerHeight - 4) y = Math.max(4, window.innerHeight - h - 4);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function nodeTip(n) {
    tip.replaceChildren(el("b", n.fullLabel));
    tip.appendChild(el("div", n.group + " \u00b7 " + plural(n.facts, "fact", "facts")));
    var aliases = n.aliases || [];
    if (aliases.length) tip.appendChild(el("div", "Also: " + aliases.slice(0, 8).join("; ") + (aliases.length > 8 ? " \u2026" : "")));
    var docs = n.documents || [];
    if (docs.length) tip.appendChild(el("div", "Articles: " + docs.slice(0, 5).join(", ") + (docs.length > 5 ? " (+" + (docs.length - 5) + ")" : "")));
  }
  function edgeTip(e) {
    tip.replaceChildren(el("b", nodeName(e.from) + " \u2192 " + relationHead(e) + " \u2192 " + nodeName(e.to)));
    var evidence = e.evidence || [];
    tip.appendChild(el("div", "confidence " + fixed(e.confidence) + " \u00b7 " + plural(evidence.length, "sentence", "sentences")));
    evidence.slice(0, TIP_SENTENCES).forEach(function (item) {
      tip.appendChild(el("div", "\u201c" + shorten(item[0], 240) + "\u201d \u2014 " + item[1] + (item[2] ? ", " + item[2] : "") +
        " (confidence " + fixed(item[3]) + ")", "ng-tip-sentence"));
    });
    if (evidence.length > TIP_SENTENCES) tip.appendChild(el("div", "\u2026 click the edge to read all " + evidence.length, "ng-tip-more"));
  }
  network.on("hoverNode", function (p) { var n = nodes.get(p.node); if (n) { nodeTip(n); placeTip(p.pointer); } });
  network.on("hoverEdge", function (p) { var e = edges.get(p.edge); if (e) { edgeTip(e); placeTip(p.pointer); } });
  function hideTip() { tip.style.display = "none"; }
  ["blurNode", "blurEdge", "dragStart", "zoom", "click"].forEach(function (name) { network.on(name, hideTip); });

  // ---- large views draw edge labels only around the selection
  var labelled = [];
  function labelSelection() {
    if (!data.large) return;
    var wanted = {};
    network.getSelectedNodes().forEach(function (n) {
      network.getConnectedEdges(n).forEach(function (e) { wanted[e] = true; });
    });
    network.getSelectedEdges().forEach(function (e) { wanted[e] = true; });
    var updates = labelled.filter(function (e) { return !wanted[e]; })
      .map(function (e) { return {id: e, label: undefined}; });
    labelled = Object.keys(wanted);
    labelled.forEach(function (id) {
      var e = edges.get(id);
      if (e) updates.push({id: id, label: relationLabel(e)});
    });
    if (updates.length) edges.update(updates);
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else details.className = "ng-box";
    labelSelection();
  });

  // ---- search: type a name or alias; Enter goes to the next match
  var input = document.getElementById("ng-search");
  var found = document.getElementById("ng-found");
  var hits = [], current = 0, opened = -1;
  function show(index) {
    var hit = hits[index];
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    found.textContent = hit.fullLabel + (hits.length > 1 ? " (" + (index + 1) + " of " + hits.length + "; Enter: details, again: next)" : "");
    labelSelection();
  }
  function search() {
    var q = input.value.trim().toLowerCase();
    hits = [];
    current = 0;
    opened = -1;
    if (!q) { found.textContent = ""; network.unselectAll(); labelSelection(); return; }
    hits = nodes.get({filter: function (n) {
      if (n.hidden) return false;
      if ((n.fullLabel || "").toLowerCase().indexOf(q) >= 0) return true;
      return (n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    }});
    function rank(n) {
      var names = [n.fullLabel].concat(n.aliases || []).map(function (s) { return s.toLowerCase(); });
      if (names.indexOf(q) >= 0) return 0;
      return names.some(function (s) { return s.indexOf(q) === 0; }) ? 1 : 2;
    }
    hits.sort(function (a, b) { return rank(a) - rank(b) || a.fullLabel.length - b.fullLabel.length || (a.fullLabel < b.fullLabel ? -1 : 1); });
    if (!hits.length) { found.textContent = "no match"; network.unselectAll(); labelSelection(); return; }
    show(0);
  }
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {  // the first Enter opens the match's details, the next ones move on
      e.preventDefault();
      if (!hits.length) return;
      if (opened === current) { current = (current + 1) % hits.length; show(current); }
      showNode(hits[current].id);
      opened = current;
    } else if (e.key === "Escape") { input.value = ""; search(); }
  });

  // ---- physics on/off
  var toggle = document.getElementById("ng-physics");
  toggle.addEventListener("change", function () {
    network.setOptions({physics: {enabled: toggle.checked}});
  });

  // vis-network has drawn the first frame (physics off) or started stabilising by now; the
  // flag goes up once the browser has painted it
  window.newsgraphStable = !data.stabilizing;
  network.once("stabilizationIterationsDone", function () { window.newsgraphStable = true; });
  window.newsgraphReady = true;
  requestAnimationFrame(function () {
    setTimeout(function () { window.newsgraphDrawn = true; window.newsgraphDrawnAt = performance.now(); }, 0);
  });
})();
