import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { failureOf, runProgram } from '../src/program.js'

const dir = mkdtempSync(join(tmpdir(), 'program-'))
function script(name: string, body: string): string {
  const path = join(dir, name)
  writeFileSync(path, `#!/bin/sh\n${body}\n`)
  chmodSync(path, 0o755)
  return path
}
const env = { PATH: '/usr/bin:/bin' }

describe('runProgram', () => {
  it('passes arguments as they are: no shell ever reads them', async () => {
    const echo = script('args', 'for a in "$@"; do printf "[%s]" "$a"; done')
    const hostile = ['$(touch pwned)', '; rm -rf /', '`id`', "a'b", '*']
    const r = await runProgram(echo, hostile, { env, cwd: dir })
    expect(r.stdout).toBe(hostile.map((a) => `[${a}]`).join(''))
    expect(() => readFileSync(join(dir, 'pwned'))).toThrow()
  })

  it('gives the program only the environment it is handed, never the parent’s', async () => {
    process.env.INPUT_GITHUB_TOKEN = 'ghp_should_not_leak'
    try {
      const r = await runProgram(script('env', 'env'), [], { env: { ONLY: 'this' } })
      expect(r.stdout).toContain('ONLY=this')
      expect(r.stdout).not.toContain('ghp_should_not_leak')
      expect(r.stdout).not.toContain('INPUT_')
    } finally {
      delete process.env.INPUT_GITHUB_TOKEN
    }
  })

  it('stops a program that ignores SIGTERM once the grace is over', async () => {
    const stubborn = script('stubborn', "trap '' TERM; while :; do sleep 0.05; done")
    const r = await runProgram(stubborn, [], { env, timeoutMs: 200, killGraceMs: 200 })
    expect(r.timedOut).toBe(true)
    expect(r.failed).toBe(true)
    expect(r.signal).toBe('SIGKILL')
    expect(r.exitCode).toBeUndefined()
    expect(failureOf(r)).toBe('timed out and was stopped')
  })

  it('holds a flood of output to its bound, keeping the end (where errors are)', async () => {
    const flood = script(
      'flood',
      'i=0; while [ $i -lt 20000 ]; do echo "noise line $i" >&2; i=$((i+1)); done; echo "FATAL the real error" >&2; exit 3',
    )
    const r = await runProgram(flood, [], { env, maxOutput: 4096 })
    expect(r.stderr.length).toBeLessThanOrEqual(4096)
    expect(r.stderr.trimEnd().endsWith('FATAL the real error')).toBe(true)
    expect(r.exitCode).toBe(3)
    expect(failureOf(r)).toBe('exited with code 3')
  })

  it('says why a program could not start, without throwing', async () => {
    const r = await runProgram(join(dir, 'missing'), [], { env })
    expect(r).toMatchObject({ failed: true, startError: 'ENOENT', timedOut: false })
    expect(r.exitCode).toBeUndefined()
    expect(failureOf(r)).toBe('could not be started (ENOENT)')
    const nul = await runProgram('/bin/echo', ['a\u0000b'], { env })
    expect(nul.failed).toBe(true)
    expect(nul.startError).toBeDefined()
  })

  it('hands input on stdin, and survives a program that exits without reading it', async () => {
    const cat = await runProgram('/bin/cat', [], { env, input: 'https://index.docker.io/v1/' })
    expect(cat).toMatchObject({ exitCode: 0, failed: false, stdout: 'https://index.docker.io/v1/' })
    const rude = await runProgram(script('rude', 'exit 0'), [], { env, input: 'x'.repeat(1 << 20) })
    expect(rude.exitCode).toBe(0)
  })

  it('reports exit 0 as success and a signal as failure', async () => {
    expect((await runProgram('/bin/true', [], { env })).failed).toBe(false)
    const killed = await runProgram(script('self-kill', 'kill -SEGV $$'), [], { env })
    expect(killed).toMatchObject({ failed: true, signal: 'SIGSEGV' })
    expect(failureOf(killed)).toBe('was ended by SIGSEGV')
  })
})
