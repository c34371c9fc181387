'use strict';
/*
 * plansite offline editions: the EPUBs pass Ace by DAISY (0 violations) and
 * declare what their content shows; pages of the large-print PDFs are
 * rendered with pdftoppm into screenshots/pdf/ for review; a page of the
 * 縦書き EPUB is opened in Chromium (vertical writing, tate-chu-yoko) and
 * kept as screenshots/epub-vertical.png.
 *
 * env: SITE_DIR  built site (default ../public)
 *      CHROMIUM  browser for Ace's puppeteer runner (default /usr/bin/chromium)
 *      ACE_BIN   Ace's puppeteer command (default node_modules/.bin/ace-puppeteer)
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { readZip } = require('./lib/zip');

const E2E = __dirname;
const SITE_DIR = path.resolve(E2E, process.env.SITE_DIR || '../public');
const DOWNLOADS = path.join(SITE_DIR, 'downloads');
const SHOTS = path.resolve(E2E, 'screenshots', 'pdf');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ACE = process.env.ACE_BIN || path.join(E2E, 'node_modules/.bin/ace-puppeteer');

const EPUBS = ['plan.epub', 'plan-easy.epub', 'plan-vertical.epub'].filter((f) => fs.existsSync(path.join(DOWNLOADS, f)));
const PDFS = ['plan-large.pdf', 'plan-easy-large.pdf'];

// rubyCoverage counts the kanji in the books' XHTML and those under a
// <ruby> that has a reading (document titles excepted: they cannot hold
// ruby; SVG charts too: they are images whose text equivalent, the data
// table beside each, is counted with its ruby).
function rubyCoverage(files) {
  let kanji = 0;
  let covered = 0;
  const han = /\p{Script=Han}/gu;
  for (const [name, data] of files) {
    if (!name.endsWith('.xhtml')) continue;
    let s = data.toString('utf8').replace(/<head>[\s\S]*?<\/head>/, '').replace(/<svg\b[\s\S]*?<\/svg>/g, '');
    s = s.replace(/<ruby\b[^>]*>([\s\S]*?)<\/ruby>/g, (_, inner) => {
      const hasReading = /<rt\b[^>]*>[^<\s]/.test(inner);
      const base = inner.replace(/<rt\b[^>]*>[\s\S]*?<\/rt>|<rp\b[^>]*>[\s\S]*?<\/rp>/g, '').replace(/<[^>]+>/g, '');
      const n = (base.match(han) || []).length;
      kanji += n;
      if (hasReading) covered += n;
      return '';
    });
    kanji += (s.replace(/<[^>]+>/g, '').match(han) || []).length;
  }
  return { kanji, covered };
}

for (const name of EPUBS) {
  test(`Ace by DAISY: ${name}`, { timeout: 600000 }, (t) => {
    if (!fs.existsSync(ACE)) {
      t.skip(`Ace is not installed (${ACE}; npm ci in e2e installs @daisy/ace)`);
      return;
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ace-'));
    try {
      execFileSync(ACE, ['--silent', '--force', '--outdir', out, path.join(DOWNLOADS, name)], {
        env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
      const violations = [];
      for (const doc of report.assertions || []) {
        for (const a of doc.assertions || []) {
          if (a['earl:result'] && a['earl:result']['earl:outcome'] === 'fail') {
            violations.push(`${doc['earl:testSubject'].url}: ${a['earl:test']['dct:title']} (${a['earl:test']['earl:impact']})`);
          }
        }
      }
      assert.deepEqual(violations, [], `${name}: Ace violations`);
      assert.equal(report['earl:result']['earl:outcome'], 'pass');

      // the metadata Ace read, against the content of the book
      const meta = report['earl:testSubject'].metadata;
      const list = (v) => (v === undefined ? [] : [].concat(v));
      const features = list(meta['schema:accessibilityFeature']);
      const files = readZip(fs.readFileSync(path.join(DOWNLOADS, name)));
      const cov = rubyCoverage(files);
      assert.ok(cov.kanji > 0, 'the book has kanji');
      assert.equal(features.includes('fullRubyAnnotations'), cov.covered === cov.kanji,
        `${name}: fullRubyAnnotations declared=${features.includes('fullRubyAnnotations')}, ${cov.covered} of ${cov.kanji} kanji have ruby`);
      assert.equal(features.includes('rubyAnnotations'), cov.covered > 0, `${name}: rubyAnnotations`);
      const summary = list(meta['schema:accessibilitySummary']).join('');
      if (cov.covered < cov.kanji) assert.doesNotMatch(summary, /すべての漢字/, `${name}: the summary claims ruby on every kanji`);
      const images = (report.data && report.data.images) || [];
      assert.equal(features.includes('alternativeText'), images.length > 0, `${name}: alternativeText and ${images.length} images`);
      assert.equal(list(meta['schema:accessMode']).includes('visual'), images.length > 0, `${name}: accessMode visual`);
      if (meta['dcterms:conformsTo'] !== undefined) {
        assert.ok(!report['a11y-metadata'].missing.includes('a11y:certifiedBy'), `${name}: a conformance claim without a certifier`);
      }
      const nav = files.get('EPUB/nav.xhtml').toString('utf8');
      const toc = nav.slice(0, nav.indexOf('</nav>'));
      assert.doesNotMatch(toc, /ダウンロード|このページのことば/, `${name}: page furniture in the contents`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
}

test('large-print PDFs: pages rendered for review', (t) => {
  const have = PDFS.filter((f) => fs.existsSync(path.join(DOWNLOADS, f)));
  if (have.length === 0) {
    t.skip('no PDFs in the build (Chromium was not found when building)');
    return;
  }
  assert.equal(have.length, PDFS.length, 'both PDFs or none');
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of have) {
    const file = path.join(DOWNLOADS, f);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /Tagged:\s+yes/, `${f} is tagged`);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
    assert.ok(pages >= 3, `${f} has ${pages} pages`);
    const stem = path.join(SHOTS, f.replace(/\.pdf$/, ''));
    // the first page, the first page of the contents, the page after it and the last page
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    const contents = text.findIndex((p) => /^\s*(もくじ\s*)?目次\s*$/m.test(p)) + 1;
    assert.ok(contents > 0, `${f} has a contents page`);
    for (const n of new Set([1, contents, contents + 1, pages])) {
      execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', String(n), '-l', String(n), file, `${stem}-p${n}`]);
      const png = fs.readFileSync(`${stem}-p${n}.png`);
      assert.ok(png.length > 2000 && png.subarray(1, 4).toString() === 'PNG', `${stem}-p${n}.png`);
    }
  }
});

test('縦書き EPUB: a page in Chromium', { timeout: 120000 }, async (t) => {
  const file = path.join(DOWNLOADS, 'plan-vertical.epub');
  if (!fs.existsSync(file)) {
    t.skip('no plan-vertical.epub (editions: [vertical] is not set)');
    return;
  }
  const files = readZip(fs.readFileSync(file));
  const opf = files.get('EPUB/package.opf').toString('utf8');
  assert.match(opf, /page-progression-direction="rtl"/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vertical-'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const [name, data] of files) {
      const p = path.join(dir, name);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, data);
    }
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto('file://' + path.join(dir, 'EPUB/chapters', fs.readdirSync(path.join(dir, 'EPUB/chapters')).sort()[0]));
    const got = await page.evaluate(() => {
      const tcy = document.querySelector('.tcy');
      const table = document.querySelector('table');
      return {
        mode: getComputedStyle(document.documentElement).writingMode,
        tcy: tcy && getComputedStyle(tcy).textCombineUpright,
        table: table && getComputedStyle(table).writingMode,
      };
    });
    assert.equal(got.mode, 'vertical-rl');
    assert.equal(got.tcy, 'all', 'a short number is set upright');
    if (got.table) assert.equal(got.table, 'horizontal-tb', 'tables stay horizontal');
    fs.mkdirSync(path.join(E2E, 'screenshots'), { recursive: true });
    // the first lines are at the right; a viewport shot of a vertical-rl
    // root comes out blank in headless Chromium, a clip of the full page does not
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({
      path: path.join(E2E, 'screenshots', 'epub-vertical.png'),
      fullPage: true,
      clip: { x: Math.max(0, width - 800), y: 0, width: Math.min(800, width), height: 600 },
    });
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
