// The actor network: fetches /api/network with the page's filters and draws a
// force-directed graph in SVG. Names go in as text nodes, never as markup. Each
// actor is a link (Tab reaches it, Enter opens it); each edge shows its weight.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 960;
  let height = 640;

  function element(name, attributes) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    return node;
  }

  // Coloured by net intensity (the PLOVER manual's scores, -10 … +10 an event) per
  // event: a point either way of zero is mostly cooperation or mostly conflict.
  function edgeClass(edge) {
    const mean = edge.intensity / edge.weight;
    if (mean >= 1) return "cooperation";
    if (mean <= -1) return "conflict";
    return "mixed";
  }

  function signed(value) {
    const text = (Math.round(value * 10) / 10).toString();
    return value > 0 ? "+" + text : text;
  }

  // Spring layout of one connected group in a size × size square: edges pull, every
  // pair of nodes pushes, a pull to the centre keeps it round.
  function layout(nodes, edges, size, steps) {
    const k = Math.sqrt((size * size) / Math.max(nodes.length, 1)) * 0.6;
    nodes.forEach(function (node, i) {
      const angle = (2 * Math.PI * i) / nodes.length;
      node.x = size / 2 + (size / 3) * Math.cos(angle);
      node.y = size / 2 + (size / 3) * Math.sin(angle);
    });
    for (let step = 0; step < steps; step++) {
      const heat = (size / 20) * (1 - step / steps) + 1;
      for (const node of nodes) { node.dx = (size / 2 - node.x) * 0.05; node.dy = (size / 2 - node.y) * 0.05; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const distance = Math.max(Math.hypot(dx, dy), 0.01);
          const push = (k * k) / distance;
          dx /= distance; dy /= distance;
          a.dx += dx * push; a.dy += dy * push; b.dx -= dx * push; b.dy -= dy * push;
        }
      }
      for (const edge of edges) {
        const a = edge.a, b = edge.b;
        let dx = a.x - b.x, dy = a.y - b.y;
        const distance = Math.max(Math.hypot(dx, dy), 0.01);
        const pull = (distance * distance) / k;
        dx /= distance; dy /= distance;
        a.dx -= dx * pull; a.dy -= dy * pull; b.dx += dx * pull; b.dy += dy * pull;
      }
      for (const node of nodes) {
        const length = Math.max(Math.hypot(node.dx, node.dy), 0.01);
        node.x += (node.dx / length) * Math.min(length, heat);
        node.y += (node.dy / length) * Math.min(length, heat);
      }
    }
  }

  // The connected groups, biggest first: laid out apart, so that many small groups do
  // not push one another to the edges of a single layout.
  function groups(nodes, edges) {
    const root = new Map(nodes.map(function (n) { return [n, n]; }));
    const find = function (n) { while (root.get(n) !== n) n = root.get(n); return n; };
    for (const edge of edges) root.set(find(edge.a), find(edge.b));
    const members = new Map();
    for (const node of nodes) {
      const key = find(node);
      if (!members.has(key)) members.set(key, []);
      members.get(key).push(node);
    }
    return Array.from(members.values()).sort(function (a, b) { return b.length - a.length; });
  }

  // Each group in a box sized by its number of actors, boxes in rows across the width
  // (room at their sides for labels); returns the height the drawing needs.
  function pack(nodes, edges) {
    const LABEL_ROOM = 90;
    let x = 0, y = 0, rowHeight = 0;
    for (const group of groups(nodes, edges)) {
      const inGroup = new Set(group);
      const own = edges.filter(function (e) { return inGroup.has(e.a); });
      const size = group.length <= 2 ? 60 : Math.min(WIDTH - 2 * LABEL_ROOM, 100 * Math.sqrt(group.length));
      layout(group, own, size, 300);
      const xs = group.map(function (n) { return n.x; }), ys = group.map(function (n) { return n.y; });
      const left = Math.min.apply(null, xs), top = Math.min.apply(null, ys);
      const span = Math.max(Math.max.apply(null, xs) - left, Math.max.apply(null, ys) - top, 1);
      const scale = group.length > 1 ? size / span : 0;
      const width = size + 2 * LABEL_ROOM, height = size + 40;
      if (x + width > WIDTH && x > 0) { x = 0; y += rowHeight; rowHeight = 0; }
      for (const node of group) {
        node.x = x + LABEL_ROOM + (node.x - left) * scale;
        node.y = y + 20 + (node.y - top) * scale;
      }
      x += width; rowHeight = Math.max(rowHeight, height);
    }
    return Math.max(y + rowHeight, 200);
  }

  function draw(svg, data) {
    const byId = new Map(data.nodes.map(function (n) { return [n.id, Object.assign({ degree: 0 }, n)]; }));
    const edges = data.edges.map(function (e) {
      const edge = { a: byId.get(e.source), b: byId.get(e.target), weight: e.weight, quads: e.quads, intensity: e.intensity };
      edge.a.degree += e.weight; edge.b.degree += e.weight;
      return edge;
    });
    const nodes = Array.from(byId.values());
    height = pack(nodes, edges);
    svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + height.toFixed(0));
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const edgeLayer = element("g"), labelLayer = element("g"), nodeLayer = element("g");
    svg.append(edgeLayer, labelLayer, nodeLayer);
    for (const edge of edges) {
      edge.line = element("line", {
        class: "edge " + edgeClass(edge),
        "stroke-width": String(1 + 1.5 * Math.log2(edge.weight)),
      });
      edge.line.dataset.source = edge.a.id; edge.line.dataset.target = edge.b.id;
      const title = element("title");
      const parts = Object.entries(edge.quads).map(function (q) { return q[1] + " " + q[0].replace("_", " "); });
      // Edges are directed (who acted on whom), as in the GraphML and GEXF downloads.
      title.textContent = edge.a.name + " → " + edge.b.name + ": " + parts.join(", ") +
        "; net intensity " + signed(edge.intensity);
      edge.line.append(title);
      edge.label = element("text", { class: "weight" });
      edge.label.textContent = String(edge.weight);
      edgeLayer.append(edge.line);
      labelLayer.append(edge.label);
    }
    // Heaviest first: they get the label places they want.
    nodes.sort(function (a, b) { return b.degree - a.degree; });
    for (const node of nodes) {
      node.group = element("a", { class: "node", href: "/actors/" + encodeURIComponent(node.id) });
      node.group.dataset.actor = node.id;
      node.radius = 5 + Math.min(14, Math.sqrt(node.degree) * 1.5);
      const circle = element("circle", { r: String(node.radius) });
      node.label = element("text");
      node.label.textContent = node.name;
      const title = element("title");
      title.textContent = node.name + " (" + node.degree + " events)";
      node.group.append(title, circle, node.label);
      nodeLayer.append(node.group);
      interact(svg, node, nodes, edges);
    }
    place(nodes, edges);
  }

  // Label boxes, estimated from the text's length, must not overlap one another or a node.
  function overlaps(box, boxes) {
    return boxes.some(function (o) {
      return box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h;
    });
  }

  // Does the box hold a point of one of the edges? (Points every few units along each.)
  function crossesEdge(box, edges) {
    return edges.some(function (edge) {
      const steps = Math.max(2, Math.ceil(Math.hypot(edge.b.x - edge.a.x, edge.b.y - edge.a.y) / 4));
      for (let i = 1; i < steps; i++) {
        const x = edge.a.x + ((edge.b.x - edge.a.x) * i) / steps, y = edge.a.y + ((edge.b.y - edge.a.y) * i) / steps;
        if (x > box.x && x < box.x + box.w && y > box.y && y < box.y + box.h) return true;
      }
      return false;
    });
  }

  function placeLabels(nodes, edges) {
    const taken = nodes.map(function (n) {
      return { x: n.x - n.radius, y: n.y - n.radius, w: 2 * n.radius, h: 2 * n.radius };
    });
    for (const edge of edges) taken.push(edge.box);
    for (const node of nodes) {
      const w = node.name.length * 6.2, h = 12;
      // Beside the node, above, below, at its corners; then the same a little further out.
      const tries = [];
      for (const r of [node.radius + 3, node.radius + 14]) {
        tries.push(
          [r, -h / 2], [-r - w, -h / 2], [-w / 2, -r - h], [-w / 2, r],
          [r, -h - r / 2], [r, r / 2], [-r - w, -h - r / 2], [-r - w, r / 2],
        );
      }
      // A place that touches nothing; else one that only crosses edges; else none: a
      // label over another reads as neither, so the name shows on hover and focus only.
      let chosen = tries[0], box = null;
      for (const clearOfEdges of [true, false]) {
        for (const [dx, dy] of tries) {
          const candidate = { x: node.x + dx, y: node.y + dy, w: w, h: h };
          if (candidate.x < 0 || candidate.x + w > WIDTH || candidate.y < 0 || candidate.y + h > height) continue;
          if (overlaps(candidate, taken) || (clearOfEdges && crossesEdge(candidate, edges))) continue;
          chosen = [dx, dy]; box = candidate; break;
        }
        if (box) break;
      }
      node.group.classList.toggle("crowded", !box);
      if (box) taken.push(box);
      node.label.setAttribute("x", chosen[0].toFixed(1));
      node.label.setAttribute("y", (chosen[1] + h - 2).toFixed(1));
    }
  }

  function place(nodes, edges) {
    for (const edge of edges) {
      edge.line.setAttribute("x1", edge.a.x.toFixed(1)); edge.line.setAttribute("y1", edge.a.y.toFixed(1));
      edge.line.setAttribute("x2", edge.b.x.toFixed(1)); edge.line.setAttribute("y2", edge.b.y.toFixed(1));
      // A third of the way from the source: the two directions of a pair keep apart.
      const x = edge.a.x + (edge.b.x - edge.a.x) / 3, y = edge.a.y + (edge.b.y - edge.a.y) / 3;
      edge.label.setAttribute("x", x.toFixed(1));
      edge.label.setAttribute("y", (y + 3).toFixed(1));
      const w = String(edge.weight).length * 6 + 4;
      edge.box = { x: x - w / 2, y: y - 6, w: w, h: 12 };
    }
    for (const node of nodes) {
      node.group.setAttribute("transform", "translate(" + node.x.toFixed(1) + " " + node.y.toFixed(1) + ")");
    }
    placeLabels(nodes, edges);
  }

  function interact(svg, node, nodes, edges) {
    let dragging = false, moved = false;
    node.group.addEventListener("pointerdown", function (event) {
      dragging = true; moved = false;
      node.group.setPointerCapture(event.pointerId);
    });
    node.group.addEventListener("pointermove", function (event) {
      if (!dragging) return;
      const point = svg.createSVGPoint();
      point.x = event.clientX; point.y = event.clientY;
      const local = point.matrixTransform(svg.getScreenCTM().inverse());
      node.x = local.x; node.y = local.y; moved = true;
      place(nodes, edges);
    });
    node.group.addEventListener("pointerup", function () { dragging = false; });
    // The node is a link: a click opens the actor, unless it ended a drag.
    node.group.addEventListener("click", function (event) { if (moved) event.preventDefault(); });
    // Hovering a node fades everything not connected to it.
    const highlight = function () {
      const near = new Set([node]);
      for (const edge of edges) {
        const touches = edge.a === node || edge.b === node;
        if (touches) { near.add(edge.a); near.add(edge.b); }
        edge.line.classList.toggle("faded", !touches);
      }
      for (const other of nodes) other.group.classList.toggle("faded", !near.has(other));
    };
    const unhighlight = function () {
      for (const edge of edges) edge.line.classList.remove("faded");
      for (const other of nodes) other.group.classList.remove("faded");
    };
    // Hover and keyboard focus alike show the actor's links.
    node.group.addEventListener("pointerenter", highlight);
    node.group.addEventListener("focus", highlight);
    node.group.addEventListener("pointerleave", unhighlight);
    node.group.addEventListener("blur", unhighlight);
  }

  window.addEventListener("DOMContentLoaded", function () {
    const svg = document.getElementById("network");
    const status = document.getElementById("network-status");
    // The page's filters and the dates it shows, as the server wrote them.
    fetch(svg.dataset.source)
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.ok) return body;
          const detail = typeof body.detail === "string" ? body.detail : "the server answered " + response.status;
          throw new Error(detail);
        });
      })
      .then(function (data) {
        status.textContent = data.edges.length
          ? data.nodes.length + " actors, " + data.edges.length + " links" +
            (data.truncated ? " (the heaviest only)" : "")
          : "No events between actors in this window.";
        if (data.edges.length) draw(svg, data);
      })
      .catch(function (error) { status.textContent = "Could not load the network: " + error.message; });
  });
})();
