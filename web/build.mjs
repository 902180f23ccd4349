// build.mjs - assembles the page of `entente serve` into dist/: our own
// files from src/ and d3's minified build from node_modules (npm ci
// first).  No bundler: the page is three small files and one library.
import { cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const lib = join(here, 'node_modules', 'd3', 'dist', 'd3.min.js');
if (!existsSync(lib)) {
  console.error('web/build.mjs: d3 is not installed: run `npm ci` in web/ first');
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
for (const f of ['index.html', 'app.js', 'style.css'])
  cpSync(join(here, 'src', f), join(dist, f));
cpSync(lib, join(dist, 'd3.min.js'));
console.log('web/build.mjs: wrote ' + dist);
