'use strict';
// Runs fn over items with at most n in flight.
async function pool(items, n, fn) {
  let i = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async (_, w) => {
    while (i < items.length) {
      const idx = i++;
      await fn(items[idx], w, idx);
    }
  });
  await Promise.all(workers);
}
module.exports = { pool };
