// Launcher for scripts/trivy-checksums.ts: Node's type stripping does not map the project's
// `.js` imports to `.ts` files, so the script is bundled with esbuild first (into a temp dir).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const out = await mkdtemp(join(tmpdir(), 'shipgate-trivy-checksums-'))
try {
  const outfile = join(out, 'trivy-checksums.mjs')
  await build({
    entryPoints: [join(here, 'trivy-checksums.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    logLevel: 'warning',
    // Keep import.meta.url pointing into the repository, where the table lives.
    define: {
      'import.meta.url': JSON.stringify(pathToFileURL(join(here, 'trivy-checksums.ts')).href),
    },
    banner: {
      js: "import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);",
    },
  })
  const { main } = await import(pathToFileURL(outfile).href)
  process.exitCode = await main(process.argv.slice(2))
} finally {
  await rm(out, { recursive: true, force: true })
}
