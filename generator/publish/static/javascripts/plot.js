/* What the site's interactive plots share, hand-written: the curves, sampling, and a frame
   with grid, axes and tick labels that curves are drawn in as SVG paths. explorer.js (the
   parameter explorer of an activation page) and comparison.js (the picker and the table of
   the comparison page) build on it, so a page loads only the widgets it has.

   Curves come only from window.ACTIVATION_CURVES (curves.js, printed by SymPy from the
   catalog), so a widget can never disagree with the formula on the page. Every widget is
   markup the page already contains (hidden until its script runs), and everything is set
   up again on each page Material shows, also under its instant navigation (document$). */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var X_RANGE = [-6, 6];
  var SAMPLES = 481;
  var Y_LIMIT = 8; // auto-scaling never goes past ±Y_LIMIT: exp(6) would flatten the rest
  var clipCounter = 0;

  function curves() {
    return window.ACTIVATION_CURVES || {};
  }

  function svgElement(name, attributes) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, String(attributes[key]));
    });
    return element;
  }

  function formatNumber(value) {
    if (value === 0) {
      return "0";
    }
    var text = String(Number(value.toPrecision(4)));
    return text.replace("-", "\u2212");
  }

  /* ---- plotting: a frame with grid and axes, and curves as SVG paths ------------------ */

  function sampleCurve(fn, parameters) {
    var xs = [];
    var ys = [];
    for (var i = 0; i < SAMPLES; i += 1) {
      var x = X_RANGE[0] + ((X_RANGE[1] - X_RANGE[0]) * i) / (SAMPLES - 1);
      var y;
      try {
        y = Number(fn(x, parameters));
      } catch (error) {
        y = NaN;
      }
      xs.push(x);
      ys.push(y);
    }
    return { x: xs, y: ys };
  }

  function niceStep(span, count) {
    var raw = span / count;
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i += 1) {
      if (steps[i] * power >= raw) {
        return steps[i] * power;
      }
    }
    return 10 * power;
  }

  /* The y range that shows every sampled value (but not beyond ±Y_LIMIT), with 0 inside. */
  function yRange(samples) {
    var low = -1;
    var high = 1;
    samples.forEach(function (sample) {
      sample.y.forEach(function (y) {
        if (isFinite(y)) {
          low = Math.min(low, y);
          high = Math.max(high, y);
        }
      });
    });
    low = Math.max(low, -Y_LIMIT);
    high = Math.min(high, Y_LIMIT);
    var pad = (high - low) * 0.06;
    return [low - pad, high + pad];
  }

  function Frame(svg) {
    var box = svg.viewBox.baseVal;
    // Shown narrower than its canvas (a phone), the plot gets a canvas as wide as it is
    // shown, at the same proportions: its tick labels (12px in extra.css) then stay 12 CSS
    // px instead of shrinking with the picture to 6.
    var shown = svg.getBoundingClientRect().width;
    if (box && box.width && shown > 0 && shown < box.width) {
      var height = Math.round((box.height * shown) / box.width);
      svg.setAttribute("viewBox", "0 0 " + Math.round(shown) + " " + height);
      box = svg.viewBox.baseVal;
    }
    this.svg = svg;
    this.width = box && box.width ? box.width : 640;
    this.height = box && box.height ? box.height : 360;
    this.left = 44;
    this.right = this.width - 14;
    this.top = 12;
    this.bottom = this.height - 28;
    this.yRange = [-1, 1];
    this.grid = svg.querySelector("g.plot-grid");
    if (!this.grid) {
      this.grid = svgElement("g", { class: "plot-grid" });
      svg.insertBefore(this.grid, svg.firstChild);
    }
    this.clip = "plot-clip-" + (clipCounter += 1);
    var defs = svgElement("defs");
    var clipPath = svgElement("clipPath", { id: this.clip });
    clipPath.appendChild(
      svgElement("rect", {
        x: this.left,
        y: this.top,
        width: this.right - this.left,
        height: this.bottom - this.top,
      })
    );
    defs.appendChild(clipPath);
    svg.insertBefore(defs, svg.firstChild);
  }

  Frame.prototype.px = function (x) {
    return this.left + ((x - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0])) * (this.right - this.left);
  };

  Frame.prototype.py = function (y) {
    var range = this.yRange;
    return this.bottom - ((y - range[0]) / (range[1] - range[0])) * (this.bottom - this.top);
  };

  Frame.prototype.clipped = function (path) {
    path.setAttribute("clip-path", "url(#" + this.clip + ")");
    return path;
  };

  /* Grid lines, tick labels and the two axes through the origin, for the current range. */
  Frame.prototype.drawGrid = function (range) {
    var self = this;
    this.yRange = range;
    while (this.grid.firstChild) {
      this.grid.removeChild(this.grid.firstChild);
    }
    var add = function (name, attributes, text) {
      var element = svgElement(name, attributes);
      if (text !== undefined) {
        element.textContent = text;
      }
      self.grid.appendChild(element);
    };
    for (var x = X_RANGE[0]; x <= X_RANGE[1]; x += 1) {
      add("line", {
        class: x === 0 ? "plot-axis" : "plot-gridline",
        x1: this.px(x),
        x2: this.px(x),
        y1: this.top,
        y2: this.bottom,
      });
      if (x % 2 === 0) {
        add("text", { class: "plot-tick", x: this.px(x), y: this.bottom + 18, "text-anchor": "middle" }, formatNumber(x));
      }
    }
    var step = niceStep(range[1] - range[0], 6);
    for (var k = Math.ceil(range[0] / step); k * step <= range[1]; k += 1) {
      var y = k * step;
      add("line", {
        class: k === 0 ? "plot-axis" : "plot-gridline",
        x1: this.left,
        x2: this.right,
        y1: this.py(y),
        y2: this.py(y),
      });
      add("text", { class: "plot-tick", x: this.left - 6, y: this.py(y) + 4, "text-anchor": "end" }, formatNumber(y));
    }
  };

  /* SVG path data; the line is lifted where the value is not finite or jumps. */
  Frame.prototype.pathData = function (sample) {
    var span = this.bottom - this.top;
    var commands = [];
    var previous = null;
    for (var i = 0; i < sample.x.length; i += 1) {
      var y = sample.y[i];
      if (!isFinite(y)) {
        previous = null;
        continue;
      }
      var py = Math.max(this.top - span, Math.min(this.bottom + span, this.py(y)));
      var jump = previous !== null && Math.abs(py - previous) > span * 0.25;
      commands.push((previous === null || jump ? "M" : "L") + this.px(sample.x[i]).toFixed(2) + "," + py.toFixed(2));
      previous = py;
    }
    return commands.join("");
  };

  /* ---- wiring: each widget set up once, on every page Material shows ---------------- */

  function once(element, setUp) {
    if (element.getAttribute("data-ready") !== "true") {
      element.setAttribute("data-ready", "true");
      setUp(element);
    }
  }

  function ready(setUpAll) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(setUpAll); // Material: every page, instant navigation too
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setUpAll);
    } else {
      setUpAll();
    }
  }

  window.ActivationPlot = {
    curves: curves,
    svgElement: svgElement,
    formatNumber: formatNumber,
    sampleCurve: sampleCurve,
    yRange: yRange,
    Frame: Frame,
    once: once,
    ready: ready,
  };
})();
