// e2e.mjs - the web view in a real browser: starts `entente serve` on a
// small test store (127.0.0.1, a free port), drives Debian's Chromium
// headless with playwright-core, and checks that the network renders with
// the expected states, that the date slider re-draws the ties, that
// clicking a tie shows its events with the evidence marked, that clicking
// a state shows its allies and treaties, and that the scenario ("USA
// attacks PRK") and Security Council forms answer.  Screenshots go to the
// artifacts folder.
//
// usage: node e2e.mjs PATH/TO/entente ARTIFACTS_DIR
// exit: 0 all passed, 1 a check failed, 77 skipped (no Chromium or no dist/)
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(process.argv[2] || join(here, '..', 'build', 'entente'));
const artifacts = resolve(process.argv[3] || join(here, '..', 'build', 'web-artifacts'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  console.log(`skip: no Chromium at ${chromiumPath} (apt install chromium)`);
  process.exit(77);
}
if (!existsSync(join(here, 'dist', 'index.html'))) {
  console.log('skip: web/dist is not built (scripts/web)');
  process.exit(77);
}
const { chromium } = await import('playwright-core');

let pass = 0, fail = 0;
function check(name, ok, detail) {
  if (ok) pass++;
  else { fail++; console.error(`FAIL: ${name}${detail ? ': ' + detail : ''}`); }
}

mkdirSync(artifacts, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'entente-e2e-'));
const news = [
  { id: 'kcna-0619', date: '2024-06-19', text: 'Vladimir Putin arrived in Pyongyang on Wednesday. Kim Jong Un greeted Putin at the airport. Russia and North Korea signed a mutual defence treaty.' },
  { id: 'w1', date: '2024-05-02', text: 'Russia attacked Ukraine. Ukraine shelled Russian positions.' },
  { id: 'w2', date: '2024-05-20', text: 'Russian forces bombed Kharkiv. Ukraine accused Russia of war crimes.' },
];
writeFileSync(join(tmp, 'news.jsonl'), news.map((n) => JSON.stringify(n)).join('\n') + '\n');
const db = join(tmp, 'test.db');
execFileSync(bin, ['ingest', '--db', db, join(tmp, 'news.jsonl')], { stdio: 'pipe' });

const server = spawn(bin, ['serve', '--db', db, '--port', '0', '--web', join(here, 'dist')],
  { stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stderr.on('data', (d) => { serverLog += d; });
const serverExit = new Promise((ok) => server.on('exit', (c, sig) => ok(c === null ? sig : c)));
const url = await new Promise((ok, bad) => {
  let out = '';
  const timer = setTimeout(() => bad(new Error('entente serve did not start: ' + out)), 20000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
    if (m) { clearTimeout(timer); ok(m[1]); }
  });
  server.on('exit', (c) => bad(new Error('entente serve exited ' + c + ': ' + out)));
});

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const external = [];
page.on('request', (r) => { if (!r.url().startsWith(url)) external.push(r.url()); });
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));

try {
  // 1. the network renders, laid out before it is painted
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  const info = await page.evaluate(() => ({
    nodes: window.entente.nodes(),
    edges: window.entente.edgeCount(),
    paintMs: window.entente.paintMs,
    asOf: document.body.dataset.asOf,
    neg: document.querySelector('line.tie.neg').getAttribute('stroke-dasharray'),
    pos: getComputedStyle(document.querySelector('line.tie.pos')).stroke,
  }));
  for (const s of ['USA', 'RUS', 'CHN', 'PRK', 'UKR'])
    check(`the network has ${s}`, info.nodes.includes(s));
  check('a hundred states or more', info.nodes.length >= 100, String(info.nodes.length));
  check('hundreds of ties', info.edges >= 300, String(info.edges));
  check('hostile ties dashed', !!info.neg, info.neg);
  check('cooperative ties blue', /43,\s*108,\s*176|2b6cb0/i.test(info.pos || ''), info.pos);
  check('painted', info.paintMs !== null);
  console.log(`first paint: ${info.nodes.length} states, ${info.edges} ties in ${info.paintMs.toFixed(0)} ms`);
  await page.screenshot({ path: join(artifacts, '1-network.png') });

  // 2. the date slider (keyboard on the real control) re-draws the ties
  await page.focus('#date');
  await page.keyboard.press('Home');
  await page.waitForSelector('body[data-as-of="2000-01-01"]', { timeout: 20000 });
  await page.waitForFunction(() => /ties$/.test(document.getElementById('status').textContent));
  const then = await page.evaluate(() => ({
    edges: window.entente.edgeCount(),
    ruUa: window.entente.tie('RUS-UKR'),
  }));
  check('the slider re-drew the ties', then.edges !== info.edges, `${then.edges} vs ${info.edges}`);
  check('RUS-UKR was not hostile in 2000', !(then.ruUa < 0), String(then.ruUa));
  await page.screenshot({ path: join(artifacts, '2-slider-2000.png') });
  await page.keyboard.press('End');
  await page.waitForSelector(`body[data-as-of="${info.asOf}"]`, { timeout: 20000 });

  // 3. click a tie: its sources and its events with the evidence marked
  const at = await page.evaluate(() => window.entente.focus('RUS-UKR', 4));
  await page.mouse.click(at.x, at.y);
  await page.waitForSelector('#details-body[data-tie="RUS-UKR"]', { timeout: 10000 });
  await page.waitForSelector('#tie-events .ev mark.trg', { timeout: 20000 });
  const ev = await page.$eval('#tie-events', (d) => d.innerHTML);
  check('the tie shows its evidence', /<mark class="src">Russia<\/mark> <mark class="trg">attacked<\/mark> <mark class="tgt">Ukraine<\/mark>/.test(ev), ev.slice(0, 300));
  await page.screenshot({ path: join(artifacts, '3-tie-evidence.png') });

  // 4. click a state: its allies, adversaries and treaties
  const nat = await page.evaluate(() => window.entente.focus('PRK', 3));
  await page.mouse.click(nat.x, nat.y);
  await page.waitForSelector('#details-body ul.treaties', { timeout: 20000 });
  const st = await page.$eval('#details', (d) => d.textContent);
  check('the state panel names PRK', /PRK/.test(st));
  check('the state panel lists allies', /Allies[\s\S]*CHN/.test(st), st.slice(0, 300));
  check('the state panel lists its treaties', /china_dprk_1961/.test(st), st.slice(0, 400));
  await page.screenshot({ path: join(artifacts, '4-state.png') });

  // 5. "USA attacks PRK"
  await page.evaluate(() => window.entente.focus());
  await page.fill('#attacker', 'USA');
  await page.fill('#target', 'PRK');
  await page.click('#scenario-form button');
  await page.waitForFunction(() => /coalition/.test(document.getElementById('scenario-answer').textContent), null, { timeout: 20000 });
  const sc = await page.$eval('#scenario-answer', (d) => d.textContent);
  check('the scenario answers', /If USA attacks PRK/.test(sc), sc.slice(0, 200));
  check('CHN bound by the 1961 treaty', /CHN bound to the target's side by china_dprk_1961/.test(sc), sc.slice(0, 400));
  await page.fill('#attacker', 'Atlantis');
  await page.click('#scenario-form button');
  await page.waitForSelector('#scenario-answer .error', { timeout: 20000 });
  check('a bad state gets the CLI\'s message', /not a state I know/.test(await page.$eval('#scenario-answer', (d) => d.textContent)));
  await page.fill('#attacker', 'USA');
  await page.click('#scenario-form button');
  await page.waitForFunction(() => /coalition/.test(document.getElementById('scenario-answer').textContent));
  await page.screenshot({ path: join(artifacts, '5-scenario.png') });

  // 6. the Security Council form
  await page.fill('#unsc-target', 'PRK');
  await page.click('#unsc-form button');
  await page.waitForFunction(() => /draft on PRK/.test(document.getElementById('unsc-answer').textContent), null, { timeout: 20000 });
  const un = await page.$eval('#unsc-answer', (d) => d.textContent);
  check('the UNSC form answers', /vetoed by/.test(un), un.slice(0, 200));
  await page.screenshot({ path: join(artifacts, '6-unsc.png') });

  check('nothing loaded from outside', external.length === 0, external.join(' '));
  check('no script errors', pageErrors.length === 0, pageErrors.join(' | '));
} catch (e) {
  check('the run', false, e.stack || String(e));
  await page.screenshot({ path: join(artifacts, 'failure.png') }).catch(() => {});
} finally {
  await browser.close();
  server.kill('SIGTERM');
  const code = await serverExit;
  check('the server stops cleanly on SIGTERM', code === 0, String(code));
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(join(artifacts, 'server.log'), serverLog);
}
console.log(`${pass} passed, ${fail} failed (screenshots in ${artifacts})`);
process.exit(fail ? 1 : 0);
