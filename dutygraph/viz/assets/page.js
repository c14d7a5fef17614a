/* dutygraph viz page: reads the view's JSON, draws it with vis-network, legend, filter and search.
 * Every string from a document is set as text (textContent, text nodes): never as markup. */
(function () {
  "use strict";
  try { main(); } catch (err) { window.__dgError = String(err && err.message || err); throw err; }
  function main() {
  var data = JSON.parse(document.getElementById("dg-data").textContent);
  var GLYPH = { dot: "\u25CF", square: "\u25A0", diamond: "\u25C6", triangle: "\u25B2", triangleDown: "\u25BC",
                star: "\u2605", hexagon: "\u2B22", ellipse: "\u2B2C", box: "\u25AC", database: "\u26C1" };
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function tip(text) { return el("div", "dg-tip", text); }   /* a tooltip: an element holding plain text */

  document.getElementById("dg-title").textContent = data.title;
  var status = document.getElementById("dg-status");
  var info = document.getElementById("dg-info");
  var ns = data.styles.nodes, es = data.styles.edges;

  var byId = {};
  var nodeItems = data.nodes.map(function (n) {
    var s = ns[n.group] || {};
    byId[n.id] = n;
    /* a label left out by the layout (it would cover another) shows in the tooltip, on hover; "" (not
       undefined, which redraws ~2.5x slower in vis-network 9) */
    var item = {
      id: n.id, label: n.hideLabel ? "" : (n.short || n.label), title: tip(n.title), shape: s.shape || "dot",
      size: n.size || 10,
      color: { background: s.color, border: n.focus ? "#000000" : s.color,
               highlight: { background: "#ffeb3b", border: "#000000" },
               hover: { background: s.color, border: "#263238" } },
      borderWidth: n.focus ? 4 : 1
    };
    if (n.focus) { item.font = { size: 18, color: "#000000" }; }
    if (typeof n.vadjust === "number") { item.font = item.font || {}; item.font.vadjust = n.vadjust; }
    if (typeof n.x === "number" && typeof n.y === "number") { item.x = n.x; item.y = n.y; }
    return item;
  });
  var edgeItems = data.edges.map(function (e) {
    var s = es[e.group] || {};
    var item = {
      id: e.id, from: e.from, to: e.to, title: tip(e.title), dashes: s.dashes || false,
      width: e.width || s.width || 1, color: { color: s.color, highlight: "#000000", hover: s.color, inherit: false }
    };
    if (s.arrows) { item.arrows = { to: { enabled: true, scaleFactor: 0.45 } }; }
    if (e.smooth) { item.smooth = e.smooth; }
    return item;
  });

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var container = document.getElementById("dg-network");
  var t0 = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.dgNetwork = network;
  window.dgNodes = nodes;
  window.dgEdges = edges;
  window.dgView = { nodes: data.nodes.length, edges: data.edges.length };

  function settled(iterations) {
    if (window.dgStabilized) { return; }
    network.setOptions({ physics: false });
    window.dgStabilized = { ms: Math.round(performance.now() - t0), sincePageStart: Math.round(performance.now()),
                            iterations: iterations === undefined ? null : iterations };
    status.textContent = data.nodes.length + " 节点 nodes · " + data.edges.length + " 边 edges";
  }
  var lastIterations;
  network.on("stabilizationProgress", function (p) {
    lastIterations = p.iterations;
    /* a time budget on top of the iteration cap: end the layout where it is once the budget is spent */
    if (performance.now() - t0 > data.settleBudgetMs && typeof network.physics.targetIterations === "number") {
      network.physics.targetIterations = p.iterations;
    }
    status.textContent = "布局 layout " + Math.round(100 * p.iterations / Math.max(p.total, 1)) + "%";
  });
  /* the first drawing: at once, from the positions the page was given */
  network.once("afterDrawing", function () {
    window.dgFirstDraw = { ms: Math.round(performance.now() - t0), sincePageStart: Math.round(performance.now()) };
    if (!data.physics) { settled(0); }
  });
  network.once("stabilizationIterationsDone", function () { settled(lastIterations); });
  network.once("stabilized", function (p) { settled(p && p.iterations); });
  if (data.nodes.length === 0) { settled(0); }

  /* legend: one entry per node group and edge type, with a checkbox that hides or shows them */
  var legend = document.getElementById("dg-legend");
  legend.appendChild(el("h2", null, "图例 legend"));
  var groupCount = {};
  data.nodes.forEach(function (n) { groupCount[n.group] = (groupCount[n.group] || 0) + 1; });
  data.edges.forEach(function (e) { groupCount[e.group] = (groupCount[e.group] || 0) + 1; });
  var hiddenGroups = {};

  function lineSample(entry) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "10");
    var line = document.createElementNS(SVG, "line");
    line.setAttribute("x1", "0"); line.setAttribute("y1", "5"); line.setAttribute("x2", "18"); line.setAttribute("y2", "5");
    line.setAttribute("stroke", entry.color);
    line.setAttribute("stroke-width", String(Math.max(1, Math.min(entry.width, 3))));
    if (entry.dashes) { line.setAttribute("stroke-dasharray", entry.dashes.join(" ")); }
    svg.appendChild(line);
    return svg;
  }
  function setGroupHidden(entry, hidden) {
    hiddenGroups[entry.group] = hidden;
    if (entry.type === "node") {
      nodes.update(data.nodes.filter(function (n) { return n.group === entry.group; })
                             .map(function (n) { return { id: n.id, hidden: hidden }; }));
    } else {
      edges.update(data.edges.filter(function (e) { return e.group === entry.group; })
                             .map(function (e) { return { id: e.id, hidden: hidden }; }));
    }
  }
  data.legend.forEach(function (entry) {
    var row = el("label", "dg-entry");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { setGroupHidden(entry, !box.checked); });
    row.appendChild(box);
    var glyph = el("span", "dg-glyph");
    if (entry.type === "node") {
      glyph.textContent = GLYPH[entry.shape] || GLYPH.dot;
      glyph.style.color = entry.color;
    } else {
      glyph.appendChild(lineSample(entry));
    }
    row.appendChild(glyph);
    row.appendChild(el("span", null, entry.caption));
    row.appendChild(el("span", "dg-count", groupCount[entry.group] || 0));
    legend.appendChild(row);
  });

  if (data.omitted) {
    legend.appendChild(el("p", "dg-note", "单位名称略去 " + data.omitted + " · names drawn without " + data.omitted));
  }
  (data.notes || []).forEach(function (note) { legend.appendChild(el("p", "dg-note dg-fold", note)); });

  /* selection: the tooltip text of the clicked node or edge, selectable and copyable */
  function show(title, text) {
    while (info.firstChild) { info.removeChild(info.firstChild); }
    info.appendChild(el("h2", null, title));
    info.appendChild(tip(text));
  }
  show("选中 selection", "点击节点查看详情 · click a node for its details");
  network.on("click", function (p) {
    if (p.nodes.length) { show("节点 node", byId[p.nodes[0]].title); }
    else if (p.edges.length) {
      var e = data.edges.filter(function (x) { return x.id === p.edges[0]; })[0];
      if (e) { show("边 edge", e.title); }
    }
  });

  /* search: name, label and tooltip text, case-insensitive; Enter zooms to the matches */
  var search = document.getElementById("dg-search");
  var found = document.getElementById("dg-found");
  var haystack = data.nodes.map(function (n) { return (n.label + "\n" + n.title).toLowerCase(); });
  var timer = null;
  function runSearch(zoom) {
    var q = search.value.trim().toLowerCase();
    if (!q) { network.unselectAll(); found.textContent = ""; return []; }
    var ids = [];
    data.nodes.forEach(function (n, i) {
      if (!hiddenGroups[n.group] && haystack[i].indexOf(q) >= 0) { ids.push(n.id); }
    });
    network.selectNodes(ids, false);
    found.textContent = ids.length + " 个匹配 matches";
    if (zoom && ids.length) { network.fit({ nodes: ids, animation: false }); }
    if (ids.length === 1) { show("节点 node", byId[ids[0]].title); }
    return ids;
  }
  window.dgSearch = function (q) { search.value = q; return runSearch(true); };
  search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { runSearch(false); }, 200); });
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { clearTimeout(timer); runSearch(true); } });
  document.getElementById("dg-fit").addEventListener("click", function () { network.fit({ animation: false }); });
  }
})();
