// Bundles the action and the CLI with esbuild.
// `node scripts/bundle.mjs --outdir DIR` writes elsewhere (the freshness test compares the two).
//
// dist/index.js and dist/cli.js are tiny launchers in syntax any Node can parse: on a Node
// older than 24 they say so and exit 2, instead of a SyntaxError from inside the bundle. They
// then import the bundles themselves (dist/action-main.js, dist/cli-main.js).
import { rmSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { rollup } from 'rollup'

const i = process.argv.indexOf('--outdir')
const outdir = i > 0 ? process.argv[i + 1] : 'dist'
// `--metafile FILE`: esbuild's record of which module went into which chunk (bench/README.md).
const m = process.argv.indexOf('--metafile')
const metafile = m > 0 ? process.argv[m + 1] : undefined
const MIN_NODE = 24

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

/**
 * @actions/core imports its OIDC client statically, and with it @actions/http-client, undici,
 * node:https and TLS: ~1 MB and tens of milliseconds that every run paid at start although only
 * `getIDToken` (keyless signing) uses them (issue 13). This loads that module on the first
 * `getIDToken` call instead; everything else in core.js (the workflow commands and their
 * escaping) is the toolkit's own code, unchanged. If a new @actions/core no longer has these
 * exact lines, the bundle fails here rather than silently loading the client again.
 *
 * Likewise `core.platform` (OS details for `getDetails`), which loads @actions/exec and
 * @actions/io (~45 KB) at start: nothing in Shipgate or the toolkit packages it bundles uses it
 * (test/e2e/dist-fresh.test.ts checks that the bundle never mentions `getDetails` elsewhere).
 */
const lazyOidcClient = {
  name: 'lazy-oidc-client',
  setup(b) {
    b.onLoad({ filter: /[\\/]@actions[\\/]core[\\/]lib[\\/]core\.js$/ }, async (args) => {
      const edits = [
        ["import { OidcClient } from './oidc-utils.js';\n", ''],
        [
          'return yield OidcClient.getIDToken(aud);',
          "return yield (yield import('./oidc-utils.js')).OidcClient.getIDToken(aud);",
        ],
        ["export * as platform from './platform.js';\n", ''],
      ]
      let text = await readFile(args.path, 'utf8')
      for (const [from, to] of edits) {
        if (text.split(from).length !== 2)
          throw new Error(
            `${args.path}: expected exactly one \`${from.trim()}\` (lazy-oidc-client)`,
          )
        text = text.replace(from, to)
      }
      return { contents: text, loader: 'js' }
    })
  },
}

/**
 * minipass-fetch (the GitHub clients' fetch, src/github/fetch.ts, and make-fetch-happen's)
 * requires iconv-lite at load, if it can, for `textConverted()` alone: 539 KB of character
 * tables on the path of every run that posts a comment. Neither caller uses `textConverted()`,
 * and without iconv-lite it throws saying which package it needs, as minipass-fetch intends.
 */
const noIconvForFetch = {
  name: 'no-iconv-for-fetch',
  setup(b) {
    b.onResolve({ filter: /^iconv-lite$/ }, (args) => {
      if (!/[\\/]minipass-fetch[\\/]/.test(args.importer)) return undefined
      return { path: 'iconv-lite', namespace: 'absent' }
    })
    b.onLoad({ filter: /.*/, namespace: 'absent' }, () => ({
      contents: "throw new Error('iconv-lite is not bundled (scripts/bundle.mjs)')",
      loader: 'js',
    }))
  },
}

// One build with both entry points and code splitting: what only some runs use (signing,
// registry, the Trivy installer, the artifact and cache clients, TUF) sits in chunks that
// import() loads on those paths, and the action and the CLI share the chunks they both use.
// esbuild compiles TypeScript and CommonJS into ES modules, into a scratch directory first.
const stage = await mkdtemp(join(tmpdir(), 'shipgate-bundle-'))
// The scratch directory goes whatever happens below (a failed build included).
process.on('exit', () => rmSync(stage, { recursive: true, force: true }))
const result = await build({
  ...common,
  entryPoints: { 'action-main': 'src/index.ts', 'cli-main': 'src/cli-entry.ts' },
  splitting: true,
  chunkNames: 'chunk-[hash]',
  outdir: stage,
  plugins: [lazyOidcClient, noIconvForFetch],
  metafile: true,
})

/**
 * Then Rollup puts esbuild's chunks into fewer files (issue 13). esbuild makes a chunk for
 * every set of entry points and import() targets that reach a module, however small, and does
 * not know that an import() target only loads after its importer: a run that judges one report
 * loaded 53 files, each costing Node ~0.4 ms to resolve, read, compile and link on top of its
 * bytes. Rollup keeps a module where every path that loads it has loaded it already, and merges
 * chunks below `experimentalMinChunkSize` that run no code when loaded into chunks loaded under
 * the same conditions: the same run loads 38 files (juice-shop cold start, median of 25
 * alternating runs: 200 -> 186 ms). What loads lazily still does (test/e2e/dist-fresh.test.ts).
 */
const bundle = await rollup({
  input: { 'action-main': join(stage, 'action-main.js'), 'cli-main': join(stage, 'cli-main.js') },
  // Node's own modules, and the optional packages esbuild left as they were (import('kerberos')).
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  logLevel: 'warn',
  onwarn: (warning) => {
    // esbuild's CommonJS wrappers refer to each other across chunks; that is theirs, not ours.
    if (warning.code === 'CIRCULAR_DEPENDENCY') return
    throw new Error(`rollup: ${warning.message}`)
  },
})
/**
 * The import()s every scan takes, whatever it scans: the scan mode, then the modules it loads
 * on every run (the registry login, the report's settings record, the signing stage, which
 * decides whether to sign, the renderer, and the installer, which also finds Trivy on PATH).
 * Lazy because a rejected input needs none of them, yet Rollup still kept them, and what they
 * import, in ~30 files: a scan of one report loaded 35 files. What they reach statically,
 * beyond what dist/action-main.js loads at start, goes into one file instead: the same scan
 * loads 5 (juice-shop cold start, medians of 25 alternating runs: 237 -> 224 ms; the bench's
 * ratio to `node -e 0` 4.71-4.95x before, 3.96-4.91x in eight runs after, bench/README.md).
 * What they import() stays lazy.
 */
const SCAN_PATH = [
  'src/modes/action-scan.ts',
  'src/action/context.ts',
  'src/settings/record.ts',
  'src/stages/sign.ts',
  'src/render/report-markdown.ts',
  'scanners/trivy/install.ts',
]
/**
 * The action's other mode that loads lazily and shares little with a scan (a rescan runs the
 * scan's pipeline, so it may load the scan's file).
 */
const OTHER_MODES = ['src/modes/verify.ts']

/**
 * esbuild's chunks in three groups: what action-main loads at start; what SCAN_PATH reaches
 * statically beyond that, less what verify reaches too (the scan's file); and that share.
 */
function scanChunks(getModuleInfo) {
  const entryOf = new Map(
    Object.entries(result.metafile.outputs).map(([path, o]) => [o.entryPoint, resolve(path)]),
  )
  const closure = (roots) => {
    const seen = new Set(roots)
    for (const id of seen) for (const dep of getModuleInfo(id)?.importedIds ?? []) seen.add(dep)
    return seen
  }
  const chunkOf = (module) => {
    const chunk = entryOf.get(module)
    if (!chunk) throw new Error(`scripts/bundle.mjs: ${module} is no longer import()ed`)
    return chunk
  }
  const main = join(stage, 'action-main.js')
  const start = closure([main])
  // What the other modes share with a scan stays in files of its own, or verifying a signature
  // would load every scan's code.
  const others = closure(OTHER_MODES.map(chunkOf))
  const scan = [...closure(SCAN_PATH.map(chunkOf))].filter((id) => !start.has(id))
  return {
    start: new Set([...start].filter((id) => id !== main)),
    shared: new Set(scan.filter((id) => others.has(id))),
    scan: new Set(scan.filter((id) => !others.has(id))),
  }
}
let groups
const written = await bundle.write({
  dir: outdir,
  format: 'es',
  chunkFileNames: 'chunk-[hash].js',
  experimentalMinChunkSize: 20_000,
  manualChunks: (id, { getModuleInfo }) => {
    groups ??= scanChunks(getModuleInfo)
    // Rollup puts a module's dependencies in its chunk unless they are in another group.
    for (const name of ['start', 'shared', 'scan']) if (groups[name].has(id)) return name
    return undefined
  },
})
await bundle.close()
if (metafile) {
  // esbuild's record, with its chunks read through Rollup's: which source module is in which file.
  const byPath = new Map(
    Object.entries(result.metafile.outputs).map(([path, output]) => [resolve(path), output]),
  )
  const outputs = {}
  for (const chunk of written.output) {
    if (chunk.type !== 'chunk') continue
    const inputs = {}
    for (const id of Object.keys(chunk.modules))
      Object.assign(inputs, byPath.get(resolve(id))?.inputs)
    outputs[join(outdir, chunk.fileName)] = { inputs, bytes: chunk.code.length }
  }
  await writeFile(metafile, JSON.stringify({ outputs }))
}

/**
 * ES5 plus import(): what Node 12 and later parse. The action's message is a workflow command
 * on stdout (as @actions/core writes them), so the runner shows it as the step's error.
 */
function launcher(bundle, prefix, stream) {
  return `${[
    "'use strict';",
    `// Generated by scripts/bundle.mjs: checks the Node.js version, then loads ./${bundle}.`,
    'var found = process.versions.node;',
    `if (Number(found.split('.')[0]) < ${MIN_NODE}) {`,
    `  process.${stream}.write('${prefix}Shipgate needs Node.js ${MIN_NODE} or newer (found ' + found + ').\\n');`,
    '  process.exit(2);',
    '}',
    `import('./${bundle}').catch(function (error) {`,
    `  process.${stream}.write('${prefix}Shipgate could not start: ' + (error && error.stack || error) + '\\n');`,
    '  process.exit(2);',
    '});',
  ].join('\n')}\n`
}

await writeFile(`${outdir}/index.js`, launcher('action-main.js', '::error::', 'stdout'))
await writeFile(`${outdir}/cli.js`, `#!/usr/bin/env node\n${launcher('cli-main.js', '', 'stderr')}`)
await chmod(`${outdir}/cli.js`, 0o755)
