/**
 * Runs the bundled action (dist/index.js) and CLI (dist/cli.js) the way a runner and a user
 * do: Node 24, INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, an event payload,
 * and nothing inherited from the test process but PATH.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { NODE24_BIN } from '../trivy-stand-in/index.js'

export const ROOT = new URL('../../../', import.meta.url).pathname
export const NODE = join(NODE24_BIN, 'node')

export interface ActionRun {
  exitCode: number | undefined
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** The `::error::` lines, without the prefix. */
  errors: string[]
  warnings: string[]
}

/** GITHUB_OUTPUT uses heredoc blocks: name<<delimiter\nvalue\ndelimiter */
export function parseOutputs(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8')
  const out: Record<string, string> = {}
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1] as string] = m[3] as string
  return out
}

/** Workflow commands (`::error::…`) with their %0A-escaped newlines decoded. */
function commands(stdout: string, name: string): string[] {
  const prefix = `::${name}::`
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(prefix))
    .map((l) =>
      l.slice(prefix.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'),
    )
}

/** Writes the event payload the runner would put at GITHUB_EVENT_PATH. */
export function eventFile(payload: Record<string, unknown>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'e2e-event-')), 'event.json')
  writeFileSync(file, JSON.stringify(payload))
  return file
}

export async function runAction(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  /** `cwd`: the checked-out workspace (GITHUB_WORKSPACE), e.g. one holding a pull request's files. */
  options: { cwd?: string } = {},
): Promise<ActionRun> {
  const dir = options.cwd ?? mkdtempSync(join(tmpdir(), 'e2e-'))
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md') }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    TMPDIR: tmpdir(),
    RUNNER_TEMP: join(dir, 'temp'),
    RUNNER_TOOL_CACHE: join(dir, 'toolcache'),
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: dir,
    GITHUB_RUN_ID: '42',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_SERVER_URL: 'https://github.com',
    ...extraEnv,
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const result = await execa(NODE, [join(ROOT, 'dist/index.js')], {
    env,
    extendEnv: false,
    reject: false,
    cwd: dir,
    timeout: 120_000,
  })
  return {
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseOutputs(files.output),
    summary: readFileSync(files.summary, 'utf8'),
    errors: commands(result.stdout, 'error'),
    warnings: commands(result.stdout, 'warning'),
  }
}

/** `node dist/cli.js ARGS`, as `npx shipgate ARGS` runs it. */
export async function runCli(
  args: string[],
  extraEnv: Record<string, string> = {},
  /** `cwd`: where the user runs it, e.g. a checkout holding a pull request's files. */
  options: { cwd?: string } = {},
) {
  const home = mkdtempSync(join(tmpdir(), 'e2e-cli-'))
  const result = await execa(NODE, [join(ROOT, 'dist/cli.js'), ...args], {
    // TMPDIR: the CLI's own temporary files under this test run's (test/support/temp-root.ts).
    env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: tmpdir(), ...extraEnv },
    extendEnv: false,
    reject: false,
    cwd: options.cwd ?? home,
    timeout: 120_000,
  })
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}

/**
 * A real Trivy report from test/fixtures, rewritten to describe `image` as Trivy would after
 * pulling it: ArtifactName is the reference, RepoDigests names the pushed digest.
 */
export function reportFor(fixture: string, image: string, digest?: string): string {
  const report = JSON.parse(readFileSync(fixture, 'utf8'))
  report.ArtifactName = image
  report.Metadata ??= {}
  const repo = image.replace(/@.*$/, '').replace(/:[^/:]+$/, '')
  report.Metadata.RepoTags = [image]
  report.Metadata.RepoDigests = digest ? [`${repo}@${digest}`] : []
  const file = join(mkdtempSync(join(tmpdir(), 'e2e-report-')), 'trivy.json')
  writeFileSync(file, JSON.stringify(report))
  return file
}

/** An HTTP server that answers 404 to everything and records what it was asked. */
export interface Tripwire {
  host: string
  requests: string[]
  close(): Promise<void>
}

export async function startTripwire(): Promise<Tripwire> {
  const requests: string[] = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    requests.push(`${req.method} ${req.url}`)
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end('{"errors":[{"code":"NAME_UNKNOWN","message":"tripwire"}]}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
