/**
 * Running a program (Trivy, `trivy convert`, a docker credential helper) and collecting what it
 * said, over node:child_process. This replaced execa on these paths (issue 13): execa and its
 * dependencies were 270 KB of the 1.1 MB a report-only run loaded at start, for the one thing
 * used here, which Node does itself. What this keeps from it: never a shell (arguments are
 * passed as they are), the environment exactly as given (callers pass childEnv(), never the
 * action's inputs or the runner's tokens), a timeout that ends a program which ignores
 * SIGTERM, output held to a bound, and a child stopped when Shipgate itself exits.
 */
import { spawn } from 'node:child_process'

export interface ProgramOptions {
  /** The whole environment of the program: nothing is inherited. */
  env: NodeJS.ProcessEnv
  cwd?: string
  /** Stopped with SIGTERM after this long, then SIGKILL after `killGraceMs`. */
  timeoutMs?: number
  killGraceMs?: number
  /** Written to its standard input, which is then closed; without it, stdin is /dev/null. */
  input?: string
  /** Characters of stdout and of stderr kept, each; beyond it, the last ones are kept. */
  maxOutput?: number
}

export interface ProgramResult {
  /** Absent when it could not start or was ended by a signal. */
  exitCode?: number
  signal?: NodeJS.Signals
  /** What it wrote, without one final newline. */
  stdout: string
  stderr: string
  /** Not started, ended by a signal, timed out or exited non-zero. */
  failed: boolean
  timedOut: boolean
  /** Why it could not start (`ENOENT`, `EACCES`), when it did not. */
  startError?: string
}

const DEFAULT_MAX_OUTPUT = 16 * 1024 * 1024

/** Keeps the last `max` characters of what is appended. */
class Tail {
  private text = ''
  constructor(private readonly max: number) {}
  add(chunk: string): void {
    this.text += chunk
    if (this.text.length > this.max * 2) this.text = this.text.slice(-this.max)
  }
  toString(): string {
    return this.text.length > this.max ? this.text.slice(-this.max) : this.text
  }
}

/** As a shell's `$(…)` reads output (and execa did): `Version: 0.74.0`, not `…\n`. */
function withoutFinalNewline(text: string): string {
  return text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text
}

/** Children still running, stopped if Shipgate exits first (an error, a cancelled job). */
const running = new Set<ReturnType<typeof spawn>>()
let exitHook = false
function stopOnExit(): void {
  if (exitHook) return
  exitHook = true
  process.once('exit', () => {
    for (const child of running) child.kill('SIGTERM')
  })
}

/** Runs `file` with `args` (no shell) and resolves with how it ended; never rejects. */
export function runProgram(
  file: string,
  args: readonly string[],
  opts: ProgramOptions,
): Promise<ProgramResult> {
  return new Promise((resolve) => {
    const max = opts.maxOutput ?? DEFAULT_MAX_OUTPUT
    const stdout = new Tail(max)
    const stderr = new Tail(max)
    let timedOut = false
    let startError: string | undefined
    let child: ReturnType<typeof spawn>
    try {
      child = spawn(file, [...args], {
        env: opts.env,
        cwd: opts.cwd,
        stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        windowsHide: true,
      })
    } catch (error) {
      // Synchronous refusals: an argument with a NUL byte, a bad cwd type.
      resolve({
        stdout: '',
        stderr: '',
        failed: true,
        timedOut: false,
        startError: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      })
      return
    }
    running.add(child)
    stopOnExit()
    child.stdout?.setEncoding('utf8').on('data', (d: string) => stdout.add(d))
    child.stderr?.setEncoding('utf8').on('data', (d: string) => stderr.add(d))
    if (opts.input !== undefined && child.stdin) {
      // A program that exits without reading its input must not crash Shipgate (EPIPE).
      child.stdin.on('error', () => {})
      child.stdin.end(opts.input)
    }
    let killTimer: NodeJS.Timeout | undefined
    const timer =
      opts.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true
            child.kill('SIGTERM')
            killTimer = setTimeout(() => child.kill('SIGKILL'), opts.killGraceMs ?? 5_000)
          }, opts.timeoutMs)
        : undefined
    child.on('error', (error: NodeJS.ErrnoException) => {
      startError ??= error.code ?? error.message
    })
    child.on('close', (code, signal) => {
      running.delete(child)
      if (timer) clearTimeout(timer)
      if (killTimer) clearTimeout(killTimer)
      const exitCode = code ?? undefined
      resolve({
        ...(exitCode !== undefined && startError === undefined ? { exitCode } : {}),
        ...(signal ? { signal } : {}),
        stdout: withoutFinalNewline(stdout.toString()),
        stderr: withoutFinalNewline(stderr.toString()),
        failed: timedOut || startError !== undefined || exitCode !== 0,
        timedOut,
        ...(startError !== undefined ? { startError } : {}),
      })
    })
  })
}

/** What a failed result says about itself, for an error message. */
export function failureOf(result: ProgramResult): string {
  if (result.startError !== undefined) return `could not be started (${result.startError})`
  if (result.timedOut) return 'timed out and was stopped'
  if (result.signal) return `was ended by ${result.signal}`
  return `exited with code ${result.exitCode}`
}

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs a program with an argument array (never a shell string) and never throws on exit codes. */
export type ExecAdapter = (
  file: string,
  args: readonly string[],
  options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number },
) => Promise<ExecResult>

/**
 * An ExecAdapter over runProgram; `envOf` makes the program's whole environment from what the
 * caller passes (the action: childEnv, never its inputs or the runner's tokens; the CLI: the
 * user's shell environment). A program that could not start gets exit code 1 and the reason.
 */
export function programExecWith(
  envOf: (given?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv,
): ExecAdapter {
  return async (file, args, options = {}) => {
    const result = await runProgram(file, args, {
      env: envOf(options.env),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    })
    return {
      exitCode: result.exitCode ?? 1,
      stdout: result.stdout,
      stderr: result.stderr || (result.failed ? `${file} ${failureOf(result)}` : ''),
    }
  }
}
