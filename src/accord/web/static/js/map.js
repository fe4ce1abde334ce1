// Map page: countries shaded by the events that took place there (d3-geo over
// world-atlas, drawn locally: no tile server), with a bubble per country.
(function () {
  "use strict";
  const source = document.getElementById("map-data");
  const container = document.getElementById("map");
  if (!source || !container || !window.d3 || !window.topojson) return;
  const places = JSON.parse(source.textContent).places;
  const args = JSON.parse(document.getElementById("map-args").textContent);
  const width = 960, height = 500;

  const byNumeric = new Map();
  places.forEach((p) => {
    if (!p.numeric) return;
    const entry = byNumeric.get(p.numeric) || { country: p.country, events: 0, places: [] };
    entry.events += p.events;
    if (p.place) entry.places.push(`${p.place} (${p.events})`);
    byNumeric.set(p.numeric, entry);
  });
  const most = d3.max(Array.from(byNumeric.values()), (e) => e.events) || 1;
  const shade = d3.scaleSequential(d3.interpolateBlues).domain([0, most]);
  const radius = d3.scaleSqrt().domain([0, most]).range([0, 22]);
  const eventsUrl = (country) => {
    const params = new URLSearchParams(args);
    params.set("location", country);
    return "/events?" + params.toString();
  };

  // The largest polygon of a country, so France's bubble sits in France, not between
  // Paris and French Guiana.
  function mainland(feature) {
    if (feature.geometry.type !== "MultiPolygon") return feature;
    const polygons = feature.geometry.coordinates.map((c) => ({ type: "Polygon", coordinates: c }));
    return polygons.reduce((a, b) => (d3.geoArea(b) > d3.geoArea(a) ? b : a));
  }

  d3.json(container.dataset.atlas).then((world) => {
    const countries = topojson.feature(world, world.objects.countries);
    const projection = d3.geoNaturalEarth1().fitSize([width, height], countries);
    const path = d3.geoPath(projection);
    const svg = d3.select(container).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
      .attr("role", "img").attr("aria-label", "world map of event locations");
    svg.append("g").selectAll("path").data(countries.features).join("path")
      .attr("class", (f) => "country" + (byNumeric.has(f.id) ? " has-events" : ""))
      .attr("d", path)
      .style("fill", (f) => (byNumeric.has(f.id) ? shade(byNumeric.get(f.id).events) : null))
      .on("click", (_, f) => { if (byNumeric.has(f.id)) window.location.href = eventsUrl(byNumeric.get(f.id).country); })
      .append("title").text((f) => {
        const e = byNumeric.get(f.id);
        return e ? `${f.properties.name}: ${e.events} events ${e.places.join(", ")}` : f.properties.name;
      });
    const located = countries.features.filter((f) => byNumeric.has(f.id));
    svg.append("g").selectAll("circle").data(located).join("circle").attr("class", "bubble")
      .attr("transform", (f) => `translate(${path.centroid(mainland(f))})`)
      .attr("r", (f) => radius(byNumeric.get(f.id).events))
      .on("click", (_, f) => { window.location.href = eventsUrl(byNumeric.get(f.id).country); })
      .append("title").text((f) => `${f.properties.name}: ${byNumeric.get(f.id).events} events`);
  });
})();
