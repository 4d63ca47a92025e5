// Checks the Debian packages the tests need (.ci/apt-packages) before `npm test` runs, so a fresh
// machine learns at once what is missing instead of from a failing test half an hour later.
// Installs them when it can (root with apt-get, as on CI); otherwise stops with the exact line.
// Plain JavaScript on purpose: it runs before `npm ci`, on whatever Node the machine has.
//
//   node scripts/check-system.mjs            (also run by `npm test` as its pretest step)
//   SHIPGATE_SKIP_SYSTEM_CHECK=1 npm test    (a machine without dpkg, at your own risk)
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Package names from the list file: one per line, `#` comments and blanks ignored, deduplicated. */
export function parsePackageList(text) {
  const names = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim()
    if (line === '') continue
    if (!/^[a-z0-9][a-z0-9+.-]+$/.test(line)) {
      throw new Error(`.ci/apt-packages: "${line}" is not a Debian package name`)
    }
    if (!names.includes(line)) names.push(line)
  }
  return names
}

/**
 * What to do, decided from facts only (nothing here touches the system):
 * - `ok`: every package is installed;
 * - `install`: run `commands` (root, apt-get present);
 * - `stop`: print `message` (it carries the exact install line) and exit non-zero.
 */
export function decide({ packages, missing, isRoot, hasDpkg, hasAptGet }) {
  if (!hasDpkg) {
    return {
      action: 'stop',
      message:
        `The tests need these Debian packages, but this machine has no dpkg to check them: ${packages.join(' ')}.\n` +
        'Run the tests on Debian or Ubuntu (CI does), or set SHIPGATE_SKIP_SYSTEM_CHECK=1 to try anyway.',
    }
  }
  if (missing.length === 0) return { action: 'ok' }
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...missing]
  if (isRoot && hasAptGet) {
    return { action: 'install', commands: [['apt-get', 'update', '-qq'], install] }
  }
  const line = `sudo apt-get update && sudo ${install.join(' ')}`
  return {
    action: 'stop',
    message:
      `The tests need ${missing.length === 1 ? 'a system package that is' : 'system packages that are'} not installed: ${missing.join(' ')}.\n` +
      `Install ${missing.length === 1 ? 'it' : 'them'} with:\n\n  ${line}\n\nthen run the tests again.`,
    line,
  }
}

function succeeds(file, args) {
  const result = spawnSync(file, args, { stdio: 'ignore' })
  return result.status === 0
}

function main() {
  if (process.env.SHIPGATE_SKIP_SYSTEM_CHECK === '1') return 0
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const packages = parsePackageList(readFileSync(join(root, '.ci', 'apt-packages'), 'utf8'))
  const hasDpkg = succeeds('dpkg', ['--version'])
  const missing = hasDpkg ? packages.filter((p) => !succeeds('dpkg', ['-s', p])) : packages
  const decision = decide({
    packages,
    missing,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasDpkg,
    hasAptGet: succeeds('apt-get', ['--version']),
  })
  if (decision.action === 'ok') return 0
  if (decision.action === 'stop') {
    process.stderr.write(`${decision.message}\n`)
    return 1
  }
  process.stderr.write(`Installing the system packages the tests need: ${missing.join(' ')}\n`)
  for (const [file, ...args] of decision.commands) {
    const result = spawnSync(file, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (result.status !== 0) {
      process.stderr.write(
        `\`${[file, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).\n`,
      )
      return 1
    }
  }
  const still = packages.filter((p) => !succeeds('dpkg', ['-s', p]))
  if (still.length > 0) {
    process.stderr.write(`Still missing after apt-get install: ${still.join(' ')}\n`)
    return 1
  }
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main()
}
