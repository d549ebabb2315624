/* kg viz: draws the graph in #kg-data with vis-network. Every text from the data reaches
   the page through textContent or vis-network's canvas, never as HTML. window.kgViz
   exposes counts and state for tests. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var DIM = "rgba(200,200,200,0.35)";
  var state = { ready: false, stabilized: false, highlighted: [], errors: [] };
  window.kgViz = state;
  window.addEventListener("error", function (event) { state.errors.push(String(event.message)); });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function clip(text, n) {
    text = String(text);
    return text.length > n ? text.slice(0, n - 1) + "\u2026" : text;
  }
  function show(value) {
    return Array.isArray(value) ? value.join(", ") : String(value);
  }
  function styleOf(label) {
    return data.styles[label] || { color: "#A5ABB6", border: "#9AA1AC", text: "#FFFFFF" };
  }

  var byId = {}, degree = {}, evidenceOf = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; degree[n.id] = 0; evidenceOf[n.id] = []; });
  data.edges.forEach(function (e) {
    degree[e.from] += 1;
    degree[e.to] += 1;
    e.evidence.forEach(function (ev) {
      var item = { type: e.type, from: e.from, to: e.to, ev: ev };
      evidenceOf[e.from].push(item);
      evidenceOf[e.to].push(item);
    });
  });

  function nameOf(id) { return byId[id] ? byId[id].name : id; }
  function line(parent, key, value, cls) {
    var p = el("p", null, cls);
    if (key) { p.appendChild(el("span", key + ": ", "kg-key")); }
    p.appendChild(document.createTextNode(value));
    parent.appendChild(p);
  }
  function evidenceLine(parent, item, room) {
    var ev = item.ev;
    var where = item.type + " " + clip(nameOf(item.from), 40) + " \u2192 " + clip(nameOf(item.to), 40);
    line(parent, null, "\u201c" + clip(ev.sentence, room) + "\u201d", "kg-ev");
    line(parent, null, "\u2014 " + where + "; extractor " + (ev.extractor || "?") +
         (ev.field ? ", " + ev.field + " [" + ev.char_start + ":" + ev.char_end + "]" : ""));
  }
  function describeNode(n, parent, full) {
    line(parent, null, n.label + ": " + n.name, "kg-tip-title");
    line(parent, "id", n.id);
    Object.keys(n.props).forEach(function (key) {
      line(parent, key, clip(show(n.props[key]), full ? 2000 : 240));
    });
    var items = evidenceOf[n.id];
    if (items.length) line(parent, "evidence", items.length + " sentence(s)");
    items.slice(0, full ? 12 : 2).forEach(function (item) { evidenceLine(parent, item, full ? 1000 : 200); });
  }
  function describeEdge(e, parent, full) {
    line(parent, null, e.type, "kg-tip-title");
    line(parent, null, nameOf(e.from) + " \u2192 " + nameOf(e.to));
    Object.keys(e.props).forEach(function (key) { line(parent, key, show(e.props[key])); });
    e.evidence.slice(0, full ? 12 : 2).forEach(function (ev) {
      evidenceLine(parent, { type: e.type, from: e.from, to: e.to, ev: ev }, full ? 1000 : 240);
    });
  }
  function tooltip(describe, item) {
    var box = el("div", null, "kg-tip");
    describe(item, box, false);
    return box;
  }

  function nodeColour(n) {
    var s = styleOf(n.label);
    return { background: s.color, border: s.border,
             highlight: { background: s.color, border: "#000000" },
             hover: { background: s.color, border: "#000000" } };
  }
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, label: clip(n.name, n.label === "Paper" ? 32 : 26), value: degree[n.id] + 1,
             color: nodeColour(n), title: tooltip(describeNode, n), kgLabel: n.label };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return { id: "e" + i, from: e.from, to: e.to, title: tooltip(describeEdge, e), kgType: e.type };
  }));
  var big = data.nodes.length > 150;
  var options = {
    nodes: { shape: "dot", borderWidth: 2,
             scaling: { min: 8, max: 40, label: { enabled: true, min: 11, max: 26, drawThreshold: 7 } },
             font: { size: 12, color: "#222222", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { width: 1, smooth: false, color: { color: "#A5ABB6", opacity: 0.6, highlight: "#444444", hover: "#444444" },
             arrows: { to: { enabled: true, scaleFactor: 0.4 } } },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, keyboard: false },
    layout: { improvedLayout: !big, randomSeed: 7 },
    physics: { solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -55, springLength: 90, springConstant: 0.06,
                                   avoidOverlap: 0.3 },
               maxVelocity: 60, minVelocity: 1,
               stabilization: { enabled: true, iterations: big ? 500 : 250, updateInterval: 50, fit: true } }
  };
  var container = document.getElementById("kg-graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  state.network = network;

  function settle() {
    if (state.stabilized) return;
    network.setOptions({ physics: { enabled: false } });
    state.stabilized = true;
    network.once("afterDrawing", function () { state.ready = true; });
    network.fit();
    network.redraw();
  }
  network.once("stabilizationIterationsDone", settle);
  setTimeout(settle, 20000);  // a graph that never settles still stops moving
  if (!data.nodes.length) {
    container.appendChild(el("p", "No nodes to show.", null)).id = "kg-empty";
    state.stabilized = state.ready = true;
  }

  state.counts = function () {
    var positions = network.getPositions(), placed = 0;
    Object.keys(positions).forEach(function (id) {
      if (isFinite(positions[id].x) && isFinite(positions[id].y)) placed += 1;
    });
    return { nodes: placed, edges: network.body.edgeIndices.length,
             expectedNodes: data.nodes.length, expectedEdges: data.edges.length };
  };

  /* Highlight: the node and its neighbours keep their colours, everything else greys out. */
  function restyle(keep, keepEdges) {
    nodes.update(data.nodes.map(function (n) {
      var on = !keep || keep[n.id];
      return { id: n.id, color: on ? nodeColour(n) : { background: DIM, border: DIM },
               font: { color: on ? "#222222" : "#bbbbbb" } };
    }));
    edges.update(edges.getIds().map(function (id) {
      var on = !keepEdges || keepEdges[id];
      return { id: id, color: on ? { color: "#A5ABB6", highlight: "#444444" } : { color: DIM } };
    }));
  }
  function highlight(ids) {
    var keep = {}, keepEdges = {};
    ids.forEach(function (id) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (other) { keep[other] = true; });
      network.getConnectedEdges(id).forEach(function (edge) { keepEdges[edge] = true; });
    });
    state.highlighted = Object.keys(keep);
    restyle(keep, keepEdges);
  }
  function reset() { state.highlighted = []; restyle(null, null); }
  state.highlight = highlight;
  state.reset = reset;

  var details = document.getElementById("kg-details-body");
  function showDetails(describe, item) {
    details.textContent = "";
    describe(item, details, true);
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight([params.nodes[0]]);
      showDetails(describeNode, byId[params.nodes[0]]);
    } else if (params.edges.length) {
      showDetails(describeEdge, data.edges[Number(params.edges[0].slice(1))]);
    } else {
      reset();
    }
  });

  /* Search by name or alias, ignoring case: select and highlight the matches, focus the first. */
  function search(text) {
    var q = String(text).trim().toLowerCase();
    if (!q) { reset(); return []; }
    var hits = data.nodes.filter(function (n) {
      var forms = [n.name].concat(n.props.aliases || []);
      return forms.some(function (f) { return String(f).toLowerCase().indexOf(q) !== -1; });
    }).map(function (n) { return n.id; });
    document.getElementById("kg-search-status").textContent =
      hits.length ? hits.length + " found" : "no match";
    if (hits.length) {
      highlight(hits);
      network.selectNodes(hits);
      network.focus(hits[0], { scale: 1.2, animation: { duration: 400 } });
      showDetails(describeNode, byId[hits[0]]);
    }
    return hits;
  }
  state.search = search;
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search(document.getElementById("kg-search").value);
  });
  var names = document.getElementById("kg-names"), seen = {};
  data.nodes.forEach(function (n) {
    if (seen[n.name]) return;
    seen[n.name] = true;
    var option = document.createElement("option");
    option.value = n.name;
    names.appendChild(option);
  });

  /* Legend: one entry per label shown, in the palette's colours; a click hides or shows it. */
  var legend = document.getElementById("kg-legend-items");
  data.labels.forEach(function (label) {
    var members = data.nodes.filter(function (n) { return n.label === label; });
    var item = el("li", null, null), swatch = el("span", null, "kg-swatch");
    swatch.style.backgroundColor = styleOf(label).color;
    swatch.style.borderColor = styleOf(label).border;
    item.appendChild(swatch);
    item.appendChild(el("span", label + " (" + members.length + ")"));
    item.setAttribute("data-label", label);
    item.addEventListener("click", function () {
      var hide = !item.classList.contains("off");
      item.classList.toggle("off", hide);
      nodes.update(members.map(function (n) { return { id: n.id, hidden: hide }; }));
    });
    legend.appendChild(item);
  });

  document.getElementById("kg-counts").textContent =
    data.nodes.length + " nodes \u00b7 " + data.edges.length + " relationships";
  if (data.message) {
    var banner = document.getElementById("kg-message");
    banner.textContent = data.message;
    banner.hidden = false;
  }
})();
