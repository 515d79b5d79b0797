/* banwatch overview: draws the timeline and the maps from the JSON the page carries.
 *
 * No inline script runs (the review app's Content-Security-Policy forbids it):
 * the figures come from <script type="application/json"> blocks. In a standalone
 * file the map shapes come the same way and are put into plotly's topojson
 * cache before plotting, so plotly never fetches them.
 */
(function () {
  "use strict";

  function readJSON(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  var spec = readJSON("overview-figures");
  var root = document.documentElement;
  if (!spec || typeof window.Plotly === "undefined") {
    root.setAttribute("data-overview", "error");
    console.error("banwatch overview: figures or plotly.js missing");
    return;
  }

  window.PlotlyGeoAssets = window.PlotlyGeoAssets || { topojson: {} };
  window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {};
  ["usa_110m", "world_110m"].forEach(function (name) {
    var shapes = readJSON("topojson-" + name);
    if (shapes) {
      window.PlotlyGeoAssets.topojson[name] = shapes;
    }
  });

  function plot(id, figure) {
    return window.Plotly.newPlot(id, figure.data, figure.layout, spec.config);
  }

  function linkBars(graph) {
    var dragLayer = graph.querySelector(".nsewdrag");
    graph.on("plotly_click", function (event) {
      var point = event && event.points && event.points[0];
      var target = point && spec.monthLinks[point.x];
      if (target) {
        window.location.assign(target);
      }
    });
    graph.on("plotly_hover", function () {
      if (dragLayer) { dragLayer.classList.add("bar-link"); }
    });
    graph.on("plotly_unhover", function () {
      if (dragLayer) { dragLayer.classList.remove("bar-link"); }
    });
    return graph;
  }

  Promise.all([
    plot("timeline", spec.timeline).then(linkBars),
    plot("us-map", spec.usMap),
    plot("world-map", spec.worldMap)
  ]).then(function () {
    root.setAttribute("data-overview", "ready");
  }, function (error) {
    root.setAttribute("data-overview", "error");
    console.error("banwatch overview: a chart failed to draw:", error);
  });
}());
