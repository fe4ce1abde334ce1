// Timeline page: monthly events stacked by type, and cooperation against conflict.
(function () {
  "use strict";
  const source = document.getElementById("timeline-data");
  if (!source || !window.d3) return;
  const data = JSON.parse(source.textContent);
  const css = getComputedStyle(document.documentElement);
  const colour = (name) => css.getPropertyValue("--t-" + name).trim() || css.getPropertyValue("--t-other").trim();
  const margin = { top: 10, right: 150, bottom: 40, left: 40 };
  const width = 960, height = 300;

  function frame(id) {
    const svg = d3.select("#" + id).append("svg")
      .attr("viewBox", `0 0 ${width} ${height}`).attr("role", "img");
    const x = d3.scaleBand().domain(data.months.map((m) => m.month))
      .range([margin.left, width - margin.right]).padding(0.15);
    return { svg, x };
  }

  function axes(svg, x, y) {
    // counts are whole numbers: integer ticks only, and conflict (below zero) as a count
    const ticks = y.ticks(Math.min(6, Math.abs(y.domain()[1] - y.domain()[0]))).filter(Number.isInteger);
    const every = Math.ceil(x.domain().length / 16);
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).tickValues(ticks).tickFormat((d) => Math.abs(d)));
  }

  function legend(svg, items) {
    const g = svg.append("g").attr("class", "legend")
      .attr("transform", `translate(${width - margin.right + 15},${margin.top})`);
    items.forEach(([label, fill], i) => {
      const row = g.append("g").attr("transform", `translate(0,${i * 16})`);
      row.append("rect").attr("width", 11).attr("height", 11).attr("fill", fill);
      row.append("text").attr("x", 16).attr("y", 10).text(label);
    });
  }

  function byType() {
    const { svg, x } = frame("chart-types");
    const rows = data.months.map((m) => Object.assign({ month: m.month }, m.by_type));
    const stacked = d3.stack().keys(data.types).value((d, k) => d[k] || 0)(rows);
    const y = d3.scaleLinear().domain([0, d3.max(data.months, (m) => m.total) || 1]).nice()
      .range([height - margin.bottom, margin.top]);
    svg.append("g").selectAll("g").data(stacked).join("g").attr("fill", (s) => colour(s.key))
      .selectAll("rect").data((s) => s.map((d) => Object.assign(d, { key: s.key }))).join("rect")
      .attr("x", (d) => x(d.data.month)).attr("width", x.bandwidth())
      .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1]))
      .append("title").text((d) => `${d.data.month} ${d.key}: ${d[1] - d[0]}`);
    axes(svg, x, y);
    legend(svg, data.types.map((t) => [t, colour(t)]));
  }

  function balance() {
    const { svg, x } = frame("chart-balance");
    const top = d3.max(data.months, (m) => Math.max(m.cooperation, m.conflict)) || 1;
    const y = d3.scaleLinear().domain([-top, top]).nice().range([height - margin.bottom, margin.top]);
    const coop = css.getPropertyValue("--coop").trim(), conflict = css.getPropertyValue("--conflict").trim();
    const bars = svg.append("g");
    bars.selectAll("rect.coop").data(data.months).join("rect").attr("class", "coop").attr("fill", coop)
      .attr("x", (m) => x(m.month)).attr("width", x.bandwidth())
      .attr("y", (m) => y(m.cooperation)).attr("height", (m) => y(0) - y(m.cooperation))
      .append("title").text((m) => `${m.month}: ${m.cooperation} cooperation`);
    bars.selectAll("rect.conflict").data(data.months).join("rect").attr("class", "conflict")
      .attr("fill", conflict).attr("x", (m) => x(m.month)).attr("width", x.bandwidth())
      .attr("y", y(0)).attr("height", (m) => y(-m.conflict) - y(0))
      .append("title").text((m) => `${m.month}: ${m.conflict} conflict`);
    axes(svg, x, y);
    legend(svg, [["cooperation", coop], ["conflict", conflict]]);
  }

  if (!data.months.length) {
    d3.select("#chart-types").append("p").attr("class", "empty").text("No dated events match these filters.");
    return;
  }
  byType();
  balance();
})();
