/* The comparison page: the picker that overlays 2 to 6 activations (plot.js draws), and the
   table sorted by a header click and filtered by name and property chips. */
(function () {
  "use strict";

  var plot = window.ActivationPlot; // plot.js
  var curves = plot.curves;
  var svgElement = plot.svgElement;
  var sampleCurve = plot.sampleCurve;
  var yRange = plot.yRange;
  var Frame = plot.Frame;
  var MAX_PICKED = 6;
  var MIN_PICKED = 2;

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
      var terms = filter.value.toLowerCase().split(/[,，、]/).map(function (term) {
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
        // The page words it: data-format="{shown} of {total} shown" in each language.
        count.textContent = (count.dataset.format || "{shown} / {total}")
          .replace("{shown}", String(shown))
          .replace("{total}", String(rows.length));
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

  plot.ready(function () {
    var picker = document.getElementById("picker");
    if (picker) {
      plot.once(picker, setUpPicker);
    }
    Array.prototype.forEach.call(document.querySelectorAll("table.comparison"), function (table) {
      plot.once(table, setUpTable);
    });
  });
})();
