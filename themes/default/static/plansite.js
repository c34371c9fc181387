/*
 * plansite: reader preferences. Plain script (no modules, no fetch) so it works from file://.
 * The form works without this script (CSS :has()); this adds persistence across pages:
 *   localStorage plansite.fs | plansite.cs | plansite.lh | plansite.furigana.<variant>
 * and mirrors the choices as data-fs / data-cs / data-lh / data-furigana on <html>.
 */
(function () {
  "use strict";
  var d = document.documentElement;
  var variant = d.getAttribute("data-variant") || "standard";
  var RADIOS = ["fs", "cs", "lh"];
  var furiKey = "plansite.furigana." + variant;

  function load(k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } }
  function save(k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* ignore */ } }

  function form() { return document.querySelector("form.prefs"); }

  /* Make the form show what is in force: saved value if any, else the form's default. */
  function sync() {
    var f = form();
    if (!f) return;
    RADIOS.forEach(function (name) {
      var v = load("plansite." + name) || d.getAttribute("data-" + name);
      var el = v && document.getElementById("pref-" + name + "-" + v);
      if (el && el.name === name) {
        el.checked = true;
      } else {
        el = document.querySelector('form.prefs input[name="' + name + '"]:checked');
      }
      if (el) d.setAttribute("data-" + name, el.value);
    });
    var sw = document.getElementById("pref-furigana");
    if (sw) {
      var fv = load(furiKey) || d.getAttribute("data-furigana");
      if (fv === "on" || fv === "off") sw.checked = fv === "on";
      d.setAttribute("data-furigana", sw.checked ? "on" : "off");
    }
  }

  function onChange(e) {
    var t = e.target;
    if (!t || !t.form || !t.form.classList.contains("prefs")) return;
    if (t.id === "pref-furigana") {
      var v = t.checked ? "on" : "off";
      d.setAttribute("data-furigana", v);
      save(furiKey, v);
    } else if (t.type === "radio" && RADIOS.indexOf(t.name) >= 0 && t.checked) {
      d.setAttribute("data-" + t.name, t.value);
      save("plansite." + t.name, t.value);
    }
  }

  function init() {
    var f = form();
    if (!f) return;
    sync();
    /* The furigana switch sits in its own small form in the header bar; the
       other preferences in the settings panel. Both are "form.prefs". */
    Array.prototype.forEach.call(document.querySelectorAll("form.prefs"), function (pf) {
      pf.setAttribute("autocomplete", "off");
      pf.addEventListener("change", onChange);
      pf.addEventListener("submit", function (e) { e.preventDefault(); });
    });
    /* Enter on the switch toggles it, like Space (many users expect this of a switch). */
    var sw = document.getElementById("pref-furigana");
    if (sw) {
      sw.addEventListener("keydown", function (e) {
        if (e.key === "Enter") { e.preventDefault(); sw.click(); }
      });
    }
    /* Remember whether the settings panel is open. */
    var panel = document.querySelector("details.prefs-panel");
    if (panel) {
      if (load("plansite.prefsOpen") === "1") panel.open = true;
      panel.addEventListener("toggle", function () { save("plansite.prefsOpen", panel.open ? "1" : "0"); });
    }
  }

  /* Pages restored from the back/forward cache, and other tabs, get the latest choices. */
  window.addEventListener("pageshow", function (e) { if (e.persisted) sync(); });
  window.addEventListener("storage", function (e) { if (e.key && e.key.indexOf("plansite.") === 0) sync(); });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
