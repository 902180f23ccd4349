// bench.mjs - how fast the page paints: loads the page of a running
// `entente serve` in headless Chromium five times and prints, for each
// load, the states and ties drawn and the milliseconds from the network's
// answer arriving to the first painted frame (window.entente.paintMs), and
// the whole load (navigation start to painted).
// usage: node bench.mjs http://127.0.0.1:PORT/
import { chromium } from 'playwright-core';

const url = process.argv[2];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const paints = [], loads = [];
let nodes = 0, edges = 0;
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60000 });
  const r = await page.evaluate(() => ({ paint: window.entente.paintMs,
    nodes: window.entente.nodes().length, edges: window.entente.edgeCount(),
    nav: performance.now() }));
  paints.push(r.paint);
  loads.push(r.nav);
  nodes = r.nodes;
  edges = r.edges;
  await page.close();
  void t0;
}
await browser.close();
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`  page: ${nodes} states, ${edges} ties; first paint after the data ` +
  `${med(paints).toFixed(0)} ms (median of 5; best ${Math.min(...paints).toFixed(0)} ms); ` +
  `navigation to painted ${med(loads).toFixed(0)} ms (median)`);
