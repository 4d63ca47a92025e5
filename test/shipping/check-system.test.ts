/**
 * `npm test` first checks the system packages of .ci/apt-packages: installs the missing ones
 * when it can (root with apt-get, as on CI) or stops at once with the exact install line.
 * Nothing here installs anything: the decision is a pure function, and the process-level runs
 * use a fake dpkg and apt-get on PATH.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
// @ts-expect-error plain JavaScript module without types (it runs before `npm ci`)
import { decide, parsePackageList } from '../../scripts/check-system.mjs'

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const SCRIPT = path.join(ROOT, 'scripts/check-system.mjs')
// The fake tools run with PATH set to their own directory only.
const GREP = (await execa('sh', ['-c', 'command -v grep'])).stdout.trim()
const PACKAGES = parsePackageList(await readFile(path.join(ROOT, '.ci/apt-packages'), 'utf8'))

describe('decide', () => {
  const base = { packages: ['a', 'b', 'c'], hasDpkg: true, hasAptGet: true }

  it('does nothing when every package is installed', () => {
    expect(decide({ ...base, missing: [], isRoot: false })).toEqual({ action: 'ok' })
  })

  it('installs only the missing packages as root', () => {
    expect(decide({ ...base, missing: ['b', 'c'], isRoot: true })).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'b', 'c'],
      ],
    })
  })

  it('stops with the exact install line when not root', () => {
    const decision = decide({ ...base, missing: ['b', 'c'], isRoot: false })
    expect(decision.action).toBe('stop')
    expect(decision.line).toBe(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends b c',
    )
    expect(decision.message).toContain(`\n  ${decision.line}\n`)
    expect(decision.message).toContain('not installed: b c')
  })

  it('stops when root but apt-get is missing', () => {
    expect(decide({ ...base, missing: ['a'], isRoot: true, hasAptGet: false }).action).toBe('stop')
  })

  it('stops on a machine without dpkg, naming every package and the escape hatch', () => {
    const decision = decide({ ...base, missing: [], isRoot: true, hasDpkg: false })
    expect(decision.action).toBe('stop')
    expect(decision.message).toContain('a b c')
    expect(decision.message).toContain('SHIPGATE_SKIP_SYSTEM_CHECK=1')
  })
})

describe('parsePackageList', () => {
  it('reads names, drops comments, blanks and repeats', () => {
    expect(parsePackageList('# tools\nzstd\n\n  gcc  # compiler\nzstd\n')).toEqual(['zstd', 'gcc'])
  })

  it('refuses a line that is not a package name (it reaches apt-get argv)', () => {
    expect(() => parsePackageList('zstd; rm -rf /\n')).toThrow('is not a Debian package name')
  })

  it('reads the real .ci/apt-packages', () => {
    expect(PACKAGES).toContain('docker-registry')
  })
})

describe('scripts/check-system.mjs on a machine with fake dpkg and apt-get', () => {
  let bin: string
  beforeEach(async () => {
    bin = path.join(tmpdir(), `shipgate-check-system-${process.pid}-${Date.now()}`)
    await mkdir(bin, { recursive: true })
    // dpkg -s succeeds for names listed in $bin/installed; apt-get records its argv and
    // "installs" by appending the names.
    await writeFile(
      path.join(bin, 'dpkg'),
      `#!/bin/sh\n[ "$1" = --version ] && exit 0\n${GREP} -qx "$2" "${bin}/installed"\n`,
      { mode: 0o755 },
    )
    await writeFile(path.join(bin, 'installed'), `${PACKAGES.slice(2).join('\n')}\n`)
  })
  afterEach(async () => {
    await rm(bin, { recursive: true, force: true })
  })

  const run = (env: Record<string, string> = {}) =>
    execa(process.execPath, [SCRIPT], {
      env: { PATH: bin, ...env },
      extendEnv: false,
      reject: false,
    })

  it.skipIf(process.getuid?.() !== 0)(
    'as root, installs exactly the missing packages',
    async () => {
      await writeFile(
        path.join(bin, 'apt-get'),
        `#!/bin/sh\necho "$@" >> "${bin}/apt-calls"\n[ "$1" = install ] && for p in "$@"; do echo "$p" >> "${bin}/installed"; done\nexit 0\n`,
        { mode: 0o755 },
      )
      const result = await run()
      expect(result.exitCode).toBe(0)
      const calls = (await readFile(path.join(bin, 'apt-calls'), 'utf8')).trim().split('\n')
      expect(calls).toEqual([
        '--version',
        'update -qq',
        `install -y --no-install-recommends ${PACKAGES.slice(0, 2).join(' ')}`,
      ])
      expect(result.stderr).toContain(
        `Installing the system packages the tests need: ${PACKAGES.slice(0, 2).join(' ')}`,
      )
    },
  )

  it('without apt-get, stops at once with the exact install line and exit 1', async () => {
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toContain(
      `sudo apt-get install -y --no-install-recommends ${PACKAGES.slice(0, 2).join(' ')}`,
    )
  })

  it('passes silently when everything is installed', async () => {
    await writeFile(path.join(bin, 'installed'), `${PACKAGES.join('\n')}\n`)
    const result = await run()
    expect(result).toMatchObject({ exitCode: 0, stderr: '', stdout: '' })
  })
})

describe('npm test runs the check first', () => {
  it('package.json has it as pretest, and .ci/run calls the same command', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.scripts.pretest).toBe('node scripts/check-system.mjs')
    expect(pkg.scripts.test).toMatch(/^vitest run/)
    const ciRun = await readFile(path.join(ROOT, '.ci/run'), 'utf8')
    expect(ciRun).toContain('node scripts/check-system.mjs')
    expect(ciRun).toMatch(/npm test/)
  })
})
