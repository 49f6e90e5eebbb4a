// Bundles Ballast's stylesheet and scripts. The Maven build passes --outdir pointing into the
// jar's static resources; run alone it writes to ../target/classes/static/assets.
import * as esbuild from 'esbuild';

const outArg = process.argv.find((a) => a.startsWith('--outdir='));
const outdir = outArg ? outArg.slice('--outdir='.length) : '../target/classes/static/assets';

await esbuild.build({
  entryPoints: {
    ballast: 'src/main.js',
    theme: 'src/theme.js',
    'ballast-style': 'src/styles/main.css',
  },
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ['es2020'],
  outdir,
  logLevel: 'info',
});
