/* The site's interactive parts, hand-written: the parameter explorer of an activation page,
   the picker and the sortable, filterable table of the comparison page.

   Curves come only from window.ACTIVATION_CURVES (curves.js, printed by SymPy from the
   catalog), so a widget can never disagree with the formula on the page. Every widget is
   markup the page already contains (hidden until this script runs), and everything is set
   up again on each page Material shows, also under its instant navigation (document$). */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var X_RANGE = [-6, 6];
  var SAMPLES = 481;
  var Y_LIMIT = 8; // auto-scaling never goes past ±Y_LIMIT: exp(6) would flatten the rest
  var MAX_PICKED = 6;
  var MIN_PICKED = 2;
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

  /* ---- explorer: sliders for an activation's parameters, f and f′ redrawn live -------- */

  function setUpExplorer(root) {
    var curve = curves()[root.getAttribute("data-activation")];
    var svg = root.querySelector("svg.explorer-plot");
    if (!curve || !svg) {
      return;
    }
    root.hidden = false; // shown before it is measured (Frame)
    var frame = new Frame(svg);
    var pathF = frame.clipped(svg.querySelector("path.curve-f"));
    var pathDf = frame.clipped(svg.querySelector("path.curve-df"));
    var sliders = Array.prototype.slice.call(root.querySelectorAll("input[type=range][data-parameter]"));

    function values() {
      var parameters = {};
      Object.keys(curve.parameters).forEach(function (name) {
        parameters[name] = curve.parameters[name].default;
      });
      sliders.forEach(function (input) {
        var value = Number(input.value);
        if (isFinite(value)) {
          parameters[input.getAttribute("data-parameter")] = value;
        }
      });
      return parameters;
    }

    function redraw() {
      var parameters = values();
      sliders.forEach(function (input) {
        var name = input.getAttribute("data-parameter");
        var output = root.querySelector('output[data-parameter="' + name + '"]');
        if (output) {
          output.textContent = formatNumber(parameters[name]);
        }
      });
      var f = sampleCurve(curve.f, parameters);
      var df = sampleCurve(curve.df, parameters);
      frame.drawGrid(yRange([f, df]));
      pathF.setAttribute("d", frame.pathData(f));
      pathDf.setAttribute("d", frame.pathData(df));
    }

    sliders.forEach(function (input) {
      input.addEventListener("input", redraw);
      input.addEventListener("change", redraw);
    });
    var reset = root.querySelector("button.explorer-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        sliders.forEach(function (input) {
          input.value = String(curve.parameters[input.getAttribute("data-parameter")].default);
        });
        redraw();
      });
    }
    redraw();
  }

  /* ---- picker: overlay f (and optionally f′) of 2 to 6 activations -------------------- */

  function setUpPicker(root) {
    var svg = root.querySelector("svg#picker-plot");
    if (!svg) {
      return;
    }
    root.hidden = false; // shown before it is measured (Frame)
    var frame = new Frame(svg);
    var layer = svg.querySelector("g.picker-curves") || svg.appendChild(svgElement("g", { class: "picker-curves" }));
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[type=checkbox][data-activation]"));
    var derivative = root.querySelector("input#picker-derivative");
    var legend = root.querySelector(".picker-legend");
    var hint = root.querySelector(".picker-hint");
    var slots = {}; // activation id -> colour slot 1..6, kept while it stays checked

    function checked() {
      return boxes.filter(function (box) {
        return box.checked && curves()[box.getAttribute("data-activation")];
      });
    }

    function assignSlots(ids) {
      Object.keys(slots).forEach(function (id) {
        if (ids.indexOf(id) < 0) {
          delete slots[id];
        }
      });
      ids.forEach(function (id) {
        if (!slots[id]) {
          var used = Object.keys(slots).map(function (key) {
            return slots[key];
          });
          for (var slot = 1; slot <= MAX_PICKED; slot += 1) {
            if (used.indexOf(slot) < 0) {
              slots[id] = slot;
              break;
            }
          }
        }
      });
    }

    function redraw() {
      var picked = checked();
      var ids = picked.map(function (box) {
        return box.getAttribute("data-activation");
      });
      assignSlots(ids);
      boxes.forEach(function (box) {
        box.disabled = !box.checked && picked.length >= MAX_PICKED;
      });
      if (hint) {
        hint.hidden = picked.length >= MIN_PICKED;
      }
      var withDerivative = Boolean(derivative && derivative.checked);
      var samples = ids.map(function (id) {
        var curve = curves()[id];
        var parameters = {};
        Object.keys(curve.parameters).forEach(function (name) {
          parameters[name] = curve.parameters[name].default;
        });
        return {
          id: id,
          curve: curve,
          f: sampleCurve(curve.f, parameters),
          df: withDerivative ? sampleCurve(curve.df, parameters) : null,
        };
      });
      var all = [];
      samples.forEach(function (sample) {
        all.push(sample.f);
        if (sample.df) {
          all.push(sample.df);
        }
      });
      frame.drawGrid(yRange(all));
      while (layer.firstChild) {
        layer.removeChild(layer.firstChild);
      }
      if (legend) {
        while (legend.firstChild) {
          legend.removeChild(legend.firstChild);
        }
      }
      samples.forEach(function (sample) {
        var colour = "picker-colour-" + slots[sample.id];
        if (sample.df) {
          var dashed = frame.clipped(svgElement("path", { class: "picker-df " + colour, "data-derivative-of": sample.id }));
          dashed.setAttribute("d", frame.pathData(sample.df));
          layer.appendChild(dashed);
        }
        var path = frame.clipped(svgElement("path", { class: "picker-f " + colour, "data-activation": sample.id }));
        path.setAttribute("d", frame.pathData(sample.f));
        layer.appendChild(path);
        if (legend) {
          var item = document.createElement("li");
          var swatch = document.createElement("span");
          swatch.className = "picker-swatch " + colour;
          item.appendChild(swatch);
          item.appendChild(document.createTextNode(sample.curve.name + (sample.curve.gated ? " (gate)" : "")));
          legend.appendChild(item);
        }
      });
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", redraw);
    });
    if (derivative) {
      derivative.addEventListener("change", redraw);
    }
    redraw();
  }

  /* ---- comparison table: click a header to sort; type, or press chips, to filter ---- */

  /* The generator writes every sort key (generator/present/comparison.py): a number, a few
     numbers compared in turn (a range: lower end, then upper end), or text; "" where
     nothing is determined, which stays last in either direction. */
  function sortKey(cell) {
    return cell ? cell.getAttribute("data-sort") || "" : "";
  }

  function numbers(key) {
    var values = key.split(" ").map(Number);
    return values.some(isNaN) ? null : values;
  }

  function compareKeys(a, b) {
    var x = numbers(a);
    var y = numbers(b);
    if (x && y) {
      for (var i = 0; i < Math.min(x.length, y.length); i += 1) {
        if (x[i] !== y[i]) {
          return x[i] < y[i] ? -1 : 1;
        }
      }
      return x.length - y.length;
    }
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function setUpSorting(table, body, rows) {
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var state = { column: -1, direction: 1 };
    headers.forEach(function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "comparison-sort";
      while (header.firstChild) {
        button.appendChild(header.firstChild);
      }
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        state.direction = state.column === column ? -state.direction : 1;
        state.column = column;
        var sorted = rows.slice().sort(function (a, b) {
          var x = sortKey(a.cells[column]);
          var y = sortKey(b.cells[column]);
          if ((x === "") !== (y === "")) {
            return x === "" ? 1 : -1;
          }
          var order = compareKeys(x, y) || Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
          return state.direction * order;
        });
        sorted.forEach(function (row) {
          body.appendChild(row);
        });
        headers.forEach(function (other, index) {
          other.setAttribute("aria-sort", index !== column ? "none" : state.direction > 0 ? "ascending" : "descending");
        });
      });
    });
  }

  /* The box matches a row's names (data-names: name, aliases, family), any of several
     terms separated by commas; each pressed chip also requires its token in the row's
     data-properties. */
  function setUpFilter(rows) {
    var filter = document.getElementById("comparison-filter");
    if (!filter) {
      return;
    }
    var wrapper = filter.closest(".comparison-filter") || filter;
    var chips = Array.prototype.slice.call(wrapper.querySelectorAll("button.comparison-chip[data-property]"));
    var count = document.getElementById("comparison-count");
    var names = rows.map(function (row) {
      return (row.getAttribute("data-names") || "").toLowerCase();
    });
    var properties = rows.map(function (row) {
      return (row.getAttribute("data-properties") || "").split(" ");
    });
    var apply = function () {
      var terms = filter.value.toLowerCase().split(",").map(function (term) {
        return term.trim();
      }).filter(Boolean);
      var wanted = chips.filter(function (chip) {
        return chip.getAttribute("aria-pressed") === "true";
      }).map(function (chip) {
        return chip.getAttribute("data-property");
      });
      var shown = 0;
      rows.forEach(function (row, index) {
        var named = !terms.length || terms.some(function (term) {
          return names[index].indexOf(term) >= 0;
        });
        var holds = wanted.every(function (token) {
          return properties[index].indexOf(token) >= 0;
        });
        row.hidden = !(named && holds);
        shown += row.hidden ? 0 : 1;
      });
      if (count) {
        count.textContent = shown + " of " + rows.length + " shown";
      }
    };
    filter.addEventListener("input", apply);
    chips.forEach(function (chip) {
      chip.addEventListener("click", function () {
        chip.setAttribute("aria-pressed", chip.getAttribute("aria-pressed") === "true" ? "false" : "true");
        apply();
      });
    });
    wrapper.hidden = false;
    apply();
  }

  function setUpTable(table) {
    var body = table.tBodies[0];
    if (!body) {
      return;
    }
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, index) {
      row.setAttribute("data-index", String(index));
    });
    setUpSorting(table, body, rows);
    setUpFilter(rows);
  }

  /* ---- wiring ------------------------------------------------------------------------- */

  function once(element, setUp) {
    if (element.getAttribute("data-ready") !== "true") {
      element.setAttribute("data-ready", "true");
      setUp(element);
    }
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("div.explorer[data-activation]"), function (element) {
      once(element, setUpExplorer);
    });
    var picker = document.getElementById("picker");
    if (picker) {
      once(picker, setUpPicker);
    }
    Array.prototype.forEach.call(document.querySelectorAll("table.comparison"), function (table) {
      once(table, setUpTable);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpAll); // Material: every page, instant navigation too
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
