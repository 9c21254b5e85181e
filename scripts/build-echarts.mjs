// Bundles vendor/echarts-entry.js into target/echarts/echarts.min.js (Trunk's pre-build hook),
// unless it is newer than its inputs.
import { build } from 'esbuild';
import { statSync, existsSync } from 'node:fs';

const out = 'target/echarts/echarts.min.js';
const inputs = ['vendor/echarts-entry.js', 'node_modules/echarts/package.json'];
const fresh = existsSync(out) && inputs.every((f) => statSync(f).mtimeMs < statSync(out).mtimeMs);
if (!fresh) {
  await build({ entryPoints: ['vendor/echarts-entry.js'], bundle: true, minify: true, format: 'iife', outfile: out, legalComments: 'none' });
}
