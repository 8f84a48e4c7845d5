/* Functions the activation formulas use and JavaScript's Math lacks. Hand-written.
   curves.js (printed by SymPy from the catalog) calls these as ActivationMath.erf etc. */
(function (root) {
  "use strict";

  var TWO_OVER_SQRT_PI = 1.1283791670955126; // 2 / sqrt(pi)
  var ONE_OVER_SQRT_PI = 0.5641895835477563; // 1 / sqrt(pi)

  /* erf for 0 <= x < 3: 2/sqrt(pi) exp(-x^2) sum_n (2x^2)^n x / (1*3*...*(2n+1)).
     Every term is positive, so nothing cancels; at x < 3 the terms shrink geometrically
     once n > x^2 and 120 terms reach double precision. */
  function erfSeries(x) {
    var x2 = x * x;
    var term = x;
    var sum = x;
    for (var n = 1; n < 200; n += 1) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  }

  /* erfc for x >= 3 from its continued fraction
     erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
     evaluated from the tail; at x >= 3, 60 levels are far below double rounding. */
  function erfcFraction(x) {
    var tail = x;
    for (var k = 60; k >= 1; k -= 1) {
      tail = x + k / 2 / tail;
    }
    return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / tail;
  }

  function erf(x) {
    if (x !== x) {
      return NaN;
    }
    var a = Math.abs(x);
    var value = a < 3 ? erfSeries(a) : 1 - erfcFraction(a);
    return x < 0 ? -value : value;
  }

  function erfc(x) {
    if (x !== x) {
      return NaN;
    }
    if (x >= 3) {
      return erfcFraction(x);
    }
    if (x <= -3) {
      return 2 - erfcFraction(-x);
    }
    return 1 - erf(x);
  }

  /* SymPy's Heaviside(x, h0): 0 left of 0, 1 right of it, h0 (default 1/2) at 0. */
  function heaviside(x, h0) {
    if (x > 0) {
      return 1;
    }
    if (x < 0) {
      return 0;
    }
    return x === 0 ? (h0 === undefined ? 0.5 : h0) : NaN;
  }

  root.ActivationMath = { erf: erf, erfc: erfc, heaviside: heaviside };
})(typeof window !== "undefined" ? window : globalThis);
