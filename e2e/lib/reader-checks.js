'use strict';
// In-page measurements for the reader-experience checks (issue 9). Each function runs inside
// the browser (page.evaluate), so it must not refer to anything outside itself.

// Ruby as readers see it. For every shown reading (<rt>):
//  - size: at least 0.6 of its base (0.65 in the easy variant) and at least 10 px (12 px easy);
//  - room: the reading does not reach into the line above (its text or underline) and stays
//    inside the border of a badge (.measure__number, .status).
// Returns { rubies, failures }.
function rubyLayout(limit) {
  const easy = document.documentElement.dataset.variant === 'easy';
  const minRatio = easy ? 0.65 : 0.6, minPx = easy ? 12 : 10;
  const shown = (el) => el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true });
  const failures = [];
  const where = (rb) => {
    const h = rb.closest('[id]');
    return `${h ? '#' + h.id + ' ' : ''}${rb.textContent.replace(/\s+/g, '')}`;
  };
  const rubies = [...document.querySelectorAll('main ruby, header ruby')].filter((rb) => {
    const rt = rb.querySelector(':scope > rt');
    return rt && shown(rt);
  }).slice(0, limit || 400);
  // ink extents from the font: canvas measures the glyphs of a text in an element's font
  const ctx = document.createElement('canvas').getContext('2d');
  const ink = (el, text) => {
    const cs = getComputedStyle(el);
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const m = ctx.measureText(text);
    return { fontAscent: m.fontBoundingBoxAscent, fontDescent: m.fontBoundingBoxDescent, inkAscent: m.actualBoundingBoxAscent, inkDescent: m.actualBoundingBoxDescent };
  };
  // the line above: the ink bottom (or underline) of the block's text outside readings
  const textRects = new Map();
  const blockOf = (el) => el.closest('p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, caption, figcaption, summary, label, blockquote, .site-title') || el.parentElement;
  const rectsOf = (block) => {
    if (!textRects.has(block)) {
      const out = [];
      const w = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let t = w.nextNode(); t; t = w.nextNode()) {
        if (t.parentElement.closest('rt, rp') || !t.data.trim()) continue;
        const r = document.createRange();
        r.selectNodeContents(t);
        const el = t.parentElement;
        const m = ink(el, t.data.trim());
        const cs = getComputedStyle(el);
        const fs = parseFloat(cs.fontSize);
        const a = el.closest('a');
        // below the baseline: the glyphs, or a link's underline (offset + thickness)
        const under = a ? Math.max(m.inkDescent, (parseFloat(getComputedStyle(a).textUnderlineOffset) || 0) + (parseFloat(getComputedStyle(a).textDecorationThickness) || 0.08 * fs)) : m.inkDescent;
        for (const q of r.getClientRects()) {
          const baseline = q.top + (q.height - m.fontAscent - m.fontDescent) / 2 + m.fontAscent;
          out.push({ left: q.left, right: q.right, top: q.top, bottom: baseline + under });
        }
      }
      textRects.set(block, out);
    }
    return textRects.get(block);
  };
  for (const rb of rubies) {
    const rt = rb.querySelector(':scope > rt');
    const fsBase = parseFloat(getComputedStyle(rb).fontSize);
    const fsRt = parseFloat(getComputedStyle(rt).fontSize);
    if (fsRt < minPx - 0.05 || fsRt / fsBase < minRatio - 0.005) {
      failures.push(`${where(rb)}: reading ${fsRt.toFixed(1)} px on ${fsBase.toFixed(1)} px text (needs ${minRatio} em and ${minPx} px)`);
    }
    const R = rt.getBoundingClientRect();
    const mr = ink(rt, rt.textContent);
    const inkTop = R.top + (R.height - mr.fontAscent - mr.fontDescent) / 2 + mr.fontAscent - mr.inkAscent;
    // room above: no ink or underline of an earlier line under the reading
    for (const T of rectsOf(blockOf(rb))) {
      if (T.top >= R.top || T.right <= R.left + 1 || T.left >= R.right - 1) continue;   // not above, or beside
      if (T.bottom <= R.top - fsBase * 2) continue;                                    // two lines up
      const gap = inkTop - T.bottom;
      if (gap < 0.5) { failures.push(`${where(rb)}: reading ${gap < 0 ? 'overlaps' : 'touches'} the line above (${gap.toFixed(1)} px)`); break; }
    }
    const badge = rb.closest('.measure__number, .status');
    if (badge) {
      const B = badge.getBoundingClientRect();
      const bt = parseFloat(getComputedStyle(badge).borderTopWidth) || 0;
      if (inkTop < B.top + bt + 0.5) failures.push(`${where(rb)}: reading crosses the border of its badge (${(inkTop - B.top - bt).toFixed(1)} px)`);
    }
  }
  return { rubies: rubies.length, failures };
}

// Line breaks of an easy page: easy texts put a space between phrases (分かち書き), and there a
// line may break only at a space (or after a full stop or comma). Blocks written without
// spaces are not judged. Returns { lines, failures: [text around the break] }.
// Line breaks of one page's leaf blocks, by kind of text: 'easy' (written
// with spaces between phrases: a line may break only at a space) or
// 'phrase' (standard prose whose phrase starts carry <wbr>: a line may break
// only there or at a space). Either may break after punctuation, and a
// phrase wider than its line may be cut anywhere (reflow). Returns the
// number of line breaks and the bad ones, as text around the break.
function lineBreaks(kind) {
  const failures = [];
  let lines = 0;
  const OK_END = /[\s\u3000、。，．！？」』）)・：:／]/;
  const OK_START = /[\s\u3000「『（(]/;
  // the width a phrase has: its nearest box that is not inline (a badge, a cell, the block)
  const limit = (el) => {
    for (let n = el; n; n = n.parentElement) {
      if (n.classList.contains('phrase')) continue;
      const cs = getComputedStyle(n);
      if (cs.display !== 'inline') return n.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    }
    return Infinity;
  };
  for (const block of document.querySelectorAll('main :is(p, li, dd, dt, td, th, h1, h2, h3, h4, caption)')) {
    if (block.querySelector('p, li, ul, ol, table, div')) continue;   // leaf blocks only
    if (kind === 'easy') {
      // only texts written with spaces between phrases (分かち書き) promise breaks at spaces
      const plain = [...block.childNodes].map((n) => (n.nodeType === 1 && n.matches('rt, rp') ? '' : n.textContent)).join('').trim();
      if (!/[^\s\u3000][\s\u3000]+[^\s\u3000]/.test(plain)) continue;
    } else if (!block.querySelector(':scope > wbr')) continue;
    const chars = [];
    const w = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let t = w.nextNode(); t; t = w.nextNode()) {
      if (t.nodeType === 1) {
        // a <wbr> is a break opportunity, like a space
        if (t.nodeName === 'WBR' && chars.length) chars[chars.length - 1].spaceAfter = true;
        continue;
      }
      // readings, and a stacked table's column headers (a block of their own)
      if (t.parentElement.closest('rt, rp, [data-th]')) continue;
      for (let i = 0; i < t.length; i++) {
        const r = document.createRange();
        r.setStart(t, i); r.setEnd(t, i + 1);
        const q = r.getClientRects()[0];
        const space = /\s|\u3000/.test(t.data[i]);
        // a space at the end of a line may have no box: it still marks a break opportunity
        if (space && chars.length) chars[chars.length - 1].spaceAfter = true;
        else if (q) chars.push({ c: t.data[i], top: q.top, h: q.height, w: q.width, lim: limit(t.parentElement) });
      }
    }
    for (let i = 1; i < chars.length; i++) {
      const a = chars[i - 1], b = chars[i];
      if (b.top <= a.top + a.h / 2) continue;
      lines++;
      if (a.spaceAfter || OK_END.test(a.c) || OK_START.test(b.c)) continue;
      // a phrase wider than the line must be cut somewhere (reflow): not judged
      let from = i - 1, to = i;
      while (from > 0 && !chars[from - 1].spaceAfter) from--;
      while (to < chars.length - 1 && !chars[to].spaceAfter) to++;
      const phrase = chars.slice(from, to + 1).reduce((sum, x) => sum + x.w, 0);
      if (phrase > Math.min(a.lim, b.lim) - 2) continue;
      const ctx = chars.slice(Math.max(0, i - 6), i).map((x) => x.c).join('') + '／' + chars.slice(i, i + 6).map((x) => x.c).join('');
      failures.push(ctx);
    }
  }
  return { lines, failures };
}

// Base spacing, step 1: marks (data-ink-check) up to `limit` shown rubies of 2+ base characters
// whose reading is wider than the base (the ones a ruby-align can spread) and returns, for
// each, where its base ink must be looked for in a full-page screenshot and how wide the base
// ink is in its font without ruby (canvas measureText, letter-spacing included).
function rubyInkTargets(limit) {
  // off screen but in the accessibility tree: clipped to nothing, or a 1 px box
  const visuallyHidden = (el) => {
    for (let a = el; a; a = a.parentElement) {
      const s = getComputedStyle(a), R = a.getBoundingClientRect();
      if ((s.clipPath !== 'none' && s.clipPath !== '') || (s.overflow === 'hidden' && (R.width <= 1 || R.height <= 1))) return true;
    }
    return false;
  };
  const ctx = document.createElement('canvas').getContext('2d');
  const out = [];
  for (const rb of document.querySelectorAll('main ruby')) {
    if (out.length >= limit) break;
    const rt = rb.querySelector(':scope > rt');
    if (!rt || !rt.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) continue;
    if (visuallyHidden(rb)) continue;      // e.g. a stacked table's header row, kept for screen readers only
    const base = [...rb.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('').trim();
    if ([...base].length < 2) continue;
    const cs = getComputedStyle(rb);
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    ctx.letterSpacing = cs.letterSpacing === 'normal' ? '0px' : cs.letterSpacing;
    const m = ctx.measureText(base);
    const R = rb.getBoundingClientRect(), T = rt.getBoundingClientRect();
    if (T.width <= m.width) continue;   // a reading no wider than its base cannot spread it
    const rects = rb.getClientRects();
    if (rects.length !== 1) continue;    // split over two lines
    const baseline = R.bottom - (R.height - m.fontBoundingBoxAscent - m.fontBoundingBoxDescent) / 2 - m.fontBoundingBoxDescent;
    out.push({
      text: base,
      x: R.left + scrollX, w: R.width,
      y: baseline + scrollY - m.actualBoundingBoxAscent + 1, h: m.actualBoundingBoxAscent - 2,
      natural: m.actualBoundingBoxLeft + m.actualBoundingBoxRight,
    });
  }
  return out;
}

// Base spacing, step 2: in the screenshot (a data: URL of the full page), the ink of each
// target's base must be no wider than its natural ink (2 px slack for anti-aliasing). Returns failures.
async function rubyInkCheck({ shot, targets }) {
  const img = new Image();
  img.src = shot;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d', { willReadFrequently: true });
  g.drawImage(img, 0, 0);
  const failures = [];
  for (const t of targets) {
    const x = Math.max(0, Math.floor(t.x)), y = Math.max(0, Math.floor(t.y));
    const w = Math.max(1, Math.ceil(t.w)), h = Math.max(1, Math.ceil(t.h));
    const d = g.getImageData(x, y, w, h).data;
    const freq = new Map();   // the background: the most frequent colour of the box
    for (let k = 0; k < d.length; k += 4) { const key = (d[k] << 16) | (d[k + 1] << 8) | d[k + 2]; freq.set(key, (freq.get(key) || 0) + 1); }
    const top = [...freq].sort((a, b) => b[1] - a[1])[0][0];
    const bg = [top >> 16, (top >> 8) & 255, top & 255];
    let left = -1, right = -1;
    for (let i = 0; i < w; i++) {
      for (let j = 0; j < h; j++) {
        const k = (j * w + i) * 4;
        if (Math.abs(d[k] - bg[0]) + Math.abs(d[k + 1] - bg[1]) + Math.abs(d[k + 2] - bg[2]) > 200) {
          if (left < 0) left = i;
          right = i;
          break;
        }
      }
    }
    const ink = left < 0 ? 0 : right - left + 1;
    if (ink > t.natural + 2) failures.push(`${t.text}: base ink ${ink} px wide, ${t.natural.toFixed(1)} px without ruby (spread by its reading)`);
  }
  return failures;
}

module.exports = { rubyLayout, lineBreaks, rubyInkTargets, rubyInkCheck };
