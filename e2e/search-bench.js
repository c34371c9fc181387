'use strict';
// Measures the offline search of a built site from file:// in headless
// Chromium (issue 8): for each query, in a fresh page, the bytes of the
// index files the first query loads and the time it takes to answer;
// then, in one page, the time of later queries. Not a test: run it by
// hand against a large site (docs/performance.md).
//
//   node e2e/search-bench.js SITE_DIR [query …]
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL, fileURLToPath } = require('node:url');
const { chromium } = require('playwright-core');

// LIMIT is the number of results the page shows first (search.js PAGE_SIZE).
const LIMIT = 10;
const QUERIES = ['支援', '福祉', 'ふくし', 'しょうがい', '相談支援', '障害 福祉', 'ちいき せいかつ', '成年後見', '権利擁護', 'ピアサポート', '手話通訳', 'あ'];

async function main() {
  const [site, ...rest] = process.argv.slice(2);
  if (!site) { console.error('usage: node e2e/search-bench.js SITE_DIR [query …]'); process.exit(2); }
  const queries = rest.length ? rest : QUERIES;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--allow-file-access-from-files'], headless: true });
  const url = pathToFileURL(path.resolve(site, 'search.html')).href;
  console.log('query\tresults\tcomplete\tfiles\tKB\tms (first)');
  for (const q of queries) {
    const page = await browser.newPage();
    await page.goto(url);
    const files = [];
    page.on('request', (r) => { if (r.url().startsWith('file:')) files.push(fileURLToPath(r.url())); });
    const r = await page.evaluate(ask, { q, limit: LIMIT });
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0) + fs.statSync(path.resolve(site, 'assets/search-index.js')).size;
    console.log(`${q}\t${r.n}\t${r.complete}\t${files.length + 1}\t${(bytes / 1024).toFixed(0)}\t${r.ms.toFixed(0)}`);
    await page.close();
  }
  // later queries: one page, every query after a first one
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(ask, { q: '計画', limit: LIMIT });
  const later = [];
  for (const q of queries) { later.push(await page.evaluate(ask, { q, limit: LIMIT })); }
  console.log('later queries, ms:', later.map((r, i) => `${queries[i]} ${r.ms.toFixed(0)}`).join(', '));
  await browser.close();
}

// ask runs one query in the page through search.js's API and times it.
function ask(a) {
  const q = a.q;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const index = window.PLANSITE_SEARCH;
    const list = document.getElementById('search-results');
    window.plansiteSearch.query(index, (list.getAttribute('data-index') || '') + index.dir, q, a.limit, (err, results, complete) => {
      if (err) { reject(err); return; }
      resolve({ n: results.length, complete, ms: performance.now() - t0 });
    });
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
