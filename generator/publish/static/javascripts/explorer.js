/* The parameter explorer of an activation page: sliders for its parameters, f and f′
   redrawn live (plot.js draws). */
(function () {
  "use strict";

  var plot = window.ActivationPlot; // plot.js
  var curves = plot.curves;
  var formatNumber = plot.formatNumber;
  var sampleCurve = plot.sampleCurve;
  var yRange = plot.yRange;
  var Frame = plot.Frame;

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

  plot.ready(function () {
    Array.prototype.forEach.call(document.querySelectorAll("div.explorer[data-activation]"), function (element) {
      plot.once(element, setUpExplorer);
    });
  });
})();
