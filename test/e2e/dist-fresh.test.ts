import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { expect, it } from 'vitest'
import { VERSION } from '../../src/version.js'
import { NODE24_BIN } from '../support/trivy-stand-in/index.js'

const ROOT = new URL('../../', import.meta.url).pathname

it('dist/ is the bundle of the current sources (run `npm run bundle` and commit dist/)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'dist-'))
  await execa(join(NODE24_BIN, 'node'), ['scripts/bundle.mjs', '--outdir', out], { cwd: ROOT })
  // Every file: the launchers (index.js, cli.js) and the bundles they load.
  const files = readdirSync(out).sort()
  expect(readdirSync(join(ROOT, 'dist')).sort()).toEqual(files)
  for (const file of files) {
    const fresh = readFileSync(join(out, file), 'utf8')
    const committed = readFileSync(join(ROOT, 'dist', file), 'utf8')
    expect(
      committed === fresh,
      `dist/${file} is stale: run \`npm run bundle\` and commit dist/`,
    ).toBe(true)
  }
})

/** The committed dist/: each file's text, read once for the tests below. */
const DIST = new Map(
  readdirSync(join(ROOT, 'dist')).map((f) => [f, readFileSync(join(ROOT, 'dist', f), 'utf8')]),
)
const text = (file: string) => DIST.get(file) ?? ''

/** The files of dist/ whose text holds `marker`. */
const holding = (marker: string) => [...DIST.keys()].filter((f) => text(f).includes(marker))

/** The one file of dist/ that holds `marker`. */
function fileHolding(marker: string): string {
  const files = holding(marker)
  expect(files, `"${marker}" is not in exactly one file of dist/`).toHaveLength(1)
  return files[0] as string
}

/**
 * None of `markers` is in a file of `loaded` (`by` names what loads them). Each marker must be
 * somewhere in dist/, or a test would pass on a bundle that lost the code.
 */
function expectNoneLoaded(markers: Record<string, string>, loaded: Set<string>, by: string) {
  for (const [what, marker] of Object.entries(markers)) {
    const files = holding(marker)
    expect(files, `${what}: "${marker}" is in no file of dist/`).not.toEqual([])
    expect(
      files.filter((f) => loaded.has(f)),
      `${what} loads with ${by}`,
    ).toEqual([])
  }
}

/** The files `file` imports statically (what loads before its first line runs), transitively. */
function staticClosure(file: string): Set<string> {
  const seen = new Set<string>([file])
  const queue = [file]
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const m of text(next).matchAll(/^import\s*(?:[^;'"]*?\sfrom\s*)?["']\.\/([^"']+)["']/gm)) {
      const dep = m[1] as string
      if (!seen.has(dep)) {
        seen.add(dep)
        queue.push(dep)
      }
    }
  }
  return seen
}

// issue 13: a run that rejects an input or judges a report offline must not load these.
const LAZY = {
  'the artifact client': 'DefaultArtifactClient = class',
  'the cache client': 'restoreCache',
  TUF: 'TUFClient',
  signing: 'function signingSession',
  'the Trivy installer': 'function installTrivy',
  'verify mode': 'function verifyMode',
  // A bad input is rejected from the raw inputs: no schema library, no YAML, no HTTP client.
  zod: '$constructor("$ZodError"',
  'the YAML parser': 'YAMLParseError',
  undici: 'UND_ERR_',
  '@actions/http-client (via @actions/core or @actions/github)': 'HttpClient = class',
  Octokit: 'octokit-core.js',
  '@actions/github': 'getOctokitOptions',
  'the policy-file loader': 'function loadPolicy',
  'the Trivy report parser': 'function parseTrivyReport',
  'the report renderer': 'function renderReportMarkdown',
}

it('signing, TUF, the artifact and cache clients, the installer and verify are not loaded at start', () => {
  const eager = staticClosure('action-main.js')
  expect(eager.size).toBeGreaterThan(1)
  expectNoneLoaded(LAZY, eager, 'dist/action-main.js')
})

// issue 13: judging a report offline (`trivy-report`, no image) loads the scan mode, and with it
// none of what only reading a registry, VEX or the installer needs. esbuild names each bundled
// file in a `// path` comment, which is what most of these markers are (Rollup, which puts
// esbuild's chunks into files, keeps them; where it drops one, the marker is a declaration).
const NOT_ON_THE_REPORT_PATH = {
  'the registry client': '// src/registry/client.ts',
  'the base-image layer reader': '// scanners/base-image/layers.ts',
  'tar-stream': '// node_modules/tar-stream/',
  'the layer attribution': 'function layerStage(',
  'VEX fetching': '// src/vex/fetch.ts',
  semver: '// node_modules/semver/',
}

// Loaded later on that path, but not by finding the pinned Trivy on PATH: semver (its top level
// builds ~40 regular expressions) only for a version that is not plain MAJOR.MINOR.PATCH.
const NOT_FOR_THE_PINNED_TRIVY = {
  semver: '// node_modules/semver/',
}

/** What a scan loads before its first line runs: the action's start and the scan mode's file. */
const scanStart = () =>
  new Set([
    ...staticClosure('action-main.js'),
    ...staticClosure(fileHolding('async function actionScan(')),
  ])

it('the scan mode loads no registry, VEX, layer or installer code before it needs it', () => {
  expectNoneLoaded(NOT_ON_THE_REPORT_PATH, scanStart(), 'the scan mode')
  // core.platform (and @actions/exec with it) is cut from @actions/core by scripts/bundle.mjs:
  // nothing may call it.
  for (const f of DIST.keys())
    expect(text(f), f).not.toMatch(/\.getDetails\(|platform\.(isWindows|isMacOS|isLinux)\b/)
  expect(holding('// node_modules/execa/')).toEqual([])
})

it('finding the pinned Trivy on PATH loads no semver (scanners/trivy/versions.ts)', () => {
  const installer = fileHolding('async function installTrivy(')
  expectNoneLoaded(NOT_FOR_THE_PINNED_TRIVY, staticClosure(installer), 'the installer')
})

it('no file loaded at start imports node:http or node:https as ESM (their facade loads undici and TLS)', () => {
  for (const file of staticClosure('action-main.js')) {
    expect(text(file), file).not.toMatch(/^import[^;]*from\s*["'](node:)?https?["']/m)
  }
})

it('the version in the report is the package version', () => {
  expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version).toBe(VERSION)
})

// issue 13: each file Node loads costs it ~0.4 ms beyond its bytes (resolve, read, compile,
// link). What every scan loads, including what the scan mode import()s on every run, sits in a
// few files (scripts/bundle.mjs, SCAN_PATH): a report judged offline loaded 35.
const ON_EVERY_SCAN = {
  'the registry login': 'function actionRegistryLogin(',
  'the settings record': 'function settingsRecord(',
  'the signing stage': 'async function signStage(',
  'the report renderer': 'function renderReportMarkdown(',
  'the Trivy installer (which finds Trivy on PATH)': 'async function installTrivy(',
}

it('a scan loads the code every scan runs in a handful of files', () => {
  const eager = scanStart()
  expect(eager.size, [...eager].join(' ')).toBeLessThanOrEqual(5)
  for (const [what, marker] of Object.entries(ON_EVERY_SCAN)) {
    expect(eager.has(fileHolding(marker)), `${what} is in a file of its own`).toBe(true)
  }
})

// What verify shares with a scan is a file of its own (scripts/bundle.mjs, OTHER_MODES): were it
// in the scan's file, verifying a signature would load every scan's code with it.
const SCAN_ONLY = {
  'the scan mode': 'async function actionScan(',
  'the pipeline': 'async function runPipeline(',
  'the report renderer': 'function renderReportMarkdown(',
  'the Trivy report parser': 'function parseTrivyReport(',
}

it('verify mode loads none of the code only a scan runs', () => {
  const verify = fileHolding('async function verifyMode(')
  expectNoneLoaded(SCAN_ONLY, staticClosure(verify), 'verify mode')
})
