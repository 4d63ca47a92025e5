// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// `node scripts/bundle.mjs --outdir DIR` writes elsewhere (the freshness test compares the two).
import { chmod, mkdir, rm } from 'node:fs/promises'
import { build } from 'esbuild'

const i = process.argv.indexOf('--outdir')
const outdir = i > 0 ? process.argv[i + 1] : 'dist'

await rm(outdir, { recursive: true, force: true })
await mkdir(outdir, { recursive: true })

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
  // CommonJS dependencies (sigstore, octokit internals) call require(); give ESM one.
  banner: {
    js: "import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);",
  },
}

await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir })
await build({
  ...common,
  entryPoints: { cli: 'src/cli-entry.ts' },
  outdir,
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
})
await chmod(`${outdir}/cli.js`, 0o755)
