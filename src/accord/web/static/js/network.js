// Network page: countries as nodes, interacting pairs as edges coloured by their
// cooperation/conflict balance. Clicking an edge lists the events between the pair.
(function () {
  "use strict";
  const source = document.getElementById("network-data");
  const container = document.getElementById("network");
  if (!source || !container || !window.cytoscape) return;
  const data = JSON.parse(source.textContent);
  const args = JSON.parse(document.getElementById("network-args").textContent);
  const css = getComputedStyle(document.documentElement);
  const coop = css.getPropertyValue("--coop").trim(), conflict = css.getPropertyValue("--conflict").trim();
  const most = Math.max(1, ...data.edges.map((e) => e.events));
  const nodeMost = Math.max(1, ...data.nodes.map((n) => n.events));

  const elements = data.nodes.map((n) => ({ data: { id: n.id, events: n.events } })).concat(
    data.edges.map((e, i) => ({
      data: { id: "e" + i, source: e.a, target: e.b, events: e.events,
              balance: e.balance === null ? 0 : e.balance },
    })));
  const eventsUrl = (extra) => {
    const params = new URLSearchParams(args);
    params.delete("country"); params.delete("partner");
    Object.entries(extra).forEach(([k, v]) => params.set(k, v));
    return "/events?" + params.toString();
  };

  const cy = cytoscape({
    container, elements, wheelSensitivity: 0.3,
    layout: { name: data.nodes.length > 2 ? "cose" : "grid", animate: false, padding: 40,
              randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 120 },
    style: [
      { selector: "node", style: {
          label: "data(id)", "text-valign": "center", color: "#fff", "font-size": 12,
          "font-weight": "bold", "background-color": "#1d4e89",
          width: `mapData(events, 1, ${nodeMost}, 34, 70)`, height: `mapData(events, 1, ${nodeMost}, 34, 70)` } },
      { selector: "edge", style: {
          width: `mapData(events, 1, ${most}, 3, 14)`, "curve-style": "bezier",
          "line-color": `mapData(balance, -1, 1, ${conflict}, ${coop})`, opacity: 0.85 } },
      { selector: "edge:selected, edge.hover", style: { opacity: 1, "overlay-opacity": 0.15 } },
    ],
  });
  cy.on("tap", "edge", (evt) => {
    const e = evt.target.data();
    window.location.href = eventsUrl({ country: e.source, partner: e.target });
  });
  cy.on("tap", "node", (evt) => { window.location.href = eventsUrl({ country: evt.target.id() }); });
  cy.on("mouseover", "edge", (evt) => { evt.target.addClass("hover"); container.style.cursor = "pointer"; });
  cy.on("mouseout", "edge", (evt) => { evt.target.removeClass("hover"); container.style.cursor = ""; });
  window.accordNetwork = cy;  // for the browser tests and the curious
})();
