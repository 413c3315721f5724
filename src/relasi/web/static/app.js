// relasi dashboard: draws the figures the server embedded as JSON, and a few small conveniences.
// Loaded as a file (the pages' Content-Security-Policy forbids inline script).
"use strict";

(function () {
  function draw(div) {
    var source = document.getElementById(div.dataset.figure);
    if (!source || typeof Plotly === "undefined") {
      div.textContent = "The chart library did not load.";
      return;
    }
    var figure = JSON.parse(source.textContent);
    var narrow = window.innerWidth < 640;
    if (narrow && figure.layout.height > 420) {
      figure.layout.height = Math.max(320, Math.round(window.innerWidth * 1.1));   // tall network on a phone
    }
    // The mode bar covers a phone-sized plot; pinch zoom and taps still work without it.
    // topojsonURL: the map's country shapes come from this server, never from plotly's CDN.
    var config = { responsive: true, displaylogo: false, displayModeBar: narrow ? false : "hover",
                   topojsonURL: "/static/topojson/" };
    Plotly.newPlot(div, figure.data, figure.layout, config)
      .then(function () {
        div.dataset.rendered = "true";
        if (div.dataset.links === "network") linkNetwork(div);
        if (div.dataset.links === "map") linkMap(div);
      });
  }

  // Actors open their events; a dyad's middle marker opens the dyad view.
  function linkNetwork(div) {
    div.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      if (!point) return;
      if (point.data.name === "actors") {
        window.location.href = "/events?actor=" + encodeURIComponent(point.customdata);
      } else if (point.data.name === "dyads") {
        window.location.href = "/dyad?a=" + encodeURIComponent(point.customdata[0]) +
          "&b=" + encodeURIComponent(point.customdata[1]);
      }
    });
  }

  // A place opens its events (the link is the events page with the map's filters and a box around it).
  function linkMap(div) {
    div.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      if (point && typeof point.customdata === "string" && point.customdata.indexOf("/events?") === 0) {
        window.location.href = point.customdata;
      }
    });
  }

  // Leave blank filter fields out of the URL, so shared links stay short.
  function tidyForms() {
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input, select").forEach(function (field) {
          if (field.name && field.value === "" && field.type !== "checkbox") field.disabled = true;
        });
      });
    });
  }

  // On an article, light up every piece of the sentence the URL's #ev-ID points to.
  function markEvent() {
    var match = /^#ev-(\d+)$/.exec(window.location.hash);
    document.querySelectorAll("mark.ev.active").forEach(function (m) { m.classList.remove("active"); });
    if (!match) return;
    document.querySelectorAll("mark.ev").forEach(function (m) {
      if (m.dataset.events.split(" ").indexOf(match[1]) >= 0) m.classList.add("active");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("div.chart[data-figure]").forEach(draw);
    tidyForms();
    if (document.getElementById("article-body")) {
      markEvent();
      window.addEventListener("hashchange", markEvent);
    }
  });
})();
