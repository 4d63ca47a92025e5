/**
 * Benchmark of the base-image analysis on the debootstrap Debian image, against
 * `gzip -dc layer.tar.gz | tar -t` of the same layer on the same machine (the goal:
 * at most 1.5x), with the analysing process's peak memory.
 *
 *   node --experimental-strip-types bench/base-image.ts [--runs N]
 *
 * Node's type stripping does not map `.js` imports to `.ts` files, so the project modules are
 * bundled with esbuild first (into test/.cache/) and the measurement runs in a child process
 * whose memory is only the analysis.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cacheDir = join(root, 'test', '.cache')
const bundle = join(cacheDir, 'bench-base-image.mjs')

interface Bundle {
  startRegistry(auth: 'none'): Promise<{ host: string; stop(): Promise<void> }>
  buildFixtures(
    host: string,
    opts: { debian: boolean },
  ): Promise<
    Record<
      string,
      {
        ref: string
        layerFiles?: string[]
        expected: { packages?: number; compressedSize: number }
      }
    >
  >
  RegistryClient: new (opts: { insecure: boolean; retries: number }) => unknown
  inspectImage(ref: string, opts: { client: unknown }): Promise<{ packages?: number; os?: string }>
}

async function load(): Promise<Bundle> {
  const esbuild = await import('esbuild')
  mkdirSync(cacheDir, { recursive: true })
  const entry = join(cacheDir, 'bench-entry.ts')
  writeFileSync(
    entry,
    [
      `export { startRegistry } from ${JSON.stringify(join(root, 'test/support/registry/server.ts'))}`,
      `export { buildFixtures } from ${JSON.stringify(join(root, 'test/support/registry/images.ts'))}`,
      `export { RegistryClient } from ${JSON.stringify(join(root, 'src/registry/client.ts'))}`,
      `export { inspectImage } from ${JSON.stringify(join(root, 'scanners/base-image/index.ts'))}`,
    ].join('\n'),
  )
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    outfile: bundle,
    packages: 'external',
    logLevel: 'warning',
  })
  return (await import(pathToFileURL(bundle).href)) as Bundle
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

/** Child mode: analyse REF `runs` times, report times and peak memory as JSON on stdout. */
async function child(host: string, ref: string, runs: number) {
  void host
  const b = (await import(pathToFileURL(bundle).href)) as Bundle
  let peakHeap = 0
  let peakRss = 0
  const sample = setInterval(() => {
    const m = process.memoryUsage()
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers)
    peakRss = Math.max(peakRss, m.rss)
  }, 5)
  const times: number[] = []
  let packages: number | undefined
  for (let i = 0; i < runs; i++) {
    const client = new b.RegistryClient({ insecure: true, retries: 0 })
    const t = performance.now()
    const facts = await b.inspectImage(ref, { client })
    times.push(performance.now() - t)
    packages = facts.packages
  }
  clearInterval(sample)
  // resourceUsage().maxRSS is not used: Linux keeps the forking parent's high-water mark across exec.
  process.stdout.write(JSON.stringify({ times, packages, peakHeap, peakRss }))
}

async function main() {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    await child(args[1] as string, args[2] as string, Number(args[3]))
    return
  }
  const runs = Number(args[args.indexOf('--runs') + 1]) || 5
  const b = await load()
  const reg = await b.startRegistry('none')
  try {
    const t0 = performance.now()
    const fixtures = await b.buildFixtures(reg.host, { debian: true })
    console.log(`fixtures built and pushed in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    const debian = fixtures.debian
    const layer = debian?.layerFiles?.[0]
    if (!debian || !layer)
      throw new Error('the Debian fixture was not built (debootstrap missing?)')

    const baseline: number[] = []
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      const r = spawnSync('bash', [
        '-o',
        'pipefail',
        '-c',
        'gzip -dc "$1" | tar -t > /dev/null',
        'bench',
        layer,
      ])
      baseline.push(performance.now() - t)
      if (r.status !== 0) throw new Error(`gzip | tar failed: ${r.stderr}`)
    }
    type ChildResult = { times: number[]; packages: number; peakHeap: number; peakRss: number }
    const measure = (flags: string[], n: number): ChildResult => {
      const res = spawnSync(
        process.execPath,
        [
          ...flags,
          '--experimental-strip-types',
          fileURLToPath(import.meta.url),
          '--child',
          reg.host,
          debian.ref,
          String(n),
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      )
      if (res.status !== 0) throw new Error(`analysis child failed: ${res.stderr}`)
      return JSON.parse(res.stdout) as ChildResult
    }
    const m = measure([], runs)
    // The same analysis with a 40 MB old space: it completes, so memory does not grow with the layer.
    const small = measure(['--max-old-space-size=40', '--max-semi-space-size=2'], 1)
    const base = median(baseline)
    const ours = median(m.times)
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`
    console.log(
      `image: ${debian.ref} (1 layer, ${mb(debian.expected.compressedSize)} compressed, ${m.packages} packages)`,
    )
    console.log(
      `gzip -dc | tar -t   median ${base.toFixed(0)} ms   runs ${baseline.map((x) => x.toFixed(0)).join(' ')}`,
    )
    console.log(
      `shipgate inspect    median ${ours.toFixed(0)} ms   runs ${m.times.map((x) => x.toFixed(0)).join(' ')}`,
    )
    console.log(`ratio               ${(ours / base).toFixed(2)}x (goal: <= 1.5x)`)
    console.log(
      `peak memory         RSS ${mb(m.peakRss)}, heap+external ${mb(m.peakHeap)} (sampled every 5 ms; the layer is ${mb(debian.expected.compressedSize)} compressed)`,
    )
    console.log(
      `with a 40 MB heap   ${small.times[0]?.toFixed(0)} ms, RSS ${mb(small.peakRss)}, heap+external ${mb(small.peakHeap)}, ${small.packages} packages`,
    )
  } finally {
    await reg.stop()
  }
}

await main()
