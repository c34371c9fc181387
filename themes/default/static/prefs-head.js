/* plansite: restore saved reader preferences before first paint (inline or blocking <script> in <head>). */
(function () {
  try {
    var d = document.documentElement, s = window.localStorage, k, v;
    var ok = { fs: /^(m|l|xl)$/, cs: /^(default|contrast|blue|yellow)$/, lh: /^(normal|wide)$/ };
    for (k in ok) {
      v = s.getItem("plansite." + k);
      if (v && ok[k].test(v)) d.setAttribute("data-" + k, v);
    }
    v = s.getItem("plansite.furigana." + (d.getAttribute("data-variant") || "standard"));
    if (v === "on" || v === "off") d.setAttribute("data-furigana", v);
  } catch (e) { /* storage blocked: the form still works through CSS */ }
})();
