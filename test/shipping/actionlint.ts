/**
 * actionlint, built from the Go module proxy at a pinned version into the same per-tool,
 * per-version cache scripts/peers.sh uses (~/.cache/shipgate-peers/actionlint/<version>/), so a
 * second run builds nothing. Kept here rather than in peers.sh: only these tests need it.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import { execa } from 'execa'

export const ACTIONLINT_VERSION = 'v1.7.12'
const MODULE = 'github.com/rhysd/actionlint/cmd/actionlint'

function peersDir(): string {
  return (
    process.env.SHIPGATE_PEERS_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'shipgate-peers')
  )
}

/** Path of the actionlint binary, building it first when the cache has none. */
export async function actionlint(): Promise<string> {
  const dir = path.join(peersDir(), 'actionlint', ACTIONLINT_VERSION)
  const bin = path.join(dir, 'actionlint')
  if (existsSync(bin)) return bin
  await mkdir(dir, { recursive: true })
  const build = await execa('go', ['install', `${MODULE}@${ACTIONLINT_VERSION}`], {
    env: { GOBIN: dir, GOFLAGS: '-trimpath' },
    reject: false,
  })
  if (build.exitCode !== 0 || !existsSync(bin)) {
    throw new Error(
      `Could not build actionlint ${ACTIONLINT_VERSION} (go install ${MODULE}@${ACTIONLINT_VERSION}, ` +
        `exit ${build.exitCode}): ${(build.stderr || build.shortMessage || '').slice(-2000)}. ` +
        'Install Go 1.24+ and let it reach proxy.golang.org.',
    )
  }
  return bin
}
