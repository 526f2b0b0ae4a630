(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ng-data").textContent);
  var colours = {};
  data.legend.forEach(function (item) { colours[item.name] = item.colour; });
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
  function relationLabel(e) { return shorten((e.negated ? "not " : "") + (e.phrase || e.relation), 40); }
  function relationHead(e) { return (e.negated ? "NOT " : "") + (e.phrase || e.relation) + (e.modality ? " (" + e.modality + ")" : ""); }

  // ---- every node and edge of the view; the DataSets hold those on screen
  // (read after the first frame is painted, or on the first click or search before that)
  var allNodes = [], allEdges = [], nodeById = {}, adjacency = {};
  function loadAll() {
    if (window.ngAllNodes) return;
    window.ngAllNodes = allNodes = JSON.parse(document.getElementById("ng-nodes").textContent);
    window.ngAllEdges = allEdges = JSON.parse(document.getElementById("ng-edges").textContent);
    allNodes.forEach(function (n) { nodeById[n.id] = n; adjacency[n.id] = []; });
    allEdges.forEach(function (e) {
      e.from = allNodes[e.from].id;  // the ends travel as positions in the node list
      e.to = allNodes[e.to].id;
      if (adjacency[e.from]) adjacency[e.from].push(e);
      if (e.to !== e.from && adjacency[e.to]) adjacency[e.to].push(e);
    });
  }
  var NON_NAMES = {Concept: 1, TimeExpression: 1, Quantity: 1};
  var conceptsBox = document.getElementById("ng-concepts");
  var range = {since: "", until: ""};
  function articleDate(doc) { var a = data.articles[doc]; return a && a.date ? a.date.slice(0, 7) : ""; }
  function inRange(date) {
    if (!range.since && !range.until) return true;
    if (!date) return false;
    date = date.slice(0, 7);
    return (!range.since || date >= range.since) && (!range.until || date <= range.until);
  }
  var articleDoc = "";  // one article's view: only the facts from it
  function edgeInRange(e) {
    return (e.evidence || []).some(function (item) { return inRange(item[2]) && (!articleDoc || item[1] === articleDoc); });
  }
  function nodeInRange(n) {
    if (!range.since && !range.until) return true;
    return (n.documents || []).some(function (d) { return inRange(articleDate(d)); });
  }
  var hidden = {};
  function wanted(n) {
    return !hidden[n.group] && (conceptsBox.checked || !NON_NAMES[n.group] || n.pinned) && nodeInRange(n);
  }
  var openedNodes = {};  // nodes whose every edge is on screen (clicked, found)
  function linkShown(ids) {  // add the edges of ids (default: those drawn at first, and of opened nodes) between nodes on screen
    loadAll();
    var add = [], seen = {};
    (ids || nodes.getIds()).forEach(function (id) {
      (adjacency[id] || []).forEach(function (e) {
        if (seen[e.id] || edges.get(e.id) || !nodes.get(e.from) || !nodes.get(e.to) || !edgeInRange(e)) return;
        if (!ids && !e.shown && !openedNodes[e.from] && !openedNodes[e.to]) return;
        seen[e.id] = true;
        add.push(e);
      });
    });
    if (add.length) edges.add(add);
  }
  function placeAround(centre, ids) {  // new nodes in rings around centre, at zoom-independent spacing
    var c = centre !== undefined && centre !== null && nodes.get(centre) ? network.getPositions([centre])[centre]
      : network.getViewPosition();
    var step = 2 * Math.PI / Math.max(6, Math.min(ids.length, 14));
    return ids.map(function (id, k) {
      var ring = Math.floor(k / 14), angle = k * step + ring * 0.3, radius = 220 + ring * 120;
      var n = Object.assign({}, nodeById[id]);
      n.x = c.x + radius * Math.cos(angle);
      n.y = c.y + radius * Math.sin(angle);
      return n;
    });
  }
  var EXPAND = 40;
  function expand(id) {  // show a node's neighbours (the most important first)
    loadAll();
    var seen = {}, extra = [];
    (adjacency[id] || []).forEach(function (e) {
      var other = e.from === id ? e.to : e.from;
      var n = nodeById[other];
      if (!n || seen[other] || nodes.get(other) || !edgeInRange(e)) return;
      if (hidden[n.group] || !nodeInRange(n)) return;
      seen[other] = true;
      extra.push(n);
    });
    extra.sort(function (a, b) { return a.rank - b.rank; });
    var more = extra.length - EXPAND;
    extra = extra.slice(0, EXPAND).map(function (n) { n.pinned = true; return n.id; });
    if (extra.length) nodes.add(placeAround(id, extra));
    openedNodes[id] = true;
    linkShown([id]);
    return more > 0 ? more : 0;
  }
  function reveal(id) {  // make sure a node is on screen (search, links in the panel)
    loadAll();
    if (nodes.get(id)) return;
    var n = nodeById[id];
    if (!n) return;
    n.pinned = true;
    var near = (adjacency[id] || []).map(function (e) { return e.from === id ? e.to : e.from; })
      .filter(function (o) { return nodes.get(o); })[0];
    var placed = placeAround(near, [id])[0];
    if (!near) { var v = network.getViewPosition(); placed.x = v.x; placed.y = v.y; }
    nodes.add(placed);
    expand(id);  // with its neighbours: a node found alone would say little
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // ---- legend: click a class to hide or show its nodes
  var box = document.getElementById("ng-legend");
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
      placeLabels();
    });
    box.appendChild(row);
  });

  // ---- details panel: a node or an edge, built with textContent only
  var details = document.getElementById("ng-details");
  var body = document.getElementById("ng-details-body");
  document.getElementById("ng-close").addEventListener("click", function () {
    details.className = "ng-box"; network.unselectAll(); labelSelection();
  });
  function panelOffset() {  // keep a focused node clear of the details panel on the right
    return window.innerWidth > 900 && details.className.indexOf("open") >= 0 ? Math.min(240, details.offsetWidth / 2) : 0;
  }
  function keepClear(id) {  // a node the details panel would cover moves into view
    if (!nodes.get(id) || !panelOffset()) return;
    var p = network.canvasToDOM(network.getPositions([id])[id]);
    var box = document.getElementById("mynetwork").getBoundingClientRect();
    if (box.left + p.x > window.innerWidth - details.offsetWidth - 40) {
      network.focus(id, {scale: network.getScale(), offset: {x: -panelOffset(), y: 0}, animation: false});
    }
  }
  function open() { details.className = "ng-box open"; details.scrollTop = 0; }
  function nodeName(id) { loadAll(); var n = nodeById[id] || nodes.get(id); return n ? n.fullLabel : String(id); }
  function goToNode(id) {
    reveal(id);
    network.selectNodes([id]);
    showNode(id);
    network.focus(id, {scale: Math.max(network.getScale(), 0.8), animation: false, offset: {x: -panelOffset(), y: 0}});
    labelSelection();
    placeLabels();
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
    loadAll();
    var e = edges.get(id) || allEdges.filter(function (x) { return x.id === id; })[0];
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
    loadAll();
    var n = nodes.get(id);
    if (!n) return;
    body.replaceChildren();
    body.appendChild(el("h2", n.fullLabel));
    var type = el("div", null, "ng-meta");
    var sw = el("span", null, "sw");
    sw.style.background = colours[n.group] || "#8cd17d";
    type.appendChild(sw);
    type.appendChild(document.createTextNode(n.group + " \u00b7 " + plural(n.facts, "fact", "facts")));
    body.appendChild(type);
    if (n.roles && n.roles.length) body.appendChild(el("div", "Roles: " + n.roles.join("; "), "ng-role"));
    if (n.aliases && n.aliases.length) body.appendChild(el("div", "Also: " + n.aliases.join("; "), "ng-meta"));
    var docs = n.documents || [];
    if (docs.length) body.appendChild(el("div", "Articles: " + docs.slice(0, 12).join(", ") +
      (docs.length > 12 ? " (+" + (docs.length - 12) + " more)" : ""), "ng-meta"));
    var quotes = n.quotes || [];
    if (quotes.length) {
      body.appendChild(el("h3", plural(quotes.length, "statement", "statements")));
      var qlist = el("ul");
      qlist.className = "ng-quotes";
      body.appendChild(qlist);
      body.appendChild(pagedList(qlist, quotes, function (q) {
        var li = el("li");
        li.appendChild(el("span", q[0] + ": ", "ng-verb"));
        li.appendChild(el("q", q[1]));
        var article = data.articles[q[2]] || {};
        li.appendChild(el("div", q[2] + (article.title ? " \u2014 " + article.title : "") + (q[3] ? " \u00b7 " + q[3] : ""), "ng-meta"));
        return li;
      }));
    }
    var items = (adjacency[id] || []).filter(edgeInRange);
    body.appendChild(el("h3", plural(items.length, "relation", "relations")));
    var list = el("ul");
    list.className = "ng-relations";
    body.appendChild(list);
    items = items.slice();
    items.sort(function (a, b) { return (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0); });
    body.appendChild(pagedList(list, items, function (e) {
      var li = el("li");
      var outgoing = e.from === id;
      var b = el("button", (outgoing ? "\u2192 " : "\u2190 ") + relationLabel(e) + (outgoing ? " \u2192 " : " \u2190 ") +
        nodeName(outgoing ? e.to : e.from) + " (" + (e.evidence || []).length + ")", "ng-link");
      b.type = "button";
      b.addEventListener("click", function () {
        reveal(e.from); reveal(e.to);
        if (!edges.get(e.id)) edges.add(e);
        network.selectEdges([e.id]); showEdge(e.id); labelSelection();
      });
      li.appendChild(b);
      return li;
    }));
    open();
    keepClear(id);
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
    tip.appendChild(el("div", n.group + " \u00b7 " + plural(n.facts, "fact", "facts") +
      (n.quotes && n.quotes.length ? " \u00b7 " + plural(n.quotes.length, "statement", "statements") : "")));
    if (n.roles && n.roles.length) tip.appendChild(el("div", n.roles.slice(0, 4).join("; ")));
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

  // ---- node labels: the most important first, none over another, a constant size on screen
  var LABEL_PX = 13, TOP_PX = 15, EDGE_PX = 12, EDGE_LABELS = 16;
  var measure = document.createElement("canvas").getContext("2d");
  function textWidth(text, px) {
    measure.font = px + "px system-ui, sans-serif";
    return measure.measureText(text).width;
  }
  var labelled = {};  // node id -> the box its label takes on screen
  function placeLabels() {
    var scale = network.getScale();
    var size = network.body.container ? network.body.container.getBoundingClientRect() : {width: 1e9, height: 1e9};
    var selected = {};
    network.getSelectedNodes().forEach(function (id) {
      selected[id] = 2;
      network.getConnectedNodes(id).forEach(function (o) { if (!selected[o]) selected[o] = 1; });
    });
    var visible = nodes.get({filter: function (n) { return !n.hidden; }});
    var ids = visible.map(function (n) { return n.id; });
    var positions = network.getPositions(ids);
    visible.sort(function (a, b) { return (selected[b.id] || 0) - (selected[a.id] || 0) || a.rank - b.rank; });
    var dots = visible.map(function (n) {  // nor the dot of a more important node
      var p = network.canvasToDOM(positions[n.id]), r = (n.size || 10) * scale + 1;
      return {id: n.id, l: p.x - r, t: p.y - r, r: p.x + r, b: p.y + r};
    });
    function clear(box, k) {
      return boxes.every(function (o) { return box.r <= o.l || box.l >= o.r || box.b <= o.t || box.t >= o.b; }) &&
        dots.slice(0, k).every(function (o) { return box.r <= o.l || box.l >= o.r || box.b <= o.t || box.t >= o.b; });
    }
    var boxes, updates, fresh, shrink = 0;
    // a small view labels every node: where 13 px labels do not all fit, try 12 and 11 px
    do { place(shrink); shrink++; } while (!data.large && shrink <= 2 && Object.keys(fresh).length < visible.length);
    labelled = fresh;
    placedAt = scale;
    if (updates.length) nodes.update(updates);
    edgeFont();
    window.newsgraphLabels = Object.keys(fresh).length;
    function place(less) {
    boxes = []; updates = []; fresh = {};
    visible.forEach(function (n, k) {
      var px = (k < 10 ? TOP_PX : LABEL_PX) - less;
      var p = network.canvasToDOM(positions[n.id]);
      var r = (n.size || 10) * scale;
      var text = n.label0 || n.fullLabel;
      text = shorten(text, 28);
      var w = textWidth(text, px) + 4, h = px * 1.25;
      var box = {l: p.x - w / 2, t: p.y + r + 2, r: p.x + w / 2, b: p.y + r + 2 + h, px: px};
      var onScreen = box.r > 0 && box.l < size.width && box.b > 0 && box.t < size.height;
      var free = onScreen && (selected[n.id] === 2 || clear(box, k));
      if (free) { boxes.push(box); fresh[n.id] = box; }
      var want = free ? text : "";
      var fontSize = Math.round(px / scale * 100) / 100;
      if (n.label !== want || !n.font || n.font.size !== fontSize) {
        updates.push({id: n.id, label: want, label0: text, font: {size: fontSize, vadjust: 0}});
      }
    });
    }
  }
  var pending = 0;
  function labelsSoon() {
    if (pending) return;
    pending = setTimeout(function () { pending = 0; placeLabels(); }, 60);
  }
  var placedAt = null;  // the scale the labels were placed for: any change of zoom (wheel, fit, focus) re-places them
  network.on("afterDrawing", function () { if (placedAt !== null && network.getScale() !== placedAt) labelsSoon(); });
  network.on("zoom", labelsSoon);
  network.on("dragEnd", labelsSoon);
  network.on("resize", labelsSoon);

  // ---- edge labels: in words, on the edge under the pointer and around the selection
  var edgeLabelled = {}, hoverEdge = null;
  function edgeFont() {
    var size = Math.round(EDGE_PX / network.getScale() * 100) / 100;
    var ids = Object.keys(edgeLabelled).filter(function (id) { return edges.get(id); });  // update() would add a bare edge
    if (ids.length) edges.update(ids.map(function (id) { return {id: id, font: {size: size}}; }));
  }
  function labelSelection() {
    var want = {};
    network.getSelectedEdges().forEach(function (e) { want[e] = true; });
    if (hoverEdge) want[hoverEdge] = true;
    // around a selected node, its strongest edges whose labels have room (the others on hover)
    var taken = [];  // edge labels do not overlap each other
    network.getSelectedNodes().forEach(function (n) {
      var candidates = edges.get(network.getConnectedEdges(n)).sort(function (a, b) {
        return (b.evidence || []).length - (a.evidence || []).length || (a.id < b.id ? -1 : 1);
      });
      var ends = network.getPositions();
      var count = 0;
      candidates.forEach(function (e) {
        if (count >= EDGE_LABELS || want[e.id] || !ends[e.from] || !ends[e.to]) return;
        var mid = network.canvasToDOM({x: (ends[e.from].x + ends[e.to].x) / 2, y: (ends[e.from].y + ends[e.to].y) / 2});
        var w = textWidth(relationLabel(e), EDGE_PX) + 6, h = EDGE_PX * 1.4;
        var box = {l: mid.x - w / 2, t: mid.y - h / 2, r: mid.x + w / 2, b: mid.y + h / 2};
        if (!taken.every(function (o) { return box.r <= o.l || box.l >= o.r || box.b <= o.t || box.t >= o.b; })) return;
        taken.push(box);
        want[e.id] = true;
        count++;
      });
    });
    var size = Math.round(EDGE_PX / network.getScale() * 100) / 100;
    // vis-network keeps an edge's label when it is updated to undefined, null or "": the edge goes
    // back in without one
    var bare = Object.keys(edgeLabelled).filter(function (id) { return !want[id] && edges.get(id); })
      .map(function (id) { var e = edges.get(id); delete e.label; delete e.font; return e; });
    if (bare.length) { edges.remove(bare.map(function (e) { return e.id; })); edges.add(bare); }
    var updates = [];
    edgeLabelled = {};
    Object.keys(want).forEach(function (id) {
      var e = edges.get(id);
      if (e) { edgeLabelled[id] = true; updates.push({id: id, label: relationLabel(e), font: {size: size}}); }
    });
    if (updates.length) edges.update(updates);
  }
  network.on("hoverEdge", function (p) { hoverEdge = p.edge; labelSelection(); });
  network.on("blurEdge", function () { hoverEdge = null; labelSelection(); });
  var note = document.getElementById("ng-found");
  network.on("click", function (params) {
    if (params.nodes.length) {
      var before = nodes.length;
      var more = expand(params.nodes[0]);
      showNode(params.nodes[0]);
      if (nodes.length > before) {  // show the opened neighbourhood, clear of the details panel
        var box = document.getElementById("mynetwork").getBoundingClientRect();
        var room = Math.min(box.width - 2 * panelOffset(), box.height);
        var rings = Math.ceil(Math.min(nodes.length - before, EXPAND) / 14);
        var scale = Math.max(0.3, Math.min(1.5, room / (2 * (220 + 120 * (rings - 1) + 80))));
        network.focus(params.nodes[0], {scale: scale, offset: {x: -panelOffset(), y: 0}, animation: false});
      }
      if (more) note.textContent = more + " more neighbours: see the details panel";
    } else if (params.edges.length) showEdge(params.edges[0]);
    else details.className = "ng-box";
    labelSelection();
    placeLabels();
  });

  // ---- concepts, one article, dates: what is on screen
  function refill(keepIds) {  // the overview (or the given nodes) under the current filters
    loadAll();
    var want = allNodes.filter(function (n) { return keepIds ? keepIds[n.id] : (n.shown || n.pinned); })
      .filter(wanted);
    var ids = {};
    want.forEach(function (n) { ids[n.id] = true; });
    nodes.remove(nodes.getIds().filter(function (id) { return !ids[id]; }));
    var add = want.filter(function (n) { return !nodes.get(n.id); });
    var placed = add.filter(function (n) { return n.x !== undefined; });
    nodes.add(placed);
    add.filter(function (n) { return n.x === undefined; }).forEach(function (n) {
      var near = (adjacency[n.id] || []).map(function (e) { return e.from === n.id ? e.to : e.from; })
        .filter(function (o) { return nodes.get(o); })[0];
      nodes.add(placeAround(near, [n.id]));
    });
    edges.remove(edges.getIds().filter(function (id) { var e = edges.get(id); return !ids[e.from] || !ids[e.to] || !edgeInRange(e); }));
    linkShown();
  }
  conceptsBox.addEventListener("change", function () {
    loadAll();
    if (conceptsBox.checked) {  // concepts next to what is on screen, the most important first
      var on = {};
      nodes.getIds().forEach(function (id) { on[id] = true; });
      var extra = {}, count = 0;
      nodes.getIds().forEach(function (id) {
        (adjacency[id] || []).forEach(function (e) {
          var other = e.from === id ? e.to : e.from;
          if (!on[other] && NON_NAMES[(nodeById[other] || {}).group]) extra[other] = true;
        });
      });
      Object.keys(extra).map(function (id) { return nodeById[id]; }).sort(function (a, b) { return a.rank - b.rank; })
        .slice(0, 300).forEach(function (n) { on[n.id] = true; count++; });
      refill(on);
    } else refill(null);
    placeLabels();
  });
  var articleBox = document.getElementById("ng-article");
  if (articleBox) articleBox.addEventListener("change", function () {
    loadAll();
    var doc = articleBox.value;
    articleDoc = doc;
    if (!doc) { refill(null); network.fit({animation: false}); placeLabels(); return; }
    var keep = {};
    allNodes.forEach(function (n) { if ((n.documents || []).indexOf(doc) >= 0) keep[n.id] = true; });
    allEdges.forEach(function (e) {
      if ((e.evidence || []).some(function (item) { return item[1] === doc; })) { keep[e.from] = true; keep[e.to] = true; }
    });
    var was = conceptsBox.checked;
    conceptsBox.checked = true;
    refill(keep);
    conceptsBox.checked = was;
    var ids = Object.keys(keep).filter(function (id) { return nodes.get(id); });
    ids.forEach(function (id, k) {  // one article: a circle, then a short settling of the physics
      var a = 2 * Math.PI * k / ids.length, r = 60 * Math.sqrt(ids.length);
      nodes.update({id: id, x: r * Math.cos(a), y: r * Math.sin(a)});
    });
    network.stabilize(150);
    network.fit({nodes: ids, animation: false});
    placeLabels();
  });
  network.on("stabilized", function () { network.fit({animation: false}); placeLabels(); });
  var since = document.getElementById("ng-since"), until = document.getElementById("ng-until");
  if (since && until) {
    until.selectedIndex = until.options.length - 1;
    var onRange = function () {
      range.since = since.value === since.options[0].value ? "" : since.value;
      range.until = until.value === until.options[until.options.length - 1].value ? "" : until.value;
      refill(null);
      placeLabels();
    };
    since.addEventListener("change", onRange);
    until.addEventListener("change", onRange);
  }
  document.getElementById("ng-fit").addEventListener("click", function () { network.fit({animation: false}); placeLabels(); });
  var groups = document.getElementById("ng-communities");
  (data.communities || []).slice(0, 30).forEach(function (c) {
    var b = el("button", c.name + " (" + c.size + ")", "ng-link");
    b.type = "button";
    b.addEventListener("click", function () {
      loadAll();
      var ids = nodes.getIds().filter(function (id) { return (nodeById[id] || {}).community === c.id; });
      if (ids.length) network.fit({nodes: ids, animation: false});
      placeLabels();
    });
    groups.appendChild(b);
  });
  if (!(data.communities || []).length) document.getElementById("ng-communities-box").style.display = "none";

  // ---- search: type a name or alias; Enter goes to the next match
  var input = document.getElementById("ng-search");
  var found = document.getElementById("ng-found");
  var hits = [], current = 0, opened = -1;
  function show(index) {
    var hit = hits[index];
    reveal(hit.id);
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: Math.max(network.getScale(), 1.0), animation: false, offset: {x: -panelOffset(), y: 0}});
    found.textContent = hit.fullLabel + (hits.length > 1 ? " (" + (index + 1) + " of " + hits.length + "; Enter: details, again: next)" : "");
    labelSelection();
    placeLabels();
  }
  function search() {
    loadAll();
    var q = input.value.trim().toLowerCase();
    hits = [];
    current = 0;
    opened = -1;
    if (!q) { found.textContent = ""; network.unselectAll(); labelSelection(); return; }
    hits = allNodes.filter(function (n) {
      if (hidden[n.group]) return false;
      if ((n.fullLabel || "").toLowerCase().indexOf(q) >= 0) return true;
      return (n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    });
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
  network.fit({animation: false});
  placeLabels();
  window.newsgraphStable = !data.stabilizing;
  network.once("stabilizationIterationsDone", function () { window.newsgraphStable = true; });
  window.newsgraphReady = true;
  requestAnimationFrame(function () {
    setTimeout(function () {
      window.newsgraphDrawnAt = performance.now();
      loadAll();  // the whole graph, for the search and the clicks
      window.newsgraphLoadedAt = performance.now();
      window.newsgraphDrawn = true;
    }, 0);
  });
})();
