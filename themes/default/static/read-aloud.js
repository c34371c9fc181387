/*
 * plansite: 読み上げ (read-aloud). Plain script, works from file://.
 * Reads the main text with the browser's speech synthesis (Web Speech API,
 * a Japanese voice), sentence by sentence in reading order, highlighting the
 * sentence being read (CSS Custom Highlight "read-aloud"). It speaks the
 * readings the site knows: the <rt> of every ruby, and the words of
 * readings.yaml (data-readings on the control) where a page shows no ruby,
 * so that 小平 is spoken こだいら, not as the engine guesses. The control
 * (.read-aloud, hidden in the markup) is shown only when the browser has
 * speech synthesis with a Japanese voice; buttons: start/resume, pause, stop.
 */
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var box = document.querySelector(".read-aloud");
  if (!box || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, figcaption";
  var SKIP = "nav, rt, rp, .read-aloud, .print-tools, .page-date, script, style, [hidden]";
  var END = /[。！？!?]/;
  var play = box.querySelector(".read-aloud__play");
  var pause = box.querySelector(".read-aloud__pause");
  var stop = box.querySelector(".read-aloud__stop");
  var words = [];
  try {
    var dict = JSON.parse(box.getAttribute("data-readings") || "{}");
    words = Object.keys(dict).sort(function (a, b) { return b.length - a.length; }).map(function (w) { return [w, dict[w]]; });
  } catch (e) { /* no dictionary */ }

  var queue = [], index = 0, state = "idle", voice = null;

  function japaneseVoice() {
    var vs = synth.getVoices() || [];
    for (var i = 0; i < vs.length; i++) if (/^ja\b|^ja-/i.test(vs[i].lang)) return vs[i];
    return null;
  }

  /* plain text outside ruby: the dictionary's readings for known names */
  function speakable(s) {
    for (var i = 0; i < words.length; i++) s = s.split(words[i][0]).join(words[i][1]);
    return s;
  }

  /* The sentences of a block: spoken text and the DOM range to highlight. */
  function sentences(block, out) {
    var cur = null, plain = "";
    function flush() { if (cur) { cur.text += speakable(plain); } plain = ""; }
    function begin(node, offset, before) {
      if (cur) return;
      cur = { text: "", range: document.createRange() };
      if (before) cur.range.setStartBefore(node); else cur.range.setStart(node, offset);
    }
    function finish() {
      flush();
      if (cur && cur.text.replace(/\s+/g, "")) out.push(cur);
      cur = null;
    }
    function walk(node) {
      for (var n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) {
          for (var i = 0; i < n.data.length; i++) {
            var c = n.data.charAt(i);
            if (!cur && /\s/.test(c)) continue;
            begin(n, i, false);
            plain += c;
            cur.range.setEnd(n, i + 1);
            if (END.test(c)) finish();
          }
        } else if (n.nodeType === 1 && n.nodeName === "RUBY") {
          begin(n, 0, true);
          flush();
          var rts = n.querySelectorAll("rt"), reading = "";
          for (var k = 0; k < rts.length; k++) reading += rts[k].textContent;
          if (!reading) {
            for (var m = n.firstChild; m; m = m.nextSibling) if (m.nodeType === 3) reading += m.data;
          }
          cur.text += reading;
          cur.range.setEndAfter(n);
        } else if (n.nodeType === 1 && !n.matches(SKIP) && !n.matches(BLOCKS)) {
          walk(n);
        }
      }
    }
    walk(block);
    finish();
  }

  function collect() {
    var out = [];
    var main = document.querySelector("main");
    if (!main) return out;
    Array.prototype.forEach.call(main.querySelectorAll(BLOCKS), function (b) {
      if (b.closest(SKIP) || !b.checkVisibility || !b.checkVisibility()) return;
      sentences(b, out);
    });
    return out;
  }

  function highlight(range) {
    if (!window.CSS || !CSS.highlights || typeof window.Highlight !== "function") return;
    if (range) CSS.highlights.set("read-aloud", new Highlight(range)); else CSS.highlights.delete("read-aloud");
  }

  function show() {
    play.disabled = state === "speaking";
    play.textContent = box.getAttribute(state === "paused" ? "data-resume" : "data-start");
    pause.disabled = state !== "speaking";
    stop.disabled = state === "idle";
  }

  function speakNext() {
    if (state !== "speaking") return;
    if (index >= queue.length) { end(); return; }
    var s = queue[index];
    var u = new SpeechSynthesisUtterance(s.text);
    u.lang = "ja-JP";
    if (voice) u.voice = voice;
    u.onstart = function () {
      highlight(s.range);
      var el = s.range.startContainer.nodeType === 1 ? s.range.startContainer : s.range.startContainer.parentElement;
      if (el && el.scrollIntoView) el.scrollIntoView({ block: "nearest" });
    };
    u.onend = function () { index++; speakNext(); };
    u.onerror = function () { end(); };
    synth.speak(u);
  }

  function end() {
    state = "idle";
    index = 0;
    highlight(null);
    show();
  }

  play.addEventListener("click", function () {
    if (state === "paused") {
      state = "speaking";
      synth.resume();
    } else {
      synth.cancel();
      queue = collect();
      index = 0;
      state = "speaking";
      speakNext();
    }
    show();
  });
  pause.addEventListener("click", function () {
    state = "paused";
    synth.pause();
    show();
    play.focus();
  });
  stop.addEventListener("click", function () {
    state = "idle";
    synth.cancel();
    end();
    play.focus();
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });

  function ready() {
    voice = japaneseVoice();
    box.hidden = !voice;
  }
  ready();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", ready);
})();
