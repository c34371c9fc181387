'use strict';
// In-page measurements for the target size and focus indicator checks. Both functions run
// inside the browser (page.evaluate), so they must not refer to anything outside themselves.

// Controls the user operates must be at least 44×44 CSS px (WCAG 2.5.5, what the plan
// promises); links in navigation blocks at least 24×24 (2.5.8). Inline links in prose are
// exempt (the 2.5.5/2.5.8 inline exception) and not measured. A radio or checkbox inside a
// label is measured through its label (the label is what the pointer hits).
// Returns { measured, failures: [{ kind, min, selector, width, height }] }.
function measureTargets() {
  const CONTROLS = ['.choice', '.switch', 'summary', '.variant-switch', 'button', '[role="button"]',
    'input[type="search"]', 'input[type="text"]', 'input:not([type])', 'input[type="submit"]',
    'input[type="button"]', 'input[type="reset"]', 'select'].join(', ');
  const NAV_LINKS = 'nav a[href]';
  const esc = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s);
  const describe = (el) => {
    const tag = el.tagName.toLowerCase();
    if (el.id) return `${tag}#${esc(el.id)}`;
    const inner = el.querySelector('input[id]');
    if (tag === 'label' && inner) return `label.${[...el.classList].join('.')}:has(#${esc(inner.id)})`;
    if (tag === 'a') {
      const nav = el.closest('nav');
      const where = nav ? `nav${nav.classList.length ? '.' + [...nav.classList].join('.') : ''} ` : '';
      return `${where}a[href="${el.getAttribute('href')}"]`;
    }
    if (tag === 'summary' && el.parentElement?.classList.length) return `details.${[...el.parentElement.classList].join('.')} > summary`;
    return tag + [...el.classList].map((c) => '.' + esc(c)).join('');
  };
  const shown = (el) => {
    if (el.closest('[hidden], .visually-hidden')) return false;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  };
  const failures = [];
  let measured = 0;
  const seen = new Set();
  for (const [kind, selector, min] of [['control', CONTROLS, 44], ['nav link', NAV_LINKS, 24]]) {
    for (const el of document.querySelectorAll(selector)) {
      if (seen.has(el)) continue;
      seen.add(el);
      // an input inside a measured label: the label is the target
      if (el.matches('input') && el.closest('label')) continue;
      if (!shown(el)) continue;
      measured++;
      const r = el.getBoundingClientRect();
      if (r.width < min - 0.01 || r.height < min - 0.01) {
        failures.push({ kind, min, selector: describe(el), width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 });
      }
    }
  }
  return { measured, failures };
}

// Describes the focus indicator of document.activeElement. An input whose own indicator is
// missing is judged by its label (the theme rings the .choice/.switch label instead).
// An indicator is an outline (style not none, width >= 2px) or a box-shadow at least 2px
// thick; it must contrast >= 3:1 with the page background and with the background right
// around the element (WCAG 2.4.7 visible, 1.4.11 non-text contrast).
// Returns null when nothing (or body) is focused or focus came round to an element already
// reported on this page, else { selector, ok, problem: '2.4.7'|'1.4.11'|null, detail }.
function focusIndicator() {
  const a = document.activeElement;
  if (!a || a === document.body || a === document.documentElement) return null;
  window.__focusSeen = window.__focusSeen || new WeakSet();
  if (window.__focusSeen.has(a)) return null;
  window.__focusSeen.add(a);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const rgba = (c) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = 'rgba(0, 0, 0, 0)';
    ctx.fillStyle = c;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  // the colour painted behind el: its own and its ancestors' backgrounds, composited
  const backdrop = (el) => {
    const layers = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let out = [255, 255, 255, 1];   // the canvas when nothing is opaque
    for (const c of layers.reverse()) out = over(c, out);
    return out;
  };
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (x, y) => {
    const [l1, l2] = [lum(x), lum(y)].sort((p, q) => q - p);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const hex = (c) => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  const splitTop = (s) => {   // split on commas outside parentheses
    const out = [];
    let depth = 0, cur = '';
    for (const ch of s) {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if (ch === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += ch;
    }
    if (cur.trim()) out.push(cur.trim());
    return out;
  };
  const pageBg = backdrop(document.body);
  const indicators = (el) => {
    const cs = getComputedStyle(el);
    const out = [];
    const ow = parseFloat(cs.outlineWidth) || 0;
    if (cs.outlineStyle !== 'none' && ow > 0) {
      const c = rgba(cs.outlineColor);
      out.push({ what: `outline ${ow}px ${cs.outlineStyle}`, thick: ow, color: c,
        // an outline with offset sits on the surroundings; with a negative offset, on the element
        around: parseFloat(cs.outlineOffset) < 0 ? backdrop(el) : backdrop(el.parentElement || el) });
    }
    if (cs.boxShadow && cs.boxShadow !== 'none') {
      for (const part of splitTop(cs.boxShadow)) {
        const colour = /(rgba?\([^)]*\)|color\([^)]*\)|#[0-9a-f]{3,8}\b)/i.exec(part);
        const nums = (part.replace(colour ? colour[0] : '', '').match(/-?[\d.]+px/g) || []).map(parseFloat);
        const [x = 0, y = 0, blur = 0, spread = 0] = nums;
        const thick = Math.max(spread, Math.abs(x), Math.abs(y)) + blur / 2;
        const inset = /\binset\b/.test(part);
        out.push({ what: `box-shadow ${part}`, thick, color: rgba(colour ? colour[0] : cs.color),
          around: inset ? backdrop(el) : backdrop(el.parentElement || el) });
      }
    }
    return out;
  };
  const candidates = [a];
  if (a.matches('input, select, textarea')) {
    for (const l of a.labels || []) candidates.push(l);
  }
  const esc = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s);
  const describe = (el) => {
    const tag = el.tagName.toLowerCase();
    if (el.id) return `${tag}#${esc(el.id)}`;
    if (tag === 'a') {
      const nav = el.closest('nav, header, footer, main');
      const where = nav ? `${nav.tagName.toLowerCase()}${nav.classList.length ? '.' + [...nav.classList].join('.') : ''} ` : '';
      return `${where}a[href="${el.getAttribute('href')}"]`;
    }
    return tag + [...el.classList].map((c) => '.' + esc(c)).join('');
  };
  const r = a.getBoundingClientRect();
  const base = { selector: describe(a) };
  if (r.width === 0 && r.height === 0 && candidates.length === 1) {
    return { ...base, ok: false, problem: '2.4.7', detail: 'focused element has no size' };
  }
  let visible = null;   // first visible indicator, for the report
  for (const el of candidates) {
    for (const ind of indicators(el)) {
      if (ind.thick < 2 || ind.color[3] === 0) continue;
      const vsPage = ratio(over(ind.color, pageBg), pageBg);
      const vsAround = ratio(over(ind.color, ind.around), ind.around);
      const info = { el: describe(el), what: ind.what, color: hex(ind.color), page: hex(pageBg), around: hex(ind.around),
        vsPage: Math.round(vsPage * 100) / 100, vsAround: Math.round(vsAround * 100) / 100 };
      if (vsPage >= 3 && vsAround >= 3) return { ...base, ok: true, problem: null, detail: info };
      if (!visible || Math.min(info.vsPage, info.vsAround) > Math.min(visible.vsPage, visible.vsAround)) visible = info;
    }
  }
  if (!visible) {
    const cs = getComputedStyle(candidates[candidates.length - 1]);
    return { ...base, ok: false, problem: '2.4.7',
      detail: `no focus indicator (outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow})` };
  }
  return { ...base, ok: false, problem: '1.4.11',
    detail: `${visible.el} ${visible.what} ${visible.color}: ${visible.vsPage}:1 on the page ${visible.page}, ` +
      `${visible.vsAround}:1 on ${visible.around} around it (needs 3:1)` };
}

module.exports = { measureTargets, focusIndicator };
