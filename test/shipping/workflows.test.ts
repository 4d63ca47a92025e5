/**
 * Shipgate ships the way it asks its users to: every `uses:` in its workflows, examples and
 * README pinned by full commit SHA (with the version in a comment), workflows read-only unless a
 * job needs more, CI running what .ci/run runs, and releases that can be verified.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { describeRef, permissionProblems, pinProblem, usesRefs } from './pins.js'

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const WORKFLOWS = path.join(ROOT, '.github/workflows')

async function filesUnder(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
}

const rel = (file: string) => path.relative(ROOT, file)

async function workflowFiles(): Promise<string[]> {
  return filesUnder(WORKFLOWS, /\.ya?ml$/)
}

async function allPinnedFiles(): Promise<string[]> {
  return [
    ...(await workflowFiles()),
    ...(await filesUnder(path.join(ROOT, 'examples'), /\.(ya?ml|md)$/)),
    path.join(ROOT, 'README.md'),
  ]
}

type Job = {
  permissions?: Record<string, string>
  steps?: { uses?: string; run?: string; with?: Record<string, string> }[]
}
async function workflow(name: string): Promise<{ on: unknown; jobs: Record<string, Job> }> {
  return parse(await readFile(path.join(WORKFLOWS, name), 'utf8'))
}

describe('SHA pins', () => {
  it('every uses: in workflows, examples and the README is a full commit SHA with its version', async () => {
    const refs = []
    for (const file of await allPinnedFiles()) {
      refs.push(...usesRefs(rel(file), await readFile(file, 'utf8')))
    }
    // The README quick start alone has five; an extractor that finds nothing proves nothing.
    expect(refs.filter((r) => r.file === 'README.md').length).toBeGreaterThanOrEqual(5)
    expect(refs.filter((r) => r.file.startsWith('.github/')).length).toBeGreaterThanOrEqual(7)
    const bad = refs.flatMap((r) => {
      const problem = pinProblem(r)
      return problem ? [`${describeRef(r)}: ${problem}`] : []
    })
    expect(bad).toEqual([])
  })

  it.each([
    ['uses: actions/checkout@v5', /tag, branch or short SHA/],
    ['      - uses: actions/checkout@main # v5', /tag, branch or short SHA/],
    ['  - uses: "actions/checkout@3d3c42e" # v7.0.1', /tag, branch or short SHA/],
    ['uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', /no version comment/],
    ['uses: evil/shipgate@<release-commit-sha> # v1', /tag, branch or short SHA/],
    ['uses: docker://alpine:3.20', /not pinned by digest/],
    [
      'uses: github/codeql-action/upload-sarif@v4.36.2 # 8aad20d150bbac5944a9f9d289da16a4b0d87c1e',
      /tag/,
    ],
  ])('refuses %j', (line, reason) => {
    const [ref] = usesRefs('forged.yml', line)
    expect(ref).toBeDefined()
    expect(pinProblem(ref as NonNullable<typeof ref>)).toMatch(reason)
  })

  it('accepts a local action, a digest-pinned image and a SHA with its version', () => {
    const text = [
      '- uses: ./',
      `- uses: docker://alpine@sha256:${'a'.repeat(64)}`,
      "- uses: 'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020' # v7.0.0",
    ].join('\n')
    expect(usesRefs('ok.yml', text).map(pinProblem)).toEqual([undefined, undefined, undefined])
  })
})

describe('workflow permissions', () => {
  it('every workflow is read-only at the top and lists what each job widens', async () => {
    const files = await workflowFiles()
    expect(files.map(rel).sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
    ])
    const problems = []
    for (const file of files)
      problems.push(...permissionProblems(rel(file), await readFile(file, 'utf8')))
    expect(problems).toEqual([])
  })

  it.each([
    ['on: push\njobs: {}\n', /no top-level permissions/],
    ['on: push\npermissions: write-all\njobs: {}\n', /want \{contents: read\}/],
    ['on: push\npermissions: {contents: write}\njobs: {}\n', /want \{contents: read\}/],
    [
      'on: push\npermissions: {contents: read}\njobs: {a: {permissions: write-all}}\n',
      /list each scope/,
    ],
  ])('refuses a forged workflow %#', (text, reason) => {
    expect(permissionProblems('forged.yml', text).join('\n')).toMatch(reason)
  })

  it('only the release job can write, sign and attest', async () => {
    const ci = await workflow('ci.yml')
    for (const job of Object.values(ci.jobs)) expect(job.permissions).toBeUndefined()
    const release = await workflow('release.yml')
    expect(release.jobs.release?.permissions).toEqual({
      contents: 'write',
      'id-token': 'write',
      attestations: 'write',
    })
  })
})

describe('what the workflows do', () => {
  it('CI runs .ci/run (the README test command on a fresh machine), lint, typecheck and check-dist', async () => {
    const ci = await workflow('ci.yml')
    const runs = (job: string) => (ci.jobs[job]?.steps ?? []).map((s) => s.run ?? '').join('\n')
    expect(runs('test')).toContain('.ci/run')
    expect(runs('lint')).toContain('npm run lint')
    expect(runs('lint')).toContain('npm run typecheck')
    expect(runs('check-dist')).toContain('npm run bundle')
    expect(runs('check-dist')).toMatch(
      /git status --porcelain -- dist\/[\s\S]*git --no-pager diff -- dist\/[\s\S]*exit 1/,
    )
    const node = ci.jobs.test?.steps?.find((s) => s.uses?.startsWith('actions/setup-node@'))
    expect(String(node?.with?.['node-version'])).toBe('24')
  })

  it('a release rebuilds, refuses a differing dist/, attests both bundles and attaches an SBOM', async () => {
    const release = await workflow('release.yml')
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+*'] } })
    const steps = release.jobs.release?.steps ?? []
    const runs = steps.map((s) => s.run ?? '').join('\n')
    const order = (needle: string) =>
      steps.findIndex((s) => `${s.run ?? ''}${s.uses ?? ''}`.includes(needle))
    expect(runs).toMatch(/npm run bundle\s+if \[ -n "\$\(git status --porcelain -- dist\/\)" \]/)
    const attest = steps.find((s) => s.uses?.startsWith('actions/attest-build-provenance@'))
    expect(attest?.with?.['subject-path']?.split('\n').filter(Boolean)).toEqual([
      'dist/index.js',
      'dist/cli.js',
    ])
    expect(runs).toContain('npm sbom --omit dev --sbom-format cyclonedx')
    // Refuse before attesting, attest before publishing.
    expect(order('npm run bundle')).toBeLessThan(order('actions/attest-build-provenance@'))
    expect(order('actions/attest-build-provenance@')).toBeLessThan(order('gh release create'))
    // The tag reaches the shell through env, never spliced into the script.
    expect(runs).not.toMatch(/\$\{\{/)
  })

  it('dependabot keeps npm and the action pins current', async () => {
    const config = parse(await readFile(path.join(ROOT, '.github/dependabot.yml'), 'utf8')) as {
      updates: { 'package-ecosystem': string }[]
    }
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm',
    ])
  })
})

describe('the workflow scripts themselves', () => {
  const stepRun = async (file: string, job: string, name: string): Promise<string> => {
    const wf = await workflow(file)
    const step = (wf.jobs[job]?.steps ?? []) as { name?: string; run?: string }[]
    const run = step.find((s) => s.name === name)?.run
    if (!run) throw new Error(`${file} ${job} has no step "${name}"`)
    return run
  }

  it('check-dist passes an unchanged dist/ and fails with the diff on a stale one', async () => {
    const script = await stepRun('ci.yml', 'check-dist', 'dist/ matches the source')
    const repo = await mkdtemp(path.join(tmpdir(), 'shipgate-check-dist-'))
    const git = (...args: string[]) => execa('git', args, { cwd: repo })
    await git('init', '-q')
    await mkdir(path.join(repo, 'dist'))
    await writeFile(path.join(repo, 'dist/index.js'), 'console.log("built")\n')
    await git('add', '.')
    await git('-c', 'user.email=t@example.test', '-c', 'user.name=t', 'commit', '-qm', 'dist')
    const clean = await execa('bash', ['-eo', 'pipefail', '-c', script], {
      cwd: repo,
      reject: false,
    })
    expect(clean.exitCode).toBe(0)
    // A source change whose bundle nobody committed, and a new chunk nobody added.
    await writeFile(path.join(repo, 'dist/index.js'), 'console.log("rebuilt")\n')
    await writeFile(path.join(repo, 'dist/extra.js'), 'x\n')
    const stale = await execa('bash', ['-eo', 'pipefail', '-c', script], {
      cwd: repo,
      reject: false,
    })
    await rm(repo, { recursive: true, force: true })
    expect(stale.exitCode).toBe(1)
    expect(stale.stdout).toContain('::error title=dist/ is stale::')
    expect(stale.stdout).toContain('+console.log("rebuilt")')
    expect(stale.stdout).toContain('?? dist/extra.js')
  })

  it("release notes are the tag's CHANGELOG section, and a tag without one is refused", async () => {
    const script = await stepRun('release.yml', 'release', 'Release notes from CHANGELOG.md')
    const temp = await mkdtemp(path.join(tmpdir(), 'shipgate-notes-'))
    const run = (tag: string) =>
      execa('bash', ['-eo', 'pipefail', '-c', script], {
        cwd: ROOT,
        env: { TAG: tag, RUNNER_TEMP: temp },
        reject: false,
      })
    const good = await run('v0.1.0')
    expect(good.exitCode).toBe(0)
    const notes = await readFile(path.join(temp, 'notes.md'), 'utf8')
    expect(notes).toContain('First version')
    expect(notes).not.toContain('## ')
    const missing = await run('v9.9.9')
    await rm(temp, { recursive: true, force: true })
    expect(missing.exitCode).toBe(1)
    expect(missing.stdout).toContain("CHANGELOG.md has no section '## [9.9.9]'")
  })
})
