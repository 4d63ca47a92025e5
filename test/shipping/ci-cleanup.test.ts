/**
 * CI stops only what it started: after the test command, .ci/in-group stops what is left of
 * the command's own process group (a registry a crashed run left behind), by the group id it
 * recorded, and never a process outside it, however it is named.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import { afterEach, describe, expect, it } from 'vitest'

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..')

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  // A zombie still answers kill 0: it has stopped running when /proc says state Z.
  return true
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
    if (stat === '' || / Z /.test(stat)) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return !alive(pid)
}

const started: number[] = []
afterEach(() => {
  for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL')
})

describe.skipIf(process.platform !== 'linux')('.ci/in-group', () => {
  it('stops what the command left behind in its group, and nothing outside it named like it', async () => {
    // Someone else's process whose command line matches the old `pkill -f 'docker-registry serve'`.
    const decoy = spawn(
      'bash',
      ['-c', 'exec -a "docker-registry serve /etc/decoy.yml" sleep 300'],
      {
        stdio: 'ignore',
        detached: true,
      },
    )
    started.push(decoy.pid ?? 0)

    const dir = await mkdtemp(path.join(tmpdir(), 'shipgate-in-group-'))
    const log = path.join(dir, 'log')
    // A "test run" that starts a registry-like server, then crashes without stopping it.
    const run = await execa(
      path.join(ROOT, '.ci/in-group'),
      [
        log,
        'bash',
        '-c',
        '(exec -a "docker-registry serve /tmp/config.yml" sleep 300) & echo "leaked $!"; echo "Tests  1 failed"; exit 3',
      ],
      { reject: false },
    )
    expect(run.exitCode).toBe(3)
    const leaked = Number(/leaked (\d+)/.exec(run.stdout)?.[1])
    expect(leaked).toBeGreaterThan(0)
    started.push(leaked)
    expect(await readFile(log, 'utf8')).toContain('Tests  1 failed')

    expect(await gone(leaked)).toBe(true)
    expect(alive(decoy.pid ?? 0)).toBe(true)
    await rm(dir, { recursive: true, force: true })
  })

  it('passes the exit status of a clean run through', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shipgate-in-group-'))
    const run = await execa(path.join(ROOT, '.ci/in-group'), [path.join(dir, 'log'), 'true'], {
      reject: false,
    })
    expect(run.exitCode).toBe(0)
    await rm(dir, { recursive: true, force: true })
  })
})

describe('.ci/run', () => {
  it('stops nothing by name pattern', async () => {
    const text = await readFile(path.join(ROOT, '.ci/run'), 'utf8')
    const code = text
      .split('\n')
      .filter((l) => !l.trim().startsWith('#'))
      .join('\n')
    expect(code).not.toMatch(/\b(pkill|killall|pgrep)\b/)
    expect(code).toContain('.ci/in-group "$log" npm test')
  })
})
