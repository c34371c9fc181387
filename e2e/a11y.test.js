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
  page.on('requestfailed', (r) => problems.push(`${relOf()}: request failed: ${r.url()} ${r.failure()?.errorText || ''}`));
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

test('screenshots', async () => {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const sample = [stdPage('home'), stdPage('chapter'), stdPage('pillar'), easyPage('home'), easyPage('chapter')].filter(Boolean);
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
