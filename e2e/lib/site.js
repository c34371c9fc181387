'use strict';
// Discovers the HTML pages of a built site.
const fs = require('node:fs');
const path = require('node:path');

function walk(dir, base = dir, out = []) {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) {
      if (path.relative(base, p) === 'assets') continue;
      walk(p, base, out);
    } else if (ent.isFile() && ent.name.endsWith('.html')) {
      out.push(path.relative(base, p).split(path.sep).join('/'));
    }
  }
  return out;
}

// Returns [{rel: 'chapters/01-x.html', variant: 'standard'|'easy', kind: 'home'|'chapter'|...}]
function pages(siteDir) {
  return walk(siteDir).sort().map((rel) => {
    const variant = rel.startsWith('easy/') ? 'easy' : 'standard';
    const inner = variant === 'easy' ? rel.slice(5) : rel;
    let kind = 'other';
    if (inner === 'index.html') kind = 'home';
    else if (inner.startsWith('chapters/')) kind = 'chapter';
    else if (inner.startsWith('pillars/')) kind = 'pillar';
    else if (inner === '404.html') kind = '404';
    else if (inner === 'search.html') kind = 'search';
    return { rel, variant, kind };
  });
}

module.exports = { pages };
