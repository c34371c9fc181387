/* plansite site search: progressive enhancement for search.html.
 *
 * Needs window.PLANSITE_SEARCH, set by assets/search-index.js (built by
 * internal/search; shard.go describes the format), loaded by a plain
 * <script> before this one; the shards it lists are loaded on demand as
 * plain scripts from #search-results' data-index folder. No fetch, no
 * modules, no workers: it works from file:// too. Reads ?q= from the address, fills #q, lists the
 * results in #search-results (hrefs prefixed with its data-root) and says
 * how many there are in #search-status. Text goes in with createTextNode
 * only. Normalisation must stay identical to search.Normalize in Go
 * (internal/search/normalize.go; a Go test compares the two with node).
 *
 * Each result:
 *   <li class="search-result">
 *     <p class="search-result__title"><a href="ROOT+URL">title, matches in <mark></a></p>
 *     <p class="search-result__section">section</p>
 *     <p class="search-result__snippet">…text with <mark>matches</mark>…</p>
 *   </li>
 * The first PAGE_SIZE results are listed; when there are more, a
 * <button class="search-more"> after the list adds the next ones (loading
 * what they need) and moves the focus to the first of them. The status is
 * written 100 ms after load (a live region changed during load is often
 * not announced) and the count is also put in document.title. Messages
 * follow <html data-variant> (standard | easy).
 * window.plansiteSearch = {normalize, query, addScript, inflate} is
 * exposed for tests, which replace addScript to load shards without a
 * document.
 */
(function () {
  'use strict';

  var PAGE_SIZE = 10; // results shown at first, and added by each press of the button
  var SNIPPET_BEFORE = 30;
  var SNIPPET_LENGTH = 120;
  var MIN_BATCH = 10; // candidates whose chunks a query loads at once, at least
  var MAX_MARK = 40; // a reading match wider than this is not highlighted
  var EASY = typeof document !== 'undefined' && document.documentElement.getAttribute('data-variant') === 'easy';

  /* ---- normalisation (same as Go search.Normalize) ---- */

  var HALF = '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜';
  var DAKUTEN = 'かきくけこさしすせそたちつてとはひふへほカキクケコサシスセソタチツテトハヒフヘホ';
  var HANDAKUTEN = 'はひふへほハヒフヘホ';

  function voice(base, voiced) {
    var ch = String.fromCharCode(base);
    if (!voiced) {
      return HANDAKUTEN.indexOf(ch) >= 0 ? base + 2 : -1;
    }
    if (DAKUTEN.indexOf(ch) >= 0) { return base + 1; }
    if (ch === 'う') { return 0x3094; }
    if (ch === 'ウ') { return 0x30F4; }
    if (ch === 'ゝ' || ch === 'ヽ') { return base + 1; }
    if (base >= 0x30EF && base <= 0x30F2) { return 0x30F7 + (base - 0x30EF); } // ワヰヱヲ → ヷヸヹヺ
    return -1;
  }

  // compose: half-width katakana to full width, kana + sound mark to the
  // precomposed kana, control characters to spaces.
  function compose(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xFF61 && c <= 0xFF9F) { c = HALF.charCodeAt(c - 0xFF61); }
      if (c < 0x20 || c === 0x7F) { c = 0x20; }
      if (out.length && c >= 0x3099 && c <= 0x309C) {
        var v = voice(out[out.length - 1], c === 0x3099 || c === 0x309B);
        if (v >= 0) { out[out.length - 1] = v; continue; }
      }
      out.push(c);
    }
    var r = '';
    for (var k = 0; k < out.length; k += 4096) {
      r += String.fromCharCode.apply(null, out.slice(k, k + 4096));
    }
    return r;
  }

  // fold: one UTF-16 unit to one (lengths are kept, so offsets in the
  // folded text are offsets in the text).
  function fold(c) {
    if (c >= 0x41 && c <= 0x5A) { return c + 0x20; }          // A-Z
    if (c >= 0xFF21 && c <= 0xFF3A) { return c - 0xFF21 + 0x61; } // Ａ-Ｚ
    if (c >= 0xFF01 && c <= 0xFF5E) { return c - 0xFF01 + 0x21; } // full-width ASCII
    if (c === 0x3000) { return 0x20; }
    if ((c >= 0x30A1 && c <= 0x30F6) || c === 0x30FD || c === 0x30FE) { return c - 0x60; }
    if (c === 0x301C) { return 0x7E; }                           // 〜
    if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xFE63) { return 0x2D; }
    return c;
  }

  function foldString(s) {
    var r = '';
    for (var i = 0; i < s.length; i++) { r += String.fromCharCode(fold(s.charCodeAt(i))); }
    return r;
  }

  function normalize(s) { return foldString(compose(String(s))); }

  /* ---- index decoding ---- */

  // decode turns [url, title, section, ruby] into the display text, its
  // folded form, the folded reading and the pieces that map one to the other.
  function decode(raw) {
    var ruby = raw[3] || '';
    var text = '';
    var reading = '';
    var segs = []; // {t0, t1, r0, r1, run}
    var lit = '';
    function flushLiteral() {
      if (lit) {
        segs.push({ t0: text.length, t1: text.length + lit.length, r0: reading.length, r1: reading.length + lit.length, run: false });
        text += lit;
        reading += foldString(lit);
        lit = '';
      }
    }
    var i = 0;
    function until(stop) { // reads up to an unescaped stop character
      var s = '';
      while (i < ruby.length) {
        var ch = ruby.charAt(i++);
        if (ch === '\\' && i < ruby.length) { s += ruby.charAt(i++); continue; }
        if (ch === stop) { break; }
        s += ch;
      }
      return s;
    }
    while (i < ruby.length) {
      var ch = ruby.charAt(i);
      if (ch === '{') {
        flushLiteral();
        i++;
        var base = until('|');
        var rd = until('}');
        segs.push({ t0: text.length, t1: text.length + base.length, r0: reading.length, r1: reading.length + rd.length, run: true });
        text += base;
        reading += rd;
        continue;
      }
      if (ch === '\\' && i + 1 < ruby.length) { i++; ch = ruby.charAt(i); }
      lit += ch;
      i++;
    }
    flushLiteral();
    var norm = foldString(text);
    var title = raw[1] || '';
    var titleNorm = normalize(title);
    var ts = titleNorm ? norm.indexOf(titleNorm) : -1;
    return {
      url: raw[0] || '', title: title, section: raw[2] || '',
      text: text, norm: norm, reading: reading, segs: segs,
      titleNorm: titleNorm, titleStart: ts, titleEnd: ts < 0 ? -1 : ts + titleNorm.length
    };
  }

  // toText maps the reading span [a, b) to the text span it covers.
  function toText(d, a, b) {
    var s = -1, e = -1;
    for (var k = 0; k < d.segs.length; k++) {
      var g = d.segs[k];
      if (s < 0 && a >= g.r0 && a < g.r1) { s = g.run ? g.t0 : g.t0 + (a - g.r0); }
      if (b - 1 >= g.r0 && b - 1 < g.r1) { e = g.run ? g.t1 : g.t0 + (b - g.r0); break; }
    }
    return s < 0 || e < s ? null : [s, e];
  }

  /* ---- loading the index on demand ---- */

  // The index is sharded (internal/search, shard.go): the entry script
  // sets window.PLANSITE_SEARCH = {dir, grams, chunks, count}; gram shards
  // g<i>.js and document chunks d<i>.js, loaded as plain scripts only when
  // a query needs them, call window.PLANSITE_SEARCH_LOAD(name, data), data
  // being JSON compressed with raw DEFLATE, in base64.
  var packed = {}; // name → base64, as the script handed it
  var loaded = {}; // name → data, once unpacked
  var waiting = {};

  window.PLANSITE_SEARCH_LOAD = function (name, data) {
    packed[name] = data;
    var w = waiting[name] || [];
    delete waiting[name];
    for (var i = 0; i < w.length; i++) { w[i](null); }
  };

  // addScript loads one script; onerror reports a file that is missing.
  function addScript(src, onerror) {
    var s = document.createElement('script');
    s.src = src;
    s.onerror = onerror;
    document.head.appendChild(s);
  }

  // unpack decodes a loaded file: base64, then raw DEFLATE, then JSON.
  function unpack(name) {
    if (loaded[name] === undefined) {
      var bin = atob(packed[name]), bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
      loaded[name] = JSON.parse(new TextDecoder('utf-8').decode(inflate(bytes)));
      delete packed[name];
    }
  }

  /* ---- raw DEFLATE (RFC 1951) ---- */

  var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  var DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var CLORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  // huffman makes the lookup table of a canonical code from its code
  // lengths: indexed by the next `bits` input bits, each entry is
  // symbol << 4 | length (0: no such code).
  function huffman(lengths) {
    var count = new Uint16Array(16), next = new Uint16Array(16), max = 1;
    for (var i = 0; i < lengths.length; i++) { count[lengths[i]]++; if (lengths[i] > max) { max = lengths[i]; } }
    count[0] = 0;
    for (i = 1; i < 16; i++) { next[i] = (next[i - 1] + count[i - 1]) << 1; }
    var table = new Uint16Array(1 << max);
    for (i = 0; i < lengths.length; i++) {
      var len = lengths[i];
      if (!len) { continue; }
      var code = next[len]++, rev = 0;
      for (var k = 0; k < len; k++) { rev = (rev << 1) | ((code >> k) & 1); }
      for (var j = rev; j < table.length; j += 1 << len) { table[j] = (i << 4) | len; }
    }
    return { table: table, bits: max };
  }

  var FIXED = (function () {
    var l = new Uint8Array(288), d = new Uint8Array(30);
    for (var i = 0; i < 288; i++) { l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8; }
    for (i = 0; i < 30; i++) { d[i] = 5; }
    return [huffman(l), huffman(d)];
  }());

  // inflate decodes raw DEFLATE data (a Uint8Array) into bytes.
  function inflate(src) {
    var out = new Uint8Array(src.length * 4 + 1024), n = 0, pos = 0, bb = 0, bc = 0;
    function fill(k) { // at least k bits in bb (zeros past the end)
      while (bc < k) {
        if (pos >= src.length + 4) { throw new Error('truncated index file'); }
        bb |= (pos < src.length ? src[pos] : 0) << bc;
        pos++;
        bc += 8;
      }
    }
    function bits(k) {
      fill(k);
      var v = bb & ((1 << k) - 1);
      bb >>>= k;
      bc -= k;
      return v;
    }
    function room(k) {
      if (n + k <= out.length) { return; }
      var o = new Uint8Array(Math.max(out.length * 2, n + k));
      o.set(out);
      out = o;
    }
    function decode(h) {
      fill(h.bits);
      var e = h.table[bb & ((1 << h.bits) - 1)], len = e & 15;
      if (!len) { throw new Error('bad index file'); }
      bb >>>= len;
      bc -= len;
      return e >> 4;
    }
    var last;
    do {
      last = bits(1);
      var type = bits(2);
      if (type === 0) {
        pos -= bc >> 3; // give back the whole bytes read ahead, drop the rest of this one
        bb = bc = 0;
        var len = src[pos] | (src[pos + 1] << 8);
        pos += 4;
        room(len);
        out.set(src.subarray(pos, pos + len), n);
        n += len;
        pos += len;
        continue;
      }
      var lt = FIXED[0], dt = FIXED[1];
      if (type === 2) {
        var nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
        var cl = new Uint8Array(19);
        for (var i = 0; i < ncode; i++) { cl[CLORDER[i]] = bits(3); }
        var clh = huffman(cl), lens = new Uint8Array(nlen + ndist);
        for (i = 0; i < nlen + ndist;) {
          var sym = decode(clh);
          if (sym < 16) { lens[i++] = sym; continue; }
          var val = sym === 16 ? lens[i - 1] : 0;
          var rep = sym === 16 ? 3 + bits(2) : sym === 17 ? 3 + bits(3) : 11 + bits(7);
          while (rep-- > 0) { lens[i++] = val; }
        }
        lt = huffman(lens.subarray(0, nlen));
        dt = huffman(lens.subarray(nlen));
      } else if (type !== 1) {
        throw new Error('bad index file');
      }
      for (;;) {
        var s = decode(lt);
        if (s < 256) { room(1); out[n++] = s; continue; }
        if (s === 256) { break; }
        s -= 257;
        var length = LBASE[s] + bits(LEXT[s]);
        var ds = decode(dt), dist = DBASE[ds] + bits(DEXT[ds]);
        room(length);
        for (var k = 0; k < length; k++, n++) { out[n] = out[n - dist]; }
      }
    } while (!last);
    return out.subarray(0, n);
  }

  // need loads the named files (once each), unpacks them and then calls
  // done(err).
  function need(base, names, done) {
    var left = 1, failed = null; // 1 until every file is asked for
    function one(err) {
      if (err && !failed) { failed = err; }
      if (--left > 0) { return; }
      if (!failed) {
        try { names.forEach(unpack); } catch (e) { failed = e; }
      }
      done(failed);
    }
    for (var i = 0; i < names.length; i++) {
      var n = names[i];
      if (packed[n] !== undefined || loaded[n] !== undefined) { continue; }
      left++;
      if (waiting[n]) { waiting[n].push(one); continue; }
      waiting[n] = [one];
      api.addScript(base + n + '.js', (function (name) {
        return function () {
          var w = waiting[name] || [];
          delete waiting[name];
          for (var k = 0; k < w.length; k++) { w[k](new Error('missing ' + name)); }
        };
      }(n)));
    }
    one(null);
  }

  var DIGITS = '0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ_-$*+!';

  // ids decodes a posting list: ascending ids written as differences in a
  // base-64 variable-length code (see appendID in Go).
  function ids(code) {
    var out = [], v = 0, prev = -1;
    for (var i = 0; i < code.length; i++) {
      var d = DIGITS.indexOf(code.charAt(i));
      if (d >= 32) { v = v * 32 + (d - 32); continue; }
      v = v * 32 + d;
      prev = prev + v + 1;
      out.push(prev);
      v = 0;
    }
    return out;
  }

  function chars(s) { return Array.from ? Array.from(s) : s.split(''); }

  // termGrams lists the grams a document must have to contain t: its
  // bigrams, or, for one character, that character.
  function termGrams(t) {
    var cs = chars(t), out = [];
    for (var i = 0; i + 1 < cs.length; i++) { out.push(cs[i] + cs[i + 1]); }
    return cs.length === 1 ? cs : out;
  }

  // gramHash is FNV-1a over the gram's code points (Go: gram.hash).
  function gramHash(g) {
    var h = 0x811C9DC5;
    for (var i = 0; i < g.length; i++) {
      var c = g.codePointAt(i);
      if (c > 0xFFFF) { i++; }
      h = Math.imul(h ^ c, 16777619) >>> 0;
    }
    return h;
  }

  function shardOf(g, n) { return 'g' + (gramHash(g) % n); }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) { i++; } else if (a[i] > b[j]) { j++; } else { out.push(a[i]); i++; j++; }
    }
    return out;
  }

  // candidates calls done(err, ids): every document that has all grams of
  // every term, ascending.
  function candidates(index, base, ts, done) {
    var n = index.grams, shards = [], grams = [];
    for (var i = 0; i < ts.length; i++) {
      var tg = termGrams(ts[i]);
      for (var k = 0; k < tg.length; k++) {
        if (grams.indexOf(tg[k]) >= 0) { continue; }
        grams.push(tg[k]);
        var name = shardOf(tg[k], n);
        if (shards.indexOf(name) < 0) { shards.push(name); }
      }
    }
    need(base, shards, function (err) {
      if (err) { done(err); return; }
      var out = null;
      for (var i = 0; i < grams.length && (out === null || out.length); i++) {
        var code = loaded[shardOf(grams[i], n)][grams[i]];
        var l = code === undefined ? [] : ids(code);
        out = out === null ? l : intersect(out, l);
      }
      done(null, out || []);
    });
  }

  // chunkOf is the document chunk that holds id.
  function chunkOf(index, id) {
    var lo = 0, hi = index.chunks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (index.chunks[mid] <= id) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  }

  // query searches the sharded index and calls done(err, results,
  // complete). It checks the candidates in index order, loading the
  // chunks of as many at once as could still be shown (at least
  // MIN_BATCH), and stops once it has more than limit results: complete
  // says whether every candidate was checked.
  function query(index, base, q, limit, done) {
    var ts = terms(q);
    candidates(index, base, ts, function (err, cand) {
      if (err) { done(err); return; }
      var docs = [], pos = 0, found = [];
      function next() {
        if (pos >= cand.length) { done(null, found, true); return; }
        var names = [], end = pos, want = Math.max(limit + 1 - found.length, MIN_BATCH);
        for (; end < cand.length && end - pos < want; end++) {
          var name = 'd' + chunkOf(index, cand[end]);
          if (names[names.length - 1] !== name) { names.push(name); }
        }
        need(base, names, function (err) {
          if (err) { done(err); return; }
          for (; pos < end; pos++) {
            var c = chunkOf(index, cand[pos]);
            docs.push(decodeCached(cand[pos], loaded['d' + c][cand[pos] - index.chunks[c]]));
          }
          found = search(docs, q);
          if (found.length > limit && pos < cand.length) { done(null, found, false); return; }
          next();
        });
      }
      next();
    });
  }

  var decodedDocs = {};
  function decodeCached(id, raw) {
    if (!decodedDocs[id]) { decodedDocs[id] = decode(raw); decodedDocs[id].order = id; }
    return decodedDocs[id];
  }

  /* ---- searching ---- */

  function terms(query) {
    var parts = normalize(query).split(/\s+/);
    var out = [];
    for (var i = 0; i < parts.length && out.length < 10; i++) {
      if (parts[i] && out.indexOf(parts[i]) < 0) { out.push(parts[i]); }
    }
    return out;
  }

  function positions(hay, needle) {
    var out = [];
    var p = hay.indexOf(needle);
    while (p >= 0) {
      out.push(p);
      p = hay.indexOf(needle, p + needle.length);
    }
    return out;
  }

  function mergeSpans(spans) {
    spans.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
    var out = [];
    for (var i = 0; i < spans.length; i++) {
      var last = out[out.length - 1];
      if (last && spans[i][0] < last[1]) {
        if (spans[i][1] > last[1]) { last[1] = spans[i][1]; }
      } else {
        out.push([spans[i][0], spans[i][1]]);
      }
    }
    return out;
  }

  // search returns the matching documents among docs (decoded), best
  // first: {doc, spans, titleTerms, score}. Every word of the query must be
  // found in the text, its reading or the title.
  function search(docs, query) {
    var ts = terms(query);
    var results = [];
    if (!ts.length) { return results; }
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      var spans = [];
      var titleTerms = 0;
      var ok = true;
      for (var j = 0; j < ts.length && ok; j++) {
        var t = ts[j];
        var found = [];
        var p = positions(d.norm, t);
        for (var k = 0; k < p.length; k++) { found.push([p[k], p[k] + t.length]); }
        p = positions(d.reading, t);
        for (k = 0; k < p.length; k++) {
          var sp = toText(d, p[k], p[k] + t.length);
          if (sp) { found.push(sp); }
        }
        var inTitle = d.titleNorm.indexOf(t) >= 0;
        for (k = 0; k < found.length && !inTitle; k++) {
          inTitle = d.titleStart >= 0 && found[k][0] < d.titleEnd && found[k][1] > d.titleStart;
        }
        if (inTitle) { titleTerms++; }
        if (!found.length && !inTitle) { ok = false; }
        spans = spans.concat(found);
      }
      if (!ok) { continue; }
      spans = mergeSpans(spans);
      results.push({ doc: d, spans: spans, titleTerms: titleTerms, score: titleTerms * 1000 + exactBonus(d, ts) + Math.min(spans.length, 100), order: d.order === undefined ? i : d.order });
    }
    results.sort(function (x, y) { return y.score - x.score || x.order - y.order; });
    return results;
  }

  /* ---- ranking and presentation (issue 9) ---- */

  // exactBonus ranks a document that holds a query word as written (相談 in
  // the text) above one found only through a reading (しょうがい finds
  // 障害, and 生涯 too, but lower).
  function exactBonus(d, ts) {
    var n = 0;
    for (var j = 0; j < ts.length; j++) {
      if (d.norm.indexOf(ts[j]) >= 0) { n++; }
    }
    return n * 200;
  }

  // appendText appends text[from, to) of document d to parent; in the easy
  // variant, kanji words get their readings as ruby, as on the pages.
  function appendText(parent, d, from, to) {
    if (!EASY) { parent.appendChild(document.createTextNode(d.text.slice(from, to))); return; }
    var pos = from;
    for (var k = 0; k < d.segs.length && pos < to; k++) {
      var g = d.segs[k];
      if (!g.run || g.t1 <= pos || g.t0 < pos || g.t1 > to) { continue; }
      if (g.t0 > pos) { parent.appendChild(document.createTextNode(d.text.slice(pos, g.t0))); }
      var rb = el('ruby');
      rb.appendChild(document.createTextNode(d.text.slice(g.t0, g.t1)));
      var rt = el('rt');
      rt.appendChild(document.createTextNode(d.reading.slice(g.r0, g.r1)));
      rt.inert = true;
      rb.appendChild(rt);
      parent.appendChild(rb);
      pos = g.t1;
    }
    if (to > pos) { parent.appendChild(document.createTextNode(d.text.slice(pos, to))); }
  }

  // suggestions are other searches to try when nothing was found: each
  // word alone, and shorter forms of the query (its first half, its first
  // two characters), as links to the search page.
  function suggestions(q) {
    var out = [];
    function add(s) {
      s = s.replace(/^\s+|\s+$/g, '');
      if (s && s !== q && out.indexOf(s) < 0 && out.length < 4) { out.push(s); }
    }
    var words = q.split(/\s+/);
    if (words.length > 1) { for (var i = 0; i < words.length; i++) { add(words[i]); } }
    var chars = Array.from ? Array.from(q.replace(/\s+/g, '')) : q.replace(/\s+/g, '').split('');
    if (chars.length > 2) { add(chars.slice(0, Math.ceil(chars.length / 2)).join('')); }
    if (chars.length > 3) { add(chars.slice(0, 2).join('')); }
    return out;
  }

  function suggestionList(q, msg) {
    var alts = suggestions(q);
    var box = el('div', 'search-suggestions');
    if (!alts.length) { return box; }
    var p = el('p');
    p.appendChild(document.createTextNode(msg.suggest));
    box.appendChild(p);
    var ul = el('ul');
    for (var i = 0; i < alts.length; i++) {
      var a = el('a');
      a.setAttribute('href', 'search.html?q=' + encodeURIComponent(alts[i]));
      a.appendChild(document.createTextNode(alts[i]));
      var li = el('li');
      li.appendChild(a);
      ul.appendChild(li);
    }
    box.appendChild(ul);
    return box;
  }

  /* ---- rendering ---- */

  function el(name, cls) {
    var e = document.createElement(name);
    if (cls) { e.className = cls; }
    return e;
  }

  // appendMarked appends text[from, to) to parent, with the spans inside it
  // wrapped in <mark>.
  function appendMarked(parent, d, from, to, spans) {
    var pos = from;
    for (var i = 0; i < spans.length; i++) {
      var s = Math.max(spans[i][0], from), e = Math.min(spans[i][1], to);
      if (e <= s || s < pos || spans[i][1] - spans[i][0] > MAX_MARK) { continue; }
      if (s > pos) { appendText(parent, d, pos, s); }
      var m = el('mark');
      appendText(m, d, s, e);
      parent.appendChild(m);
      pos = e;
    }
    if (to > pos) { appendText(parent, d, pos, to); }
  }

  function isLow(c) { return c >= 0xDC00 && c <= 0xDFFF; }

  function snippet(r) {
    var d = r.doc;
    var text = d.text;
    var bodyStart = 0;
    if (d.titleStart === 0) { // the text starts with the title: show what follows
      bodyStart = d.titleEnd;
      while (bodyStart < text.length && text.charAt(bodyStart) === ' ') { bodyStart++; }
    }
    var first = -1;
    for (var i = 0; i < r.spans.length; i++) {
      if (r.spans[i][0] >= bodyStart && r.spans[i][1] - r.spans[i][0] <= MAX_MARK) { first = r.spans[i][0]; break; }
    }
    var start = first < 0 ? bodyStart : Math.max(bodyStart, first - SNIPPET_BEFORE);
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (start > 0 && isLow(text.charCodeAt(start))) { start--; }
    if (end < text.length && isLow(text.charCodeAt(end))) { end++; }
    var p = el('p', 'search-result__snippet');
    if (start > bodyStart) { p.appendChild(document.createTextNode('…')); }
    appendMarked(p, d, start, end, r.spans);
    if (end < text.length) { p.appendChild(document.createTextNode('…')); }
    return p;
  }

  function resultItem(r, root) {
    var d = r.doc;
    var li = el('li', 'search-result');
    var h = el('p', 'search-result__title');
    var a = el('a');
    a.setAttribute('href', root + d.url);
    if (d.titleStart >= 0) {
      appendMarked(a, d, d.titleStart, d.titleEnd, r.spans);
    } else {
      a.appendChild(document.createTextNode(d.title));
    }
    h.appendChild(a);
    li.appendChild(h);
    if (d.section) {
      var s = el('p', 'search-result__section');
      s.appendChild(document.createTextNode(d.section));
      li.appendChild(s);
    }
    li.appendChild(snippet(r));
    return li;
  }

  var MESSAGES = {
    standard: {
      count: function (q, n, all) { return '「' + q + '」の検索結果：' + n + (all ? '件' : '件以上'); },
      more: function (n) { return '（上位' + n + '件を表示）'; },
      moreButton: function (n) { return '次の' + n + '件を表示'; },
      none: function (q) { return '「' + q + '」に一致する情報は見つかりませんでした。言葉を短くしたり、ひらがなで入力したりしてお試しください。'; },
      suggest: '次の言葉でも探せます：',
      empty: '検索する言葉を入力してください。',
      noindex: '検索の準備ができませんでした。ページを読み込み直すか、目次からお探しください。',
      title: function (q, n, all) { return '「' + q + '」の検索結果（' + n + (all ? '件）' : '件以上）'); }
    },
    easy: {
      count: function (q, n, all) { return '「' + q + '」で さがしました。' + n + (all ? 'こ みつかりました。' : 'こより おおく みつかりました。'); },
      more: function (n) { return '（はじめの ' + n + 'こを みせています）'; },
      moreButton: function (n) { return 'つぎの ' + n + 'こを みる'; },
      none: function (q) { return '「' + q + '」は みつかりませんでした。みじかい ことばや、ひらがなで さがしてみてください。'; },
      suggest: 'この ことばでも さがせます：',
      empty: 'さがす ことばを いれてください。',
      noindex: 'いまは さがすことが できません。もくじから さがしてください。',
      title: function (q, n, all) { return '「' + q + '」で さがした けっか（' + n + (all ? 'こ）' : 'こより おおい）'); }
    }
  };

  function queryParam(name) {
    var parts = window.location.search.replace(/^\?/, '').split('&');
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      if (dec(kv[0]) === name) { return dec(kv.slice(1).join('=')); }
    }
    return null;
  }

  function dec(s) {
    s = (s || '').replace(/\+/g, ' ');
    try { return decodeURIComponent(s); } catch (e) { return s; }
  }

  function run() {
    var list = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    var input = document.getElementById('q');
    if (!list || !status) { return; }
    var variant = document.documentElement.getAttribute('data-variant') === 'easy' ? 'easy' : 'standard';
    var msg = MESSAGES[variant];
    var q = queryParam('q');
    if (q === null) { return; }
    q = q.replace(/^\s+|\s+$/g, '').slice(0, 100);
    if (input) { input.value = q; }
    var index = window.PLANSITE_SEARCH;
    if (!index || !index.chunks) {
      say(status, msg.noindex);
    } else if (!terms(q).length) {
      say(status, msg.empty);
    } else {
      var base = (list.getAttribute('data-index') || '') + index.dir;
      query(index, base, q, PAGE_SIZE, function (err, results, complete) {
        if (err) { say(status, msg.noindex); return; }
        document.title = msg.title(q, results.length, complete) + ' | ' + document.title;
        if (!results.length) {
          say(status, msg.none(q));
          list.parentNode.insertBefore(suggestionList(q, msg), list.nextSibling);
          return;
        }
        new Pager(list, status, msg, function (limit, done) { query(index, base, q, limit, done); }).add(q, results, complete);
      });
    }
  }

  // A Pager lists the results PAGE_SIZE at a time, with a button after the
  // list that shows the next ones (searching further when needed) and
  // moves the focus to the first of them.
  function Pager(list, status, msg, search) {
    this.list = list;
    this.status = status;
    this.msg = msg;
    this.search = search;
    this.shown = {};
    this.count = 0;
    this.root = list.getAttribute('data-root') || '';
  }

  // add lists the results not shown yet, up to PAGE_SIZE more, and says
  // how many there are.
  Pager.prototype.add = function (q, results, complete) {
    var first = null;
    for (var i = 0, n = 0; i < results.length && n < PAGE_SIZE; i++) {
      if (this.shown[results[i].doc.url]) { continue; }
      this.shown[results[i].doc.url] = true;
      var li = resultItem(results[i], this.root);
      this.list.appendChild(li);
      first = first || li;
      n++;
      this.count++;
    }
    var more = this.count < results.length || !complete;
    var text = this.msg.count(q, results.length, complete) + (more ? this.msg.more(this.count) : '');
    say(this.status, text);
    if (more) { this.button(q); } else if (this.more) { this.more.parentNode.removeChild(this.more); this.more = null; }
    return first;
  };

  Pager.prototype.button = function (q) {
    var self = this;
    if (!this.more) {
      this.more = el('button', 'search-more');
      this.more.type = 'button';
      this.more.appendChild(document.createTextNode(this.msg.moreButton(PAGE_SIZE)));
      this.more.addEventListener('click', function () {
        if (self.busy) { return; }
        self.busy = true;
        self.search(self.count + PAGE_SIZE, function (err, results, complete) {
          self.busy = false;
          if (err) { say(self.status, self.msg.noindex); return; }
          var first = self.add(q, results, complete);
          var a = first && first.querySelector('a');
          if (a) { a.focus(); }
        });
      });
      this.list.parentNode.insertBefore(this.more, this.list.nextSibling);
    }
  };

  // say puts text in the status, a live region present since the page
  // loaded: changed a moment after load so that screen readers announce it.
  function say(status, text) {
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 100);
  }

  var api = window.plansiteSearch = { normalize: normalize, query: query, addScript: addScript, inflate: inflate, version: 3 };

  if (typeof document === 'undefined') { return; }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run);
  } else {
    run();
  }
}());
