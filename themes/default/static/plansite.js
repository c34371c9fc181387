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

  /* Easy texts put a space between phrases (分かち書き), and a line may break
     only there. CSS keep-all keeps kana and kanji together, but Chromium still
     breaks before a <ruby> and after a hyphen (042-000-…): such a phrase is
     wrapped in an inline-block span (it still wraps inside when longer than
     the line). */
  function keepPhrases(el) {
    var run = [];
    function close() {
      var text = run.map(function (n) { return n.textContent; }).join("");
      if ((run.length > 1 && run.some(function (n) { return n.nodeType === 1; })) || /\S[-‐/]\S/.test(text)) {
        var span = document.createElement("span");
        span.className = "phrase";
        run[0].parentNode.insertBefore(span, run[0]);
        run.forEach(function (n) { span.appendChild(n); });
      }
      run = [];
    }
    Array.prototype.slice.call(el.childNodes).forEach(function (n) {
      if (n.nodeType === 3) {
        var parts = n.data.split(/([\s\u3000]+)/);
        if (parts.length === 1) { run.push(n); return; }
        var frag = document.createDocumentFragment();
        var pieces = [];
        parts.forEach(function (t) { if (t) { var x = document.createTextNode(t); frag.appendChild(x); pieces.push(x); } });
        n.parentNode.replaceChild(frag, n);
        pieces.forEach(function (x) {
          if (/^[\s\u3000]+$/.test(x.data)) { close(); } else { run.push(x); }
        });
      } else if (n.nodeName === "RUBY" || (/^(A|SPAN|STRONG|EM|B|I|MARK|SMALL|TIME|ABBR)$/.test(n.nodeName) &&
          n.textContent && !/[\s\u3000]/.test(n.textContent) && getComputedStyle(n).display === "inline")) {
        run.push(n);   /* a link or emphasis inside a phrase stays in it */
      } else {
        close();
        if (n.nodeType === 1 && !/^(SCRIPT|STYLE|RT|RP)$/.test(n.nodeName)) keepPhrases(n);
      }
    });
    close();
  }

  /* Print buttons: standard or large print (16 pt and more), whatever the
     screen's text size. */
  function printTools() {
    var tools = document.querySelector(".print-tools");
    if (!tools || typeof window.print !== "function") return;
    tools.hidden = false;
    tools.addEventListener("click", function (e) {
      var btn = e.target.closest && e.target.closest("button[data-print]");
      if (!btn) return;
      d.setAttribute("data-print", btn.getAttribute("data-print"));
      window.print();
    });
    window.addEventListener("afterprint", function () { d.removeAttribute("data-print"); });
  }

  function init() {
    printTools();
    if (variant === "easy") {
      Array.prototype.forEach.call(document.querySelectorAll("main, .site-header, .breadcrumb, .site-footer"), keepPhrases);
    }
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
    panels();
  }

  /* The header's panels (settings, menu) start closed on every page. One is
     open at a time; Escape or a click elsewhere closes it, and Escape puts
     focus back on its button. */
  function panels() {
    var all = document.querySelectorAll(".site-tools > details");
    function closeOthers(keep) {
      Array.prototype.forEach.call(all, function (p) { if (p !== keep && p.open) p.open = false; });
    }
    Array.prototype.forEach.call(all, function (p) {
      p.addEventListener("toggle", function () { if (p.open) closeOthers(p); });
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") return;
      Array.prototype.forEach.call(all, function (p) {
        if (p.open && getComputedStyle(p.querySelector("summary")).display !== "none") {
          p.open = false;
          p.querySelector("summary").focus();
        }
      });
    });
    document.addEventListener("click", function (e) {
      if (!e.target.closest || !e.target.closest(".site-tools > details")) closeOthers(null);
    });
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
