'use strict';
// Self-test of the checkers: a deliberately broken page must be caught, so a green
// a11y run cannot come from a checker that silently checks nothing.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const axe = require('axe-core');
const { measureTargets, focusIndicator } = require('./lib/ui-checks');

const BAD = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>bad</title></head><body>
<main><h1>bad</h1><p style="color:#999">low contrast</p><p style="color:#666">only 5.7:1</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><div style="width:600px">wide</div></main></body></html>`;

test('self-test: the checkers catch a broken page', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plansite-selftest-'));
  fs.writeFileSync(path.join(dir, 'bad.html'), BAD);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto('file://' + path.join(dir, 'bad.html'));
    await page.addScriptTag({ content: axe.source });
    const ids = await page.evaluate(async () => (await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'color-contrast-enhanced': { enabled: true } },
    })).violations.map((v) => v.id));
    for (const id of ['color-contrast', 'color-contrast-enhanced', 'image-alt']) assert.ok(ids.includes(id), `axe missed ${id} (got ${ids})`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    assert.ok(wide, 'reflow measurement missed a 600px element at 320px');
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const SMALL = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>small</title><style>
body { background: #fff; color: #000; }
.tiny { font-size: 10px; padding: 0; }  #ok { min-width: 44px; min-height: 44px; }
a:focus { outline: none; }  #grey:focus-visible { outline: 3px solid #ddd; }  #ring:focus-visible { outline: 3px solid #b3005a; }
#shadow:focus-visible { outline: none; box-shadow: 0 0 0 3px #000; }
</style></head><body><nav><a href="#x" class="tiny">x</a></nav><button class="tiny">b</button><button id="ok">ok</button>
<main><a id="none" href="#1">none</a> <a id="grey" href="#2">grey</a> <a id="ring" href="#3">ring</a> <a id="shadow" href="#4">shadow</a></main></body></html>`;

test('self-test: target size and focus indicator checks catch small targets and weak focus', async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.setContent(SMALL);
    const t = await page.evaluate(measureTargets);
    const small = t.failures.map((f) => `${f.kind} ${f.selector}`).sort();
    assert.deepEqual(small, ['control button.tiny', 'nav link nav a[href="#x"]'], JSON.stringify(t));
    const got = {};
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const r = await page.evaluate(focusIndicator);
      if (r && /#(none|grey|ring|shadow)$/.test(r.selector)) got[r.selector.split('#')[1]] = r.problem;
    }
    assert.deepEqual(got, { none: '2.4.7', grey: '1.4.11', ring: null, shadow: null });
  } finally {
    await browser.close();
  }
});
