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
