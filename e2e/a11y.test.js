'use strict';
/*
 * plansite end-to-end accessibility suite.
 *
 *   cd e2e && npm ci && node --test
 *
 * env: SITE_DIR     built site (default ../public)
 *      A11Y_RESULTS results file to write (default ../content/a11y-results.json)
 *      CHROMIUM     browser binary (default /usr/bin/chromium)
 *      AXE_WORKERS  pages checked in parallel (default 2)
 *      FOCUS_DEBUG  set to print every focus stop of the focus check with its indicator
 *
 * Checks: axe-core on every page × furigana on/off × colour schemes, Nu Html Checker,
 * keyboard (skip link, preferences form), preference persistence across pages (http and
 * file://), preferences without JS, reflow at 320 px (also at 特大 and with WCAG 1.4.12
 * text spacing), target size (44×44 controls, 24×24 navigation links, at 1280 and 320 px),
 * visible focus with 3:1 indicator contrast in every colour scheme, relative links, screenshots. See docs/theme.md for the results format.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { pathToFileURL } = require('node:url');

const { chromium } = require('playwright-core');
const axe = require('axe-core');
const { serve } = require('./lib/server');
const { pages: discover } = require('./lib/site');
const { pool } = require('./lib/pool');
const { measureTargets, focusIndicator } = require('./lib/ui-checks');
const { rubyLayout, lineBreaks, rubyInkTargets, rubyInkCheck } = require('./lib/reader-checks');

const E2E = __dirname;
const SITE_DIR = path.resolve(E2E, process.env.SITE_DIR || '../public');
const RESULTS = path.resolve(E2E, process.env.A11Y_RESULTS || '../content/a11y-results.json');
const SHOTS = path.resolve(E2E, 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WORKERS = Math.max(1, Number(process.env.AXE_WORKERS) || 2);
const VNU_JAR = path.join(E2E, 'node_modules/vnu-jar/build/dist/vnu.jar');
const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
// The plan promises 7:1 for text in every scheme (1.4.6, AAA): run that rule too.
const AXE_OPTS = {
  runOnly: { type: 'tag', values: AXE_TAGS },
  rules: { 'color-contrast-enhanced': { enabled: true } },
  resultTypes: ['violations'],
};
const SCHEMES = [
  { cs: 'default', dark: false, name: 'default' },
  { cs: 'default', dark: true, name: 'default-dark' },
  { cs: 'contrast', dark: false, name: 'contrast' },
  { cs: 'blue', dark: false, name: 'blue' },
  { cs: 'yellow', dark: false, name: 'yellow' },
];
const MODES = [];
for (const furigana of ['on', 'off']) for (const s of SCHEMES) MODES.push({ ...s, furigana, label: `furigana-${furigana}/${s.name}` });

// ---------- shared state and results ----------
const started = Date.now();
let browser, srv, pages = [], vnuPromise;
const checks = new Map();           // name -> count
const byCriterion = {};             // "1.4.3" -> violating nodes
let htmlErrors = 0;
const ran = new Set();              // the results file is written only after a full run
const versions = {};

function count(name, n = 1) { checks.set(name, (checks.get(name) || 0) + n); }
function violation(criterion, n = 1) { byCriterion[criterion] = (byCriterion[criterion] || 0) + n; }
function criteriaOf(tags) {
  const out = [];
  for (const t of tags) {
    const m = /^wcag(\d)(\d)(\d+)$/.exec(t);
    if (m) out.push(`${m[1]}.${m[2]}.${m[3]}`);
  }
  return out.length ? out : ['best-practice'];
}
const url = (rel) => `${srv.origin}/${rel.split('/').map(encodeURIComponent).join('/')}`;
const fileUrl = (rel) => pathToFileURL(path.join(SITE_DIR, rel)).href;
const pick = (pred) => pages.find(pred);
const stdPage = (kind) => pick((p) => p.variant === 'standard' && p.kind === kind);
const easyPage = (kind) => pick((p) => p.variant === 'easy' && p.kind === kind);

async function newContext(opts = {}) {
  return browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
    reducedMotion: 'reduce',
    ...opts,
  });
}

// Collects failed same-site requests and script errors of a page.
function watch(page, problems, relOf) {
  page.on('pageerror', (e) => problems.push(`${relOf()}: script error: ${e.message}`));
  // A request aborted because the test moved on to the next page (a late
  // favicon) is not a missing file: those fail with ERR_FILE_NOT_FOUND.
  page.on('requestfailed', (r) => {
    const err = r.failure()?.errorText || '';
    if (err !== 'net::ERR_ABORTED') problems.push(`${relOf()}: request failed: ${r.url()} ${err}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !relOf().endsWith('404.html')) problems.push(`${relOf()}: HTTP ${r.status()} ${r.url()}`);
  });
}

async function setMode(page, mode) {
  await page.emulateMedia({ colorScheme: mode.dark ? 'dark' : 'light', reducedMotion: 'reduce' });
  await page.evaluate(({ cs, furigana }) => {
    const d = document.documentElement;
    d.setAttribute('data-cs', cs);
    d.setAttribute('data-furigana', furigana);
    const r = document.getElementById(`pref-cs-${cs}`);
    if (r) r.checked = true;
    const f = document.getElementById('pref-furigana');
    if (f) f.checked = furigana === 'on';
  }, mode);
}

function runVnu(files) {
  return new Promise((resolve) => {
    execFile('java', ['-Xss16m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files],
      { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        if (err && err.code === 'ENOENT') { resolve({ error: 'java not found (install default-jre-headless)' }); return; }
        try {
          resolve({ messages: JSON.parse(stderr || stdout).messages || [] });
        } catch (e) {
          resolve({ error: `vnu output not JSON: ${String(stderr).slice(0, 500)}` });
        }
      });
  });
}

// ---------- set-up ----------
before(async () => {
  assert.ok(fs.existsSync(path.join(SITE_DIR, 'index.html')),
    `no built site at ${SITE_DIR} (run \`go run ./cmd/plansite build\` first, or set SITE_DIR)`);
  pages = discover(SITE_DIR);
  // Nu Html Checker runs in its own process while the browser works.
  vnuPromise = runVnu(pages.map((p) => path.join(SITE_DIR, p.rel)));
  srv = await serve(SITE_DIR);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_ARGS, headless: true });
  versions['axe-core'] = axe.version;
  versions['playwright-core'] = JSON.parse(fs.readFileSync(path.join(E2E, 'node_modules/playwright-core/package.json'), 'utf8')).version;
  versions.chromium = browser.version();
  versions.vnu = await new Promise((r) => execFile('java', ['-jar', VNU_JAR, '--version'], (e, out) => r(e ? 'unknown' : out.trim().split(/\s+/)[0])));
  console.log(`site ${SITE_DIR}: ${pages.length} pages (${pages.filter((p) => p.variant === 'easy').length} easy); ${srv.origin}`);
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.close();
  // Every criterion the suite can report is listed, 0 when clean.
  const crit = {};
  for (const r of axe.getRules(AXE_TAGS)) for (const c of criteriaOf(r.tags)) crit[c] = 0;
  crit['1.4.6'] = 0;
  for (const c of ['1.4.10', '1.4.11', '1.4.12', '2.1.1', '2.4.1', '2.4.7', '2.5.5', '2.5.8', 'best-practice']) crit[c] = 0;
  for (const [k, v] of Object.entries(byCriterion)) crit[k] = (crit[k] || 0) + v;
  const sorted = Object.fromEntries(Object.entries(crit).sort(([a], [b]) =>
    a === 'best-practice' ? 1 : b === 'best-practice' ? -1 : a.localeCompare(b, 'en', { numeric: true })));
  const results = {
    date: new Date().toISOString().slice(0, 10),
    tools: versions,
    pages_checked: pages.length,
    modes: MODES.map((m) => m.label),
    checks: [...checks].map(([name, c]) => ({ name, count: c })),
    violations_by_criterion: sorted,
    total_violations: Object.values(sorted).reduce((a, b) => a + b, 0),
    html_errors: htmlErrors,
  };
  const full = ['axe', 'vnu', 'reflow', 'keyboard', 'target-size', 'focus', 'search'].every((k) => ran.has(k));
  if (!full) console.log(`results file not written: not every check ran (${[...ran].join(', ') || 'none'})`);
  if (pages.length && full) {
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
    console.log(`results written to ${RESULTS}: ${results.total_violations} violations, ${htmlErrors} HTML errors, ` +
      `${pages.length} pages × ${MODES.length} modes, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
});

// ---------- tests ----------
test('axe-core: every page in every mode', async () => {
  const failures = new Map();
  let nodes = 0;
  const problems = [];
  const contexts = await Promise.all(Array.from({ length: WORKERS }, () => newContext()));
  const tabs = await Promise.all(contexts.map((c) => c.newPage()));
  const current = tabs.map(() => '');
  tabs.forEach((tab, i) => watch(tab, problems, () => current[i]));
  await pool(pages, WORKERS, async (p, w) => {
    const tab = tabs[w];
    current[w] = p.rel;
    await tab.goto(url(p.rel), { waitUntil: 'load' });
    await tab.addScriptTag({ content: axe.source });
    for (const mode of MODES) {
      await setMode(tab, mode);
      const violations = await tab.evaluate(async (opts) => {
        const r = await window.axe.run(document, opts);
        return r.violations.map((v) => ({
          id: v.id, tags: v.tags, help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300) })),
        }));
      }, AXE_OPTS);
      count('axe-core 自動検査（WCAG 2.2 A・AA、文字のコントラスト 7:1、ベストプラクティス）');
      for (const v of violations) {
        for (const c of criteriaOf(v.tags)) violation(c, v.nodes.length);
        for (const n of v.nodes) {
          // one line per page × rule × element, listing the modes it fails in
          const key = `${p.rel} ${v.id} (${criteriaOf(v.tags).join(',')}): ${n.target}`;
          if (!failures.has(key)) failures.set(key, { modes: [], detail: n.summary || v.help });
          failures.get(key).modes.push(mode.label);
          nodes++;
        }
      }
    }
  });
  await Promise.all(contexts.map((c) => c.close()));
  ran.add('axe');
  count('ページの読み込み（CSS・JavaScript・画像のエラーなし）', pages.length);
  for (const [key, f] of failures) {
    const modes = f.modes.length === MODES.length ? 'all modes' : f.modes.join(' ');
    console.log(`AXE ${key} [${modes}] — ${f.detail}`);
  }
  if (problems.length) console.log(problems.map((f) => `RESOURCE ${f}`).join('\n'));
  assert.equal(nodes, 0, `${nodes} axe violations (${failures.size} distinct, listed above)`);
  assert.equal(problems.length, 0, `${problems.length} failed resources or script errors (listed above)`);
});

test('Nu Html Checker: no errors', async () => {
  const r = await vnuPromise;
  assert.ok(!r.error, r.error);
  const errors = r.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  htmlErrors = errors.length;
  ran.add('vnu');
  count('HTML の文法検査（Nu Html Checker）', pages.length);
  for (const m of errors) {
    const file = m.url ? path.relative(SITE_DIR, new URL(m.url).pathname) : '?';
    console.log(`VNU ${file}:${m.lastLine || '?'}:${m.firstColumn || '?'} ${m.message}${m.extract ? ` «${m.extract.replace(/\s+/g, ' ').slice(0, 120)}»` : ''}`);
  }
  assert.equal(errors.length, 0, `${errors.length} HTML errors (listed above)`);
});

test('relative links and fragments resolve', () => {
  const broken = [];
  const idCache = new Map();
  const idsOf = (file) => {
    if (!idCache.has(file)) {
      const html = fs.readFileSync(file, 'utf8');
      idCache.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])));
    }
    return idCache.get(file);
  };
  for (const p of pages) {
    const file = path.join(SITE_DIR, p.rel);
    const html = fs.readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = m[1].replace(/&amp;/g, '&');
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) continue;
      const [pathPart, frag] = raw.split('#');
      let target = pathPart ? path.resolve(path.dirname(file), decodeURIComponent(pathPart.split('?')[0])) : file;
      if (pathPart && (pathPart.startsWith('/'))) { broken.push(`${p.rel}: root-absolute link ${raw} (breaks file://)`); continue; }
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target = path.join(target, 'index.html');
      if (!fs.existsSync(target)) { broken.push(`${p.rel}: missing ${raw}`); continue; }
      if (frag && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(frag))) {
        broken.push(`${p.rel}: no id "${decodeURIComponent(frag)}" in ${path.relative(SITE_DIR, target)}`);
      }
    }
  }
  count('リンク切れの確認', pages.length);
  if (broken.length) console.log(broken.map((b) => `LINK ${b}`).join('\n'));
  assert.equal(broken.length, 0, `${broken.length} broken links (listed above)`);
});

test('keyboard: first Tab reaches the skip link, which moves focus to main', async () => {
  const sample = [stdPage('home'), stdPage('chapter'), stdPage('pillar'), easyPage('home'), easyPage('chapter')].filter(Boolean);
  const failures = [];
  const ctx = await newContext();
  const tab = await ctx.newPage();
  for (const p of sample) {
    await tab.goto(url(p.rel));
    await tab.keyboard.press('Tab');
    const first = await tab.evaluate(() => {
      const a = document.activeElement;
      const r = a.getBoundingClientRect();
      const cs = getComputedStyle(a);
      return {
        skip: a.matches('a.skip-link[href="#main"]'),
        html: a.outerHTML.slice(0, 120),
        visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight,
        outline: cs.outlineStyle !== 'none' ? parseFloat(cs.outlineWidth) : 0,
      };
    });
    if (!first.skip) { failures.push(`${p.rel}: first Tab focused ${first.html}`); violation('2.4.1'); continue; }
    if (!first.visible) { failures.push(`${p.rel}: focused skip link is not visible`); violation('2.4.7'); }
    if (first.outline < 2) { failures.push(`${p.rel}: focused skip link has no visible outline`); violation('2.4.7'); }
    await tab.keyboard.press('Enter');
    await tab.waitForFunction(() => location.hash === '#main', null, { timeout: 3000 }).catch(() => {});
    const after = await tab.evaluate(() => ({ main: document.activeElement?.matches('main#main') ?? false, tag: document.activeElement?.tagName }));
    if (!after.main) { failures.push(`${p.rel}: after the skip link focus is on ${after.tag}, not main#main`); violation('2.4.1'); }
    count('キーボード操作：本文へ移動するリンク');
  }
  await ctx.close();
  ran.add('keyboard');
  assert.deepEqual(failures, []);
});

async function tabTo(tab, selector, max = 40) {
  for (let i = 0; i < max; i++) {
    await tab.keyboard.press('Tab');
    if (await tab.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

const state = (tab) => tab.evaluate(() => {
  const d = document.documentElement;
  const rt = document.querySelector('ruby.furi > rt');
  return {
    fs: d.dataset.fs, cs: d.dataset.cs, lh: d.dataset.lh, furigana: d.dataset.furigana,
    fontSize: parseFloat(getComputedStyle(d).fontSize),
    bg: getComputedStyle(document.body).backgroundColor,
    lineHeight: parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize),
    rtShown: rt ? getComputedStyle(rt).display !== 'none' : null,
    checked: [...document.querySelectorAll('form.prefs input:checked')].map((i) => i.id).sort().join(' '),
  };
});

test('keyboard: preferences work from the keyboard and hold on the next page', async () => {
  const first = stdPage('chapter') || stdPage('home');
  const next = stdPage('pillar') || stdPage('home');
  const failures = [];
  const ctx = await newContext();
  const tab = await ctx.newPage();
  await tab.goto(url(first.rel));
  const base = await state(tab);
  // the furigana switch stands in the header bar, before the settings panel
  if (!(await tabTo(tab, '#pref-furigana', 6))) failures.push('Tab does not reach #pref-furigana');
  await tab.keyboard.press('Space');
  if (!(await tabTo(tab, 'details.prefs-panel > summary', 3))) failures.push('Tab never reaches the preferences summary');
  await tab.keyboard.press('Enter');
  if (!(await tab.evaluate(() => document.querySelector('details.prefs-panel')?.open))) failures.push('Enter does not open the preferences panel');
  if (!(await tabTo(tab, 'input[name=fs]', 3))) failures.push('Tab does not reach the text size radios');
  await tab.keyboard.press('ArrowRight');
  if (!(await tabTo(tab, 'input[name=cs]', 3))) failures.push('Tab does not reach the colour radios');
  await tab.keyboard.press('ArrowRight');
  if (!(await tabTo(tab, 'input[name=lh]', 3))) failures.push('Tab does not reach the line spacing radios');
  await tab.keyboard.press('ArrowRight');
  const now = await state(tab);
  const expect = (s, where) => {
    if (s.fs !== 'l' || Math.abs(s.fontSize - base.fontSize * 1.25) > 0.5) failures.push(`${where}: text size 大 not applied (${s.fs}, ${s.fontSize}px)`);
    if (s.cs !== 'contrast' || s.bg !== 'rgb(0, 0, 0)') failures.push(`${where}: 白黒反転 not applied (${s.cs}, ${s.bg})`);
    if (s.lh !== 'wide' || !(s.lineHeight > base.lineHeight + 0.2)) failures.push(`${where}: wide line spacing not applied (${s.lh}, ${s.lineHeight})`);
    if (s.furigana !== 'off' || s.rtShown === true) failures.push(`${where}: furigana not hidden (${s.furigana}, rt shown ${s.rtShown})`);
    for (const id of ['pref-fs-l', 'pref-cs-contrast', 'pref-lh-wide']) if (!s.checked.includes(id)) failures.push(`${where}: #${id} not checked`);
    if (s.checked.includes('pref-furigana')) failures.push(`${where}: furigana switch still checked`);
  };
  expect(now, first.rel);
  await tab.goto(url(next.rel));
  expect(await state(tab), `${next.rel} (next page)`);
  // furigana is remembered per variant: the easy variant keeps its default (on)
  const easy = easyPage('home');
  if (easy) {
    await tab.goto(url(easy.rel));
    const s = await state(tab);
    if (s.furigana !== 'on' || s.fs !== 'l' || s.cs !== 'contrast') failures.push(`${easy.rel}: expected furigana on and shared size/colour, got ${JSON.stringify(s)}`);
  }
  count('キーボード操作：表示の設定');
  count('表示の設定が次のページでも保たれる');
  await ctx.close();
  for (const f of failures) violation('2.1.1');
  assert.deepEqual(failures, []);
});

test('preferences work without JavaScript (CSS :has)', async () => {
  const p = stdPage('chapter') || stdPage('home');
  const failures = [];
  const ctx = await newContext({ javaScriptEnabled: false });
  const tab = await ctx.newPage();
  await tab.goto(url(p.rel));
  const base = await state(tab);
  await tab.click('details.prefs-panel > summary');
  for (const id of ['pref-fs-xl', 'pref-cs-blue', 'pref-lh-wide']) await tab.click(`label:has(#${id})`);
  await tab.click('label:has(#pref-furigana)');
  const s = await state(tab);
  if (Math.abs(s.fontSize - base.fontSize * 1.5) > 0.5) failures.push(`特大 gives ${s.fontSize}px (base ${base.fontSize}px)`);
  if (s.bg !== 'rgb(0, 34, 102)') failures.push(`青 gives background ${s.bg}`);
  if (!(s.lineHeight > base.lineHeight + 0.2)) failures.push(`広い gives line-height ${s.lineHeight}`);
  if (s.rtShown === true) failures.push('furigana still shown with the switch off');
  count('JavaScript なしで表示の設定が働く');
  await ctx.close();
  assert.deepEqual(failures, []);
});

// WCAG relative luminance and contrast of two computed rgb() colours.
function contrastOf(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('progress charts: named, described, numbers beside, readable in every colour scheme and in print', async () => {
  const candidates = pages.filter((p) => p.kind === 'pillar');
  const failures = [];
  const ctx = await newContext({ javaScriptEnabled: false });
  const tab = await ctx.newPage();
  let charts = 0;
  for (const p of candidates) {
    await tab.goto(url(p.rel));
    const found = await tab.evaluate(() => [...document.querySelectorAll('figure svg[role="img"]')].map((svg) => {
      const ids = (svg.getAttribute('aria-labelledby') || '').split(/\s+/);
      const named = ids.map((id) => document.getElementById(id)?.textContent || '');
      const fig = svg.closest('figure');
      const rows = fig.querySelectorAll('table tbody tr').length;
      return { title: named[0], desc: named[1], rows, labels: svg.querySelectorAll('text').length };
    }));
    for (const c of found) {
      charts++;
      if (!c.title) failures.push(`${p.rel}: chart without a title`);
      if (!/(増え|減り|変わり|ふえ|へり|かわり|です)/.test(c.desc || '')) failures.push(`${p.rel}: chart description does not state the trend: ${c.desc}`);
      if (c.rows < 2) failures.push(`${p.rel}: chart without its numbers in a table (${c.rows} rows)`);
      if (c.labels < 3) failures.push(`${p.rel}: chart without value labels`);
    }
    if (!found.length) continue;
    await tab.click('details.prefs-panel > summary');
    for (const cs of ['default', 'contrast', 'blue', 'yellow']) {
      await tab.click(`label:has(#pref-cs-${cs})`);
      const c = await tab.evaluate(() => {
        const svg = document.querySelector('figure svg[role="img"]');
        const line = svg.querySelector('polyline, circle');
        let el = svg, bg = 'rgba(0, 0, 0, 0)';
        while (el && /rgba\(0, 0, 0, 0\)|transparent/.test(bg)) { bg = getComputedStyle(el).backgroundColor; el = el.parentElement; }
        return { stroke: getComputedStyle(line).stroke === 'none' ? getComputedStyle(line).fill : getComputedStyle(line).stroke, text: getComputedStyle(svg.closest('figure')).color, bg };
      });
      if (c.stroke !== c.text) failures.push(`${p.rel} (${cs}): chart drawn in ${c.stroke}, text is ${c.text}`);
      const ratio = contrastOf(c.stroke, c.bg);
      if (ratio < 3) failures.push(`${p.rel} (${cs}): chart contrast ${ratio.toFixed(2)} < 3 (${c.stroke} on ${c.bg})`);
    }
    await tab.emulateMedia({ media: 'print' });
    const printed = await tab.evaluate(() => {
      const svg = document.querySelector('figure svg[role="img"]');
      const r = svg.getBoundingClientRect();
      return getComputedStyle(svg).display !== 'none' && r.width > 100 && r.height > 40;
    });
    if (!printed) failures.push(`${p.rel}: chart not shown in print`);
    await tab.emulateMedia({ media: 'screen' });
    count('進捗グラフ：名前・傾向の説明・数値の表・配色と印刷', found.length);
  }
  await ctx.close();
  for (const f of failures) violation('1.1.1');
  if (pages.some((p) => p.kind === 'pillar')) assert.ok(charts > 0, 'no progress chart on any pillar page: the sample has progress');
  assert.deepEqual(failures, []);
});

test('file:// pages: styles, scripts and saved preferences work', async () => {
  const sample = [stdPage('home'), stdPage('chapter'), easyPage('home'), easyPage('pillar')].filter(Boolean);
  const failures = [];
  const problems = [];
  const ctx = await newContext();
  const tab = await ctx.newPage();
  watch(tab, problems, () => '(file://)');
  for (const p of sample) {
    await tab.goto(fileUrl(p.rel));
    const ok = await tab.evaluate(() => ({
      css: getComputedStyle(document.querySelector('.skip-link') || document.body).position === 'absolute',
      js: !!document.documentElement.dataset.fs,
    }));
    if (!ok.css) failures.push(`${p.rel}: stylesheet not applied from file://`);
    if (!ok.js) failures.push(`${p.rel}: plansite.js did not run from file://`);
    count('ファイルとして開いたページ（file://）');
  }
  await tab.goto(fileUrl(sample[0].rel));
  await tab.click('details.prefs-panel > summary');
  await tab.click('label:has(#pref-cs-yellow)');
  await tab.goto(fileUrl(sample[1].rel));
  const s = await state(tab);
  if (s.cs !== 'yellow' || !s.checked.includes('pref-cs-yellow')) failures.push(`file://: 黄 not kept on the next page (${s.cs})`);
  await ctx.close();
  if (problems.length) failures.push(...problems);
  assert.deepEqual(failures, []);
});

const TEXT_SPACING = `*{line-height:1.5!important;letter-spacing:0.12em!important;word-spacing:0.16em!important}
p{margin-bottom:2em!important}`;

test('reflow at 320 px (standard and 特大 text, text spacing): no horizontal scroll, nothing clipped', async () => {
  const failures = [];
  const contexts = await Promise.all(Array.from({ length: WORKERS }, () => newContext({ viewport: { width: 320, height: 640 } })));
  const tabs = await Promise.all(contexts.map((c) => c.newPage()));
  await pool(pages, WORKERS, async (p, w) => {
    const tab = tabs[w];
    await tab.goto(url(p.rel));
    await tab.evaluate(() => { const d = document.querySelector('details.prefs-panel'); if (d) d.open = true; });
    for (const fsz of ['m', 'xl']) {
      await tab.evaluate((v) => document.documentElement.setAttribute('data-fs', v), fsz);
      const r = await tab.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: document.documentElement.clientWidth }));
      if (r.sw > r.vw) { failures.push(`${p.rel} [320px, fs=${fsz}]: page is ${r.sw}px wide`); violation('1.4.10'); }
      count('幅 320px で横スクロールなし（標準・特大の文字）');
    }
    await tab.evaluate((v) => document.documentElement.setAttribute('data-fs', v), 'm');
    const style = await tab.addStyleTag({ content: TEXT_SPACING });
    const clipped = await tab.evaluate(() => {
      const out = [];
      if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`page is ${document.documentElement.scrollWidth}px wide`);
      for (const el of document.body.querySelectorAll('*')) {
        const cs = getComputedStyle(el);
        if (el.closest('.visually-hidden, .table-wrap') || cs.display === 'none') continue;
        const hidden = /hidden|clip/.test(cs.overflowY) || /hidden|clip/.test(cs.overflowX);
        if (hidden && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) && el.textContent.trim()) {
          out.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} clips its text`);
        }
      }
      return out;
    });
    await style.evaluate((n) => n.remove());
    for (const c of clipped) { failures.push(`${p.rel} [text spacing]: ${c}`); violation('1.4.12'); }
    count('文字や行の間隔を広げても切れない（WCAG 1.4.12）');
  });
  await Promise.all(contexts.map((c) => c.close()));
  ran.add('reflow');
  if (failures.length) console.log(failures.map((f) => `REFLOW ${f}`).join('\n'));
  assert.equal(failures.length, 0, `${failures.length} reflow failures (listed above)`);
});

test('target size: controls at least 44×44 px, navigation links at least 24×24 px (1280 and 320 px)', async () => {
  const failures = [];
  let measured = 0;
  const contexts = await Promise.all(Array.from({ length: WORKERS }, () => newContext()));
  const tabs = await Promise.all(contexts.map((c) => c.newPage()));
  await pool(pages, WORKERS, async (p, w) => {
    const tab = tabs[w];
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(url(p.rel));
    // the preference radios are measured with the panel open
    await tab.evaluate(() => { const d = document.querySelector('details.prefs-panel'); if (d) d.open = true; });
    for (const width of [1280, 320]) {
      if (width !== 1280) await tab.setViewportSize({ width, height: 640 });
      const r = await tab.evaluate(measureTargets);
      measured += r.measured;
      for (const f of r.failures) {
        failures.push(`${p.rel} [${width}px] ${f.kind} ${f.selector}: ${f.width}×${f.height} px (needs ${f.min}×${f.min})`);
        violation(f.min === 44 ? '2.5.5' : '2.5.8');
      }
      count('ボタンなどの大きさ（操作部品 44×44 px 以上、メニューのリンク 24×24 px 以上、幅 1280px・320px）');
    }
  });
  await Promise.all(contexts.map((c) => c.close()));
  ran.add('target-size');
  console.log(`target size: ${measured} targets measured`);
  if (failures.length) console.log(failures.map((f) => `TARGET ${f}`).join('\n'));
  assert.ok(measured > pages.length * 2 * 10, `only ${measured} targets measured: is the selector list still right?`);
  assert.equal(failures.length, 0, `${failures.length} targets too small (listed above)`);
});

const FOCUS_STEPS = 25;

test('focus visible in every colour scheme (outline ≥ 2px or box-shadow, 3:1 against the background)', async () => {
  const sample = [stdPage('home'), stdPage('pillar'), easyPage('home'), easyPage('pillar')].filter(Boolean);
  const jobs = [];
  for (const p of sample) for (const s of SCHEMES) jobs.push({ p, s });
  const failures = new Map();   // "page selector (criterion)" -> { schemes, detail }
  let focused = 0;
  const contexts = await Promise.all(Array.from({ length: WORKERS }, () => newContext()));
  const tabs = await Promise.all(contexts.map((c) => c.newPage()));
  await pool(jobs, WORKERS, async ({ p, s }, w) => {
    const tab = tabs[w];
    await tab.goto(url(p.rel));
    await setMode(tab, { ...s, furigana: 'on' });
    // open the panel so the preference radios are in the Tab order too
    await tab.evaluate(() => { const d = document.querySelector('details.prefs-panel'); if (d) d.open = true; });
    let reached = 0;
    for (let i = 0; i < FOCUS_STEPS; i++) {
      await tab.keyboard.press('Tab');
      const r = await tab.evaluate(focusIndicator);
      if (!r) break;   // focus left the page or came round again
      reached++;
      focused++;
      if (process.env.FOCUS_DEBUG) console.log(`focus ${p.rel} ${s.name} ${r.selector}: ${JSON.stringify(r.detail)}`);
      if (r.ok) continue;
      violation(r.problem);
      const key = `${p.rel} ${r.selector} (${r.problem})`;
      if (!failures.has(key)) failures.set(key, { schemes: [], detail: r.detail });
      failures.get(key).schemes.push(s.name);
    }
    if (reached < 5) {
      const key = `${p.rel} Tab order (2.1.1)`;
      if (!failures.has(key)) failures.set(key, { schemes: [], detail: `only ${reached} elements reached with Tab` });
      failures.get(key).schemes.push(s.name);
      violation('2.1.1');
    }
    count('どの色の組み合わせでもフォーカスが見える（WCAG 2.4.7・1.4.11）');
  });
  await Promise.all(contexts.map((c) => c.close()));
  ran.add('focus');
  console.log(`focus: ${focused} focus stops checked on ${sample.length} pages × ${SCHEMES.length} schemes`);
  for (const [key, f] of failures) {
    const schemes = f.schemes.length === SCHEMES.length ? 'all schemes' : f.schemes.join(' ');
    console.log(`FOCUS ${key} [${schemes}] — ${typeof f.detail === 'string' ? f.detail : JSON.stringify(f.detail)}`);
  }
  assert.equal(failures.size, 0, `${failures.size} focus indicator failures (listed above)`);
});

test('search: kanji, hiragana and katakana find the same places, offline too, with no axe violations', async () => {
  const failures = [];
  const ctx = await newContext();
  const tab = await ctx.newPage();
  const results = async (href) => {
    await tab.goto(href);
    await tab.waitForFunction(() => (document.getElementById('search-status')?.textContent || '') !== '', null, { timeout: 5000 });
    return tab.evaluate(() => [...document.querySelectorAll('#search-results a')].map((a) => a.getAttribute('href')));
  };
  const searchPages = pages.filter((x) => x.kind === 'search');
  assert.ok(searchPages.length >= 2, 'no search page in one of the variants');
  for (const p of searchPages) {
    for (const [label, base] of [['http', url(p.rel)], ['file', fileUrl(p.rel)]]) {
      const counts = {};
      for (const q of ['相談', 'そうだん', 'ソウダン']) {
        const hrefs = await results(`${base}?q=${encodeURIComponent(q)}`);
        counts[q] = hrefs.length;
        count('サイト内検索（漢字・ひらがな・カタカナ、file:// でも）');
        if (hrefs.length === 0) failures.push(`${p.rel} (${label}): no results for ${q}`);
      }
      if (new Set(Object.values(counts)).size !== 1) failures.push(`${p.rel} (${label}): counts differ ${JSON.stringify(counts)}`);
      if (label === 'http') {
        await tab.addScriptTag({ content: axe.source });
        const v = await tab.evaluate(async (opts) => (await window.axe.run(document, opts)).violations.map((x) => x.id), AXE_OPTS);
        for (const id of v) { failures.push(`${p.rel}: axe ${id} on the results`); violation('best-practice'); }
        const first = await tab.$('#search-results a');
        if (first) {
          await first.click();
          await tab.waitForLoadState('load');
          const hash = new URL(tab.url()).hash;
          const found = hash ? await tab.evaluate((h) => !!document.getElementById(decodeURIComponent(h.slice(1))), hash) : true;
          if (!found) failures.push(`${p.rel}: first result ${tab.url()} has no such anchor`);
        }
      }
    }
  }
  await ctx.close();
  ran.add('search');
  assert.deepEqual(failures, []);
});

// ---------- reader experience (issue 9) ----------

test('header: the h1 starts in the first 40% of a 320×640 screen (both variants), within the first screen at 特大; panels start closed', async () => {
  const failures = [];
  const worst = { standard: 0, easy: 0, xl: 0 };
  const contexts = await Promise.all(Array.from({ length: WORKERS }, () => newContext({ viewport: { width: 320, height: 640 } })));
  const tabs = await Promise.all(contexts.map((c) => c.newPage()));
  await pool(pages, WORKERS, async (p, w) => {
    const tab = tabs[w];
    await tab.goto(url(p.rel));
    for (const fsz of ['m', 'xl']) {
      await tab.evaluate((v) => document.documentElement.setAttribute('data-fs', v), fsz);
      const r = await tab.evaluate(() => {
        const h = document.querySelector('h1').getBoundingClientRect();
        return { top: h.top + scrollY, line: parseFloat(getComputedStyle(document.querySelector('h1')).fontSize) * 1.5 };
      });
      if (fsz === 'm') {
        worst[p.variant] = Math.max(worst[p.variant], r.top / 640);
        if (r.top > 0.4 * 640) failures.push(`${p.rel} [320×640]: h1 starts at ${Math.round(r.top)} px (${(r.top / 640).toFixed(2)} of the screen; needs ≤ 0.40)`);
      } else {
        worst.xl = Math.max(worst.xl, (r.top + r.line) / 640);
        if (r.top + r.line > 640) failures.push(`${p.rel} [320×640, 特大]: the first line of the h1 ends at ${Math.round(r.top + r.line)} px (below the first screen)`);
      }
    }
    count('ページの見出しが画面の上のほうにある（幅 320px：標準 40% 以内、特大 1 画面以内）');
  });
  await Promise.all(contexts.map((c) => c.close()));
  console.log(`h1 position at 320×640: worst standard ${worst.standard.toFixed(2)}, easy ${worst.easy.toFixed(2)} of the screen; at 特大 the first line ends at ${worst.xl.toFixed(2)}`);
  // an opened settings panel does not stay open on the next page; the menu works without JS
  const ctx = await newContext({ viewport: { width: 320, height: 640 } });
  const tab = await ctx.newPage();
  await tab.goto(url(stdPage('home').rel));
  await tab.click('details.prefs-panel > summary');
  await tab.goto(url((stdPage('chapter') || stdPage('home')).rel));
  if (await tab.evaluate(() => document.querySelector('details.prefs-panel').open)) failures.push('the settings panel opened on one page is open on the next');
  await ctx.close();
  const nojs = await newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
  const t2 = await nojs.newPage();
  await t2.goto(url(stdPage('home').rel));
  if (await t2.isVisible('.site-nav a')) failures.push('at 320 px the menu links show before the menu button is pressed');
  await t2.click('details.menu-panel > summary');
  if (!(await t2.isVisible('.site-nav a'))) failures.push('without JS the menu button does not show the links');
  if (!(await t2.isVisible('form.site-search input[type=search]'))) failures.push('without JS the menu has no search box');
  await t2.setViewportSize({ width: 1280, height: 900 });
  await t2.goto(url(stdPage('home').rel));
  if (!(await t2.isVisible('.site-nav a')) || !(await t2.isVisible('form.site-search input'))) failures.push('at 1280 px the menu bar and search box are not shown');
  await nojs.close();
  assert.deepEqual(failures, []);
});

test('ruby: readings ≥ 0.6 em and ≥ 10 px (larger in easy), base not spread, clear of the line above and of badge borders', async () => {
  const failures = [];
  let rubies = 0, inks = 0;
  const contexts = await Promise.all(Array.from({ length: WORKERS }, () => newContext()));
  const tabs = await Promise.all(contexts.map((c) => c.newPage()));
  const sample = new Set([stdPage('home'), stdPage('chapter'), stdPage('pillar'), easyPage('home'), easyPage('chapter'), easyPage('pillar'),
    pick((p) => p.rel === 'measures.html')].filter(Boolean).map((p) => p.rel));
  await pool(pages, WORKERS, async (p, w) => {
    const tab = tabs[w];
    for (const width of [1280, 320]) {
      await tab.setViewportSize({ width, height: width === 320 ? 640 : 900 });
      await tab.goto(url(p.rel));
      await setMode(tab, { ...SCHEMES[0], furigana: 'on' });
      const r = await tab.evaluate(rubyLayout, 600);
      rubies += r.rubies;
      for (const f of r.failures) failures.push(`${p.rel} [${width}px] ${f}`);
      if (sample.has(p.rel)) {
        const targets = await tab.evaluate(rubyInkTargets, 60);
        const shot = 'data:image/png;base64,' + (await tab.screenshot({ fullPage: true })).toString('base64');
        inks += targets.length;
        for (const f of await tab.evaluate(rubyInkCheck, { shot, targets })) failures.push(`${p.rel} [${width}px] ${f}`);
      }
      count('ふりがなの大きさ・間隔（親文字が広がらない、上の行や枠に重ならない）');
    }
  });
  await Promise.all(contexts.map((c) => c.close()));
  console.log(`ruby: ${rubies} readings measured, ${inks} bases checked for spreading in screenshots`);
  if (failures.length) console.log(failures.slice(0, 80).map((f) => `RUBY ${f}`).join('\n'));
  assert.ok(rubies > pages.length, `only ${rubies} readings measured`);
  assert.ok(inks > 20, `only ${inks} ruby bases checked`);
  assert.equal(failures.length, 0, `${failures.length} ruby layout failures (first 80 listed above)`);
});

test('accessible names never contain readings (Chromium accessibility tree, furigana on)', async () => {
  const failures = [];
  let named = 0;
  const ctx = await newContext();
  const tab = await ctx.newPage();
  const cdp = await ctx.newCDPSession(tab);
  for (const p of pages) {
    await tab.goto(url(p.rel));
    await setMode(tab, { ...SCHEMES[0], furigana: 'on' });
    // what a reading glued to its base looks like: 支援しえん, 支援（しえん）
    const glued = await tab.evaluate(() => {
      const out = new Set();
      for (const rb of document.querySelectorAll('ruby')) {
        const base = [...rb.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('').trim();
        const rt = [...rb.querySelectorAll('rt')].map((r) => r.textContent).join('');
        if (base && rt) { out.add(base + rt); out.add(base + '（' + rt); out.add(base + '(' + rt); }
      }
      // …unless the page's own text says so (一人ひとり: 人 read ひと, then ひとり)
      const plain = (el) => [...el.childNodes].map((n) => (n.nodeType === 1 ? (n.matches('rt, rp') ? '' : plain(n)) : n.textContent)).join('');
      const text = plain(document.body).replace(/\s+/g, '');
      return [...out].filter((g) => !text.includes(g));
    });
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    for (const n of nodes) {
      const name = n.name && n.name.value;
      if (!name || n.ignored || (n.role && /^(StaticText|InlineTextBox)$/.test(n.role.value))) continue;
      named++;
      const hit = glued.find((g) => name.includes(g));
      if (hit) failures.push(`${p.rel}: ${n.role ? n.role.value : '?'} 「${name.slice(0, 60)}」 holds the reading ${hit}`);
    }
    count('読み上げ名にふりがなが混ざらない（アクセシビリティツリー）');
  }
  await ctx.close();
  console.log(`accessible names: ${named} named nodes checked on ${pages.length} pages`);
  if (failures.length) console.log(failures.slice(0, 50).map((f) => `NAME ${f}`).join('\n'));
  assert.equal(failures.length, 0, `${failures.length} names with readings (listed above)`);
});

test('copy and find in page give and match the base text, with furigana on and off', async () => {
  const failures = [];
  const ctx = await newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const tab = await ctx.newPage();
  const sample = [stdPage('chapter'), stdPage('pillar'), easyPage('chapter')].filter(Boolean);
  for (const p of sample) {
    for (const furigana of ['on', 'off']) {
      await tab.goto(url(p.rel));
      if ((await tab.isChecked('#pref-furigana')) !== (furigana === 'on')) await tab.click('label:has(#pref-furigana)');
      const r = await tab.evaluate(async () => {
        // a paragraph whose ruby is shown, and a word across the end of a ruby (高齢化)
        const para = [...document.querySelectorAll('main p')].find((x) => x.querySelector('ruby.furi') && x.textContent.length < 400);
        if (!para) return null;
        const plain = (el) => [...el.childNodes].map((n) => (n.nodeType === 1 ? (n.matches('rt, rp') ? '' : plain(n)) : n.textContent)).join('');
        const rb = para.querySelector('ruby.furi');
        const base = plain(rb);
        const after = rb.nextSibling && rb.nextSibling.nodeType === 3 ? rb.nextSibling.data.slice(0, 2) : '';
        const word = base + after;
        getSelection().removeAllRanges();
        const found = window.find(word, true, false, true);
        const range = document.createRange();
        range.selectNodeContents(para);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return { text: plain(para), word, found, rtShown: getComputedStyle(rb.querySelector('rt')).display !== 'none' };
      });
      if (!r) { failures.push(`${p.rel}: no paragraph with ruby`); continue; }
      await tab.keyboard.press('Control+C');
      const copied = await tab.evaluate(() => navigator.clipboard.readText());
      const norm = (x) => x.replace(/\s+/g, '');
      if (norm(copied) !== norm(r.text)) failures.push(`${p.rel} [furigana ${furigana}]: copy gave 「${copied.slice(0, 40)}」, expected 「${r.text.slice(0, 40)}」`);
      if (!r.found) failures.push(`${p.rel} [furigana ${furigana}]: find in page does not find 「${r.word}」`);
      if (r.rtShown !== (furigana === 'on')) failures.push(`${p.rel}: furigana ${furigana} not in force`);
      count('コピーとページ内検索（ふりがなあり・なし）');
    }
  }
  await ctx.close();
  assert.deepEqual(failures, []);
});

test('without JavaScript, with furigana on: find in page matches the base text and copy gives it', async () => {
  // The readings are inert in the markup, so find in page (Chromium's
  // window.find, run here from the test while the page's own scripts are
  // off) matches 高齢化 under 高齢(こうれい)化 without plansite.js.
  const failures = [];
  let checked = 0;
  const ctx = await newContext({ javaScriptEnabled: false, permissions: ['clipboard-read', 'clipboard-write'] });
  const tab = await ctx.newPage();
  const sample = [stdPage('chapter'), stdPage('pillar'), stdPage('home'), easyPage('chapter'), easyPage('pillar')].filter(Boolean);
  for (const p of sample) {
    await tab.goto(url(p.rel));
    const r = await tab.evaluate(() => {
      const plain = (el) => [...el.childNodes].map((n) => (n.nodeType === 1 ? (n.matches('rt, rp') ? '' : plain(n)) : n.textContent)).join('');
      const out = { words: [], misses: [], shown: 0 };
      // every paragraph of main with shown readings: a word across the end of its first ruby
      for (const para of document.querySelectorAll('main p')) {
        const rb = para.querySelector('ruby.furi');
        if (!rb || getComputedStyle(rb.querySelector('rt')).display === 'none') continue;
        out.shown++;
        const after = rb.nextSibling && rb.nextSibling.nodeType === 3 ? rb.nextSibling.data.slice(0, 2) : '';
        const word = plain(rb) + after;
        if (!after.trim()) continue;
        const start = document.createRange();
        start.setStart(para, 0);
        getSelection().removeAllRanges();
        getSelection().addRange(start);
        const found = window.find(word, true, false, false) && para.contains(getSelection().anchorNode);
        out.words.push(word);
        if (!found) out.misses.push(word);
        if (out.words.length >= 5) break;
      }
      const para = [...document.querySelectorAll('main p')].find((x) => x.querySelector('ruby.furi') && x.textContent.length < 400);
      if (para) {
        const range = document.createRange();
        range.selectNodeContents(para);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        out.copyText = plain(para);
      }
      return out;
    });
    if (!r.shown) { failures.push(`${p.rel}: no paragraph with readings shown (furigana should start on)`); continue; }
    checked += r.words.length;
    for (const w of r.misses) failures.push(`${p.rel}: find in page does not find 「${w}」 without JavaScript`);
    if (r.copyText) {
      await tab.keyboard.press('Control+C');
      const copied = await tab.evaluate(() => navigator.clipboard.readText());
      if (copied.replace(/\s+/g, '') !== r.copyText.replace(/\s+/g, '')) failures.push(`${p.rel}: copy gave 「${copied.slice(0, 40)}」 without JavaScript`);
    }
    count('JavaScript なしでもページ内検索とコピーは元の文字（ふりがな表示中）');
  }
  await ctx.close();
  console.log(`find without JS: ${checked} words checked`);
  assert.ok(checked > 0, 'no word checked');
  assert.deepEqual(failures, []);
});

test('easy pages: lines break only at the spaces between phrases (320 and 1280 px)', async () => {
  const failures = [];
  let lines = 0;
  const easy = pages.filter((p) => p.variant === 'easy');
  const contexts = await Promise.all(Array.from({ length: WORKERS }, () => newContext()));
  const tabs = await Promise.all(contexts.map((c) => c.newPage()));
  await pool(easy, WORKERS, async (p, w) => {
    const tab = tabs[w];
    for (const width of [320, 1280]) {
      await tab.setViewportSize({ width, height: 800 });
      await tab.goto(url(p.rel));
      const r = await tab.evaluate(lineBreaks, 'easy');
      lines += r.lines;
      for (const f of r.failures) failures.push(`${p.rel} [${width}px] 「${f}」`);
      count('わかりやすい版の改行は文節の区切り（空白）だけ');
    }
  });
  await Promise.all(contexts.map((c) => c.close()));
  console.log(`easy line breaks: ${lines} breaks checked`);
  if (failures.length) console.log(failures.map((f) => `BREAK ${f}`).join('\n'));
  assert.equal(failures.length, 0, `${failures.length} breaks inside a phrase (listed above)`);
});

test('standard pages: lines of prose break only between phrases (<wbr>), and long runs still wrap (320 and 1280 px)', async () => {
  const failures = [];
  let lines = 0, breaks = 0;
  const std = pages.filter((p) => p.variant === 'standard' && (p.kind === 'chapter' || p.kind === 'pillar' || p.kind === 'home'));
  const ctx = await newContext();
  const tab = await ctx.newPage();
  for (const p of std) {
    for (const width of [320, 1280]) {
      await tab.setViewportSize({ width, height: 800 });
      await tab.goto(url(p.rel));
      const r = await tab.evaluate(lineBreaks, 'phrase');
      lines += r.lines;
      for (const f of r.failures) failures.push(`${p.rel} [${width}px] 「${f}」`);
      count('標準版の本文の改行は文節の区切り');
    }
    breaks += await tab.evaluate(() => document.querySelectorAll('main wbr').length);
  }
  // A run with no phrase start (a long URL, long katakana) wraps inside the line at 320 px.
  await tab.setViewportSize({ width: 320, height: 800 });
  await tab.goto(url(stdPage('chapter').rel));
  const overflow = await tab.evaluate(() => {
    const para = [...document.querySelectorAll('main p')].find((x) => x.querySelector(':scope > wbr'));
    if (!para) return 'no paragraph with <wbr>';
    para.append('https://www.example.jp/keikaku/shougaisha/fukushi/2024/honbun/shiryou-hen.html', 'の', 'グループホームサービスコーディネーターアシスタントマネージャー', 'を');
    const out = [];
    if (para.scrollWidth > para.clientWidth + 1) out.push(`paragraph ${para.scrollWidth}px wide in ${para.clientWidth}px`);
    if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    return out.join('; ');
  });
  if (overflow) failures.push(`long runs at 320 px: ${overflow}`);
  await ctx.close();
  console.log(`phrase breaks: ${breaks} <wbr> on ${std.length} pages, ${lines} line breaks checked`);
  if (failures.length) console.log(failures.slice(0, 40).map((f) => `PHRASE ${f}`).join('\n'));
  assert.ok(lines > 0 && breaks > 0, 'no line break checked');
  assert.deepEqual(failures, []);
});

test('print: standard or large print (≥ 16 pt) from a button, marks that survive without backgrounds, running title and page numbers', async () => {
  const failures = [];
  const ctx = await newContext();
  await ctx.addInitScript(() => { window.__printed = []; window.print = () => { window.__printed.push(document.documentElement.dataset.print); }; });
  const tab = await ctx.newPage();
  const p = stdPage('pillar') || stdPage('chapter');
  for (const page of [p, easyPage('pillar')].filter(Boolean)) {
    await tab.goto(url(page.rel));
    await tab.emulateMedia({ media: 'screen' });
    if (!(await tab.isVisible('.print-tools button[data-print="large"]'))) { failures.push(`${page.rel}: no large-print button`); continue; }
    await tab.click('.print-tools button[data-print="large"]');
    await tab.emulateMedia({ media: 'print' });
    const r = await tab.evaluate(() => {
      const para = document.querySelector('main .prose p, main p:not(.page-date)');
      const num = document.querySelector('.measure__number');
      const ncs = num && getComputedStyle(num);
      const pageRule = [...document.querySelectorAll('style')].map((x) => x.textContent).join('');
      return {
        printed: window.__printed.slice(),
        pt: parseFloat(getComputedStyle(para).fontSize) * 0.75,
        badge: ncs ? { bg: ncs.backgroundColor, border: parseFloat(ncs.borderTopWidth), color: ncs.color } : null,
        thead: [...document.querySelectorAll('thead')].every((t) => getComputedStyle(t).display === 'table-header-group'),
        running: /@top-left\{content:"[^"]+"\}/.test(pageRule) && /counter\(page\)/.test(pageRule),
        hidden: ['.site-tools', '.print-tools'].every((s) => !document.querySelector(s) || getComputedStyle(document.querySelector(s)).display === 'none'),
      };
    });
    if (r.printed.join() !== 'large') failures.push(`${page.rel}: the button printed ${JSON.stringify(r.printed)}`);
    if (r.pt < 16) failures.push(`${page.rel}: large print sets ${r.pt.toFixed(1)} pt text (needs ≥ 16 pt)`);
    if (r.badge && (!/rgba\(0, 0, 0, 0\)|transparent/.test(r.badge.bg) || r.badge.border < 1 || r.badge.color !== 'rgb(0, 0, 0)')) failures.push(`${page.rel}: measure numbers print as ${JSON.stringify(r.badge)} (need black on no background, with a border)`);
    if (!r.thead) failures.push(`${page.rel}: table headers do not repeat on each printed page`);
    if (!r.running) failures.push(`${page.rel}: no running title and page numbers (@page)`);
    if (!r.hidden) failures.push(`${page.rel}: screen controls are printed`);
    // afterprint restores the screen's own text size
    await tab.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    if (await tab.evaluate(() => document.documentElement.hasAttribute('data-print'))) failures.push(`${page.rel}: data-print stays after printing`);
    count('印刷（大きな文字の印刷、背景なしでも残る番号、見出し行の繰り返し、ページ番号）');
  }
  await ctx.close();
  const nojs = await newContext({ javaScriptEnabled: false });
  const t2 = await nojs.newPage();
  await t2.goto(url(p.rel));
  if (await t2.isVisible('.print-tools')) failures.push('without JS the print buttons show (they cannot work)');
  await nojs.close();
  assert.deepEqual(failures, []);
});

// A speechSynthesis that records what it is asked to say (and what is highlighted then).
function stubSpeech({ japanese }) {
  window.__spoken = [];
  const voices = japanese ? [{ lang: 'ja-JP', name: 'stub ja', default: true }] : [{ lang: 'en-US', name: 'stub en' }];
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  const synth = {
    speaking: false, paused: false,
    getVoices: () => voices,
    addEventListener() {}, removeEventListener() {},
    speak(u) {
      setTimeout(() => {
        u.onstart && u.onstart();
        const h = window.CSS && CSS.highlights && CSS.highlights.get('read-aloud');
        let highlighted = '';
        if (h) {   // the highlighted base text, readings left out
          const frag = [...h][0].cloneContents();
          frag.querySelectorAll('rt, rp').forEach((e) => e.remove());
          highlighted = frag.textContent;
        }
        window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.lang, highlighted });
        setTimeout(() => u.onend && u.onend(), 0);
      }, 0);
    },
    cancel() {}, pause() { this.paused = true; }, resume() { this.paused = false; },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}

test('read-aloud: speaks the known readings (小平 → こだいら) sentence by sentence in reading order, with a highlight; hidden without a Japanese voice or JS', async () => {
  const failures = [];
  const ctx = await newContext();
  await ctx.addInitScript(stubSpeech, { japanese: true });
  const tab = await ctx.newPage();
  for (const p of [stdPage('home'), easyPage('home'), stdPage('chapter')].filter(Boolean)) {
    await tab.goto(url(p.rel));
    if (!(await tab.isVisible('.read-aloud__play'))) { failures.push(`${p.rel}: no 読み上げ control`); continue; }
    await tab.focus('.read-aloud__play');
    await tab.keyboard.press('Enter');
    await tab.waitForFunction(() => document.querySelector('.read-aloud__stop').disabled && window.__spoken.length > 0, null, { timeout: 20000 });
    const r = await tab.evaluate(() => {
      const plain = (el) => [...el.childNodes].map((n) => (n.nodeType === 1 ? (n.matches('rt, rp') ? '' : plain(n)) : n.textContent)).join('');
      return { spoken: window.__spoken, h1: plain(document.querySelector('h1')).replace(/\s+/g, ''), mainText: plain(document.querySelector('main')) };
    });
    const said = r.spoken.map((u) => u.text).join('');
    if (r.mainText.includes('小平')) {
      if (said.includes('小平')) failures.push(`${p.rel}: 小平 was handed to the speech engine as kanji`);
      if (!said.includes('こだいら')) failures.push(`${p.rel}: こだいら never spoken`);
    }
    if (r.spoken.some((u) => u.lang !== 'ja-JP' || u.voice !== 'ja-JP')) failures.push(`${p.rel}: an utterance without the Japanese voice`);
    if (r.spoken.length < 3) failures.push(`${p.rel}: only ${r.spoken.length} sentences spoken`);
    // reading order: each highlighted sentence comes later in the page's text than the one before
    let at = -1;
    for (const u of r.spoken) {
      const where = r.mainText.indexOf(u.highlighted, Math.max(0, at));
      if (!u.highlighted) { failures.push(`${p.rel}: 「${u.text.slice(0, 20)}」 spoken without a highlight`); break; }
      if (where < at) { failures.push(`${p.rel}: 「${u.highlighted.slice(0, 20)}」 spoken out of reading order`); break; }
      at = where;
    }
    if (r.spoken[0] && !r.h1.startsWith(r.spoken[0].highlighted.replace(/\s+/g, '').slice(0, 4))) failures.push(`${p.rel}: reading starts with 「${r.spoken[0].highlighted}」, not the page title`);
    count('読み上げ（市のふりがなで読む、文ごとに強調、読む順）');
  }
  await ctx.close();
  const nov = await newContext();
  await nov.addInitScript(stubSpeech, { japanese: false });
  const t2 = await nov.newPage();
  await t2.goto(url(stdPage('home').rel));
  if (await t2.isVisible('.read-aloud')) failures.push('the control shows without a Japanese voice');
  await nov.close();
  const nojs = await newContext({ javaScriptEnabled: false });
  const t3 = await nojs.newPage();
  await t3.goto(url(stdPage('home').rel));
  if (await t3.isVisible('.read-aloud')) failures.push('the control shows without JavaScript');
  await nojs.close();
  assert.deepEqual(failures, []);
});

test('search from the header of every page; exact words first; furigana on easy results; suggestions when nothing is found', async () => {
  const failures = [];
  const ctx = await newContext();
  const tab = await ctx.newPage();
  const settle = () => tab.waitForFunction(() => (document.getElementById('search-status')?.textContent || '') !== '', null, { timeout: 10000 });
  for (const p of [stdPage('chapter'), easyPage('pillar')].filter(Boolean)) {
    await tab.goto(url(p.rel));
    await tab.fill('#site-search-q', p.variant === 'easy' ? 'そうだん' : '相談');
    await tab.press('#site-search-q', 'Enter');
    await tab.waitForLoadState('load');
    if (!/search\.html\?q=/.test(tab.url())) { failures.push(`${p.rel}: the header search went to ${tab.url()}`); continue; }
    await settle();
    const r = await tab.evaluate(() => ({
      n: document.querySelectorAll('#search-results li').length,
      marks: [...document.querySelectorAll('#search-results mark')].slice(0, 20).map((m) => [...m.childNodes].map((n) => (n.nodeType === 1 && n.matches('ruby') ? n.firstChild.textContent : n.textContent)).join('')),
      ruby: document.querySelectorAll('#search-results ruby > rt').length,
    }));
    if (!r.n) failures.push(`${p.rel}: the header search found nothing`);
    if (p.variant === 'easy' && !r.ruby) failures.push(`${p.rel}: easy results have no furigana`);
    count('ヘッダーの検索窓から検索できる');
  }
  // exact words first: for 相談, the results holding 相談 as written come before reading-only matches
  await tab.goto(url('search.html') + '?q=' + encodeURIComponent('相談'));
  await settle();
  const order = await tab.evaluate(() => [...document.querySelectorAll('#search-results li')].map((li) => li.textContent.includes('相談')));
  const firstMiss = order.indexOf(false);
  if (firstMiss >= 0 && order.slice(firstMiss).includes(true)) failures.push('a result without 相談 as written ranks above one with it');
  // nothing found: shorter queries offered as links that find something
  await tab.goto(url('search.html') + '?q=' + encodeURIComponent('相談ぴよぴよ'));
  await settle();
  const alts = await tab.evaluate(() => [...document.querySelectorAll('.search-suggestions a')].map((a) => a.getAttribute('href')));
  if (!alts.length) failures.push('no suggestions when nothing is found');
  else {
    await tab.goto(url('') + alts[alts.length - 1]);
    await settle();
    if (!(await tab.evaluate(() => document.querySelectorAll('#search-results li').length))) failures.push(`the suggestion ${alts[alts.length - 1]} finds nothing`);
  }
  count('検索の並び順と、見つからないときの案内');
  await ctx.close();
  assert.deepEqual(failures, []);
});

test('search: results ten at a time; the button adds the next ones, moves the focus to them, and the count adds up', async () => {
  const failures = [];
  const ctx = await newContext();
  const tab = await ctx.newPage();
  const state = () => tab.evaluate(() => ({
    hrefs: [...document.querySelectorAll('#search-results li a')].map((a) => a.getAttribute('href')),
    status: document.getElementById('search-status').textContent,
    button: !!document.querySelector('button.search-more'),
    focus: document.activeElement && document.activeElement.closest('#search-results li') ? [...document.querySelectorAll('#search-results li')].indexOf(document.activeElement.closest('li')) : -1,
  }));
  for (const p of pages.filter((x) => x.kind === 'search')) {
    for (const [label, base] of [['http', url(p.rel)], ['file', fileUrl(p.rel)]]) {
      const where = `${p.rel} (${label})`;
      await tab.goto(`${base}?q=${encodeURIComponent('の')}`); // in almost every document
      await tab.waitForFunction(() => (document.getElementById('search-status')?.textContent || '') !== '', null, { timeout: 10000 });
      let s = await state();
      if (s.hrefs.length !== 10 || !s.button) { failures.push(`${where}: first page has ${s.hrefs.length} results, button ${s.button}`); continue; }
      if (label === 'http') {
        await tab.addScriptTag({ content: axe.source });
        const v = await tab.evaluate(async (opts) => (await window.axe.run(document, opts)).violations.map((x) => x.id), AXE_OPTS);
        for (const id of v) { failures.push(`${where}: axe ${id} with the button`); violation('best-practice'); }
      }
      for (let i = 0; i < 100 && s.button; i++) {
        const before = s.hrefs.length;
        await tab.focus('button.search-more');
        await tab.keyboard.press('Enter');
        await tab.waitForFunction((n) => document.querySelectorAll('#search-results li').length > n || !document.querySelector('button.search-more'), before, { timeout: 10000 });
        await tab.waitForTimeout(150); // the status is written 100 ms later
        s = await state();
        if (s.hrefs.length > before && s.focus !== before) failures.push(`${where}: after the button the focus is on result ${s.focus}, not ${before}`);
        if (s.hrefs.length - before > 10) failures.push(`${where}: the button added ${s.hrefs.length - before} results`);
      }
      if (new Set(s.hrefs).size !== s.hrefs.length) failures.push(`${where}: a result is listed twice`);
      const n = Number((s.status.match(/(\d+)(件|こ)/) || [])[1]);
      if (s.button || n !== s.hrefs.length || /以上|おおく/.test(s.status)) failures.push(`${where}: at the end ${s.hrefs.length} results listed, status "${s.status}", button ${s.button}`);
      count('検索結果を10件ずつ表示し、ボタンで続きを出す');
    }
  }
  await ctx.close();
  assert.deepEqual(failures, []);
});

test('tables: at 320 px the caption stays in view when a wide table scrolls sideways', async () => {
  const failures = [];
  let wide = 0;
  const ctx = await newContext({ viewport: { width: 320, height: 640 } });
  const tab = await ctx.newPage();
  for (const p of pages.filter((x) => x.kind === 'chapter' || x.kind === 'pillar' || x.rel.endsWith('measures.html'))) {
    await tab.goto(url(p.rel));
    const r = await tab.evaluate(() => {
      const out = { wide: 0, bad: [] };
      for (const w of document.querySelectorAll('.table-wrap')) {
        if (w.scrollWidth <= w.clientWidth + 1) continue;
        out.wide++;
        w.scrollLeft = w.scrollWidth;
        const W = w.getBoundingClientRect(), c = w.querySelector('caption').getBoundingClientRect();
        if (c.left < W.left - 1 || c.right > W.right + 1) out.bad.push(`${w.querySelector('caption').textContent.slice(0, 20)}: caption at ${Math.round(c.left)}–${Math.round(c.right)}, table area ${Math.round(W.left)}–${Math.round(W.right)}`);
      }
      return out;
    });
    wide += r.wide;
    for (const b of r.bad) failures.push(`${p.rel}: ${b}`);
  }
  count('横に動く表でも表題が見えている（幅 320px）');
  await ctx.close();
  console.log(`tables: ${wide} tables wider than 320 px checked`);
  assert.ok(wide > 0, 'no table scrolls at 320 px: the check measured nothing');
  assert.deepEqual(failures, []);
});

test('tables: narrow tables stack at 320 px, each cell under its column header, still tables to screen readers; columns at 1280 px', async () => {
  const failures = [];
  let tables = 0, cells = 0;
  const ctx = await newContext();
  const tab = await ctx.newPage();
  const cdp = await ctx.newCDPSession(tab);
  for (const p of pages.filter((x) => x.kind === 'chapter' || x.kind === 'pillar' || x.rel.endsWith('measures.html'))) {
    for (const width of [320, 1280]) {
      await tab.setViewportSize({ width, height: 800 });
      await tab.goto(url(p.rel));
      const narrow = width === 320;
      const r = await tab.evaluate((narrow) => {
        const plain = (el) => [...el.childNodes].map((n) => (n.nodeType === 1 ? (n.matches('rt, rp') ? '' : plain(n)) : n.textContent)).join('').replace(/\s+/g, ' ').trim();
        const out = { tables: 0, rows: 0, cells: 0, bad: [] };
        for (const t of document.querySelectorAll('table[data-stack]')) {
          out.tables++;
          const name = plain(t.caption).slice(0, 20);
          const heads = [...t.tHead.rows[0].cells].map(plain);
          const wrap = t.closest('.table-wrap');
          const cap = t.caption.getBoundingClientRect();
          if (cap.height === 0 || cap.left < -1 || cap.right > innerWidth + 1) out.bad.push(`${name}: caption not in view (${Math.round(cap.left)}–${Math.round(cap.right)})`);
          if ((getComputedStyle(t).display === 'block') !== narrow) out.bad.push(`${name}: display ${getComputedStyle(t).display}`);
          if (narrow && wrap.scrollWidth > wrap.clientWidth + 1) out.bad.push(`${name}: scrolls sideways when stacked`);
          for (const row of t.tBodies[0].rows) {
            out.rows++;
            [...row.cells].forEach((c, i) => {
              const lab = c.querySelector(':scope > [data-th]');
              if (!lab) {
                if (plain(c)) out.bad.push(`${name}: a cell of column ${i + 1} without its header`);
                return;
              }
              out.cells++;
              const box = lab.getBoundingClientRect();
              if ((box.height > 0) !== narrow) out.bad.push(`${name}: header label ${box.height > 0 ? 'shown' : 'hidden'}`);
              if (plain(lab) !== heads[i]) out.bad.push(`${name}: label 「${plain(lab)}」, column header 「${heads[i]}」`);
              if (narrow && box.top >= c.getBoundingClientRect().bottom) out.bad.push(`${name}: label outside its cell`);
            });
          }
        }
        return out;
      }, narrow);
      for (const b of r.bad) failures.push(`${p.rel} [${width}px] ${b}`);
      if (!narrow || !r.tables) continue;
      tables += r.tables;
      cells += r.cells;
      // still a table to screen readers, and the labels are not read
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const role = (x) => nodes.filter((n) => !n.ignored && n.role && n.role.value === x).length;
      const stacked = await tab.evaluate(() => [...document.querySelectorAll('table[data-stack]')].map((t) => t.rows.length));
      const rows = stacked.reduce((a, b) => a + b, 0);
      if (role('table') < stacked.length) failures.push(`${p.rel}: ${role('table')} tables in the accessibility tree, ${stacked.length} stacked tables`);
      if (role('row') < rows) failures.push(`${p.rel}: ${role('row')} rows in the accessibility tree, ${rows} in the stacked tables`);
      if (role('cell') + role('rowheader') < r.cells) failures.push(`${p.rel}: ${role('cell') + role('rowheader')} cells in the accessibility tree, ${r.cells} labelled cells`);
      count('狭い画面で表を縦に並べる（見出しつき、表のまま読み上げ）');
    }
  }
  await ctx.close();
  console.log(`stacked tables: ${tables} tables, ${cells} cells checked at 320 px`);
  if (failures.length) console.log(failures.slice(0, 40).map((f) => `STACK ${f}`).join('\n'));
  assert.ok(tables > 0, 'no stacked table: the check measured nothing');
  assert.deepEqual(failures, []);
});

test('screenshots', async () => {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const sample = [stdPage('home'), stdPage('chapter'), stdPage('pillar'), easyPage('home'), easyPage('chapter'), easyPage('pillar')].filter(Boolean);
  let n = 0;
  for (const width of [320, 1280]) {
    const ctx = await newContext({ viewport: { width, height: width === 320 ? 640 : 900 } });
    const tab = await ctx.newPage();
    for (const p of sample) {
      await tab.goto(url(p.rel));
      for (const s of SCHEMES) {
        await setMode(tab, { ...s, furigana: 'on' });
        const name = `${p.rel.replace(/\.html$/, '').replace(/\//g, '_')}-${width}-${s.name}.png`;
        await tab.screenshot({ path: path.join(SHOTS, name), fullPage: true });
        n++;
      }
      if (p.kind === 'home') {   // the preferences panel open, focus on a control
        await setMode(tab, { ...SCHEMES[0], furigana: 'on' });
        await tab.evaluate(() => { const d = document.querySelector('details.prefs-panel'); if (d) d.open = true; });
        await tab.focus('#pref-fs-m').catch(() => {});
        await tab.keyboard.press('ArrowRight').catch(() => {});
        await tab.screenshot({ path: path.join(SHOTS, `${p.rel.replace(/\.html$/, '').replace(/\//g, '_')}-${width}-prefs-open.png`) });
        await tab.evaluate(() => { localStorage.clear(); });
        n++;
      }
    }
    if (width === 1280 && stdPage('chapter')) {
      await tab.goto(url(stdPage('chapter').rel));
      await tab.emulateMedia({ media: 'print' });
      for (const fsz of ['m', 'xl']) {
        await tab.evaluate((v) => document.documentElement.setAttribute('data-fs', v), fsz);
        await tab.screenshot({ path: path.join(SHOTS, `print-chapter-fs-${fsz}.png`), fullPage: true });
        n++;
      }
      await tab.pdf?.({ path: path.join(SHOTS, 'print-chapter.pdf') }).catch(() => {});
    }
    await ctx.close();
  }
  count('スクリーンショット（目視確認用）', n);
  console.log(`${n} screenshots in ${SHOTS}`);
});
