/**
 * One big-distribution image in a harness registry for end-to-end tests: the debootstrap'd
 * Debian from test/.cache (built once, reused by every test file), or busybox where Debian
 * cannot be built. What it should report comes from what was built, as in the harness.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { MediaType } from '../../../src/registry/media-types.js'
import {
  buildFixtures,
  CACHE_DIR,
  canBuildDebian,
  debianLayer,
  type Fixture,
  FixtureBuilder,
  installedStanzas,
  SHELL_NAMES,
} from '../registry/images.js'

export interface BaseFixture extends Fixture {
  name: 'debian' | 'busybox'
  /** A Trivy report from test/fixtures that fits the image's distribution. */
  report: string
}

const LOCK = join(CACHE_DIR, 'debian-bookworm.e2e-lock')

/**
 * debianLayer() builds into fixed paths under test/.cache; two test files building it at once
 * on a fresh machine (vitest runs two workers) would debootstrap into the same directory.
 * mkdir is atomic: one worker builds, the other waits and then reuses the cache.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  await mkdir(CACHE_DIR, { recursive: true })
  const deadline = Date.now() + 10 * 60_000
  for (;;) {
    try {
      await mkdir(LOCK)
      break
    } catch {
      // A lock left by a killed run is older than any real build.
      const age = Date.now() - (await stat(LOCK).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs
      if (age > 10 * 60_000) await rm(LOCK, { recursive: true, force: true })
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}`)
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  try {
    return await fn()
  } finally {
    await rm(LOCK, { recursive: true, force: true })
  }
}

const debianCached = () => existsSync(join(CACHE_DIR, 'debian-bookworm', 'layer.tar.gz'))

export async function pushDistroImage(host: string, repo = 'e2e/distro'): Promise<BaseFixture> {
  if (!canBuildDebian()) {
    const busybox = (await buildFixtures(host)).busybox
    if (!busybox) throw new Error('the busybox fixture was not built')
    return { ...busybox, name: 'busybox', report: 'alpine-310.json.golden' }
  }
  const deb = debianCached() ? await debianLayer() : await withBuildLock(debianLayer)
  const bytes = await readFile(deb.file)
  const pushed = await new FixtureBuilder(host).push({
    repo,
    tag: 'bookworm',
    layers: [{ bytes, mediaType: MediaType.ociLayerGzip }],
    config: { config: { Cmd: ['bash'] } },
  })
  return {
    name: 'debian',
    ref: pushed.ref,
    digest: pushed.digest,
    report: 'debian-buster.json.golden',
    expected: {
      os: deb.os,
      packages: installedStanzas(deb.status).size,
      shell: deb.usrBin.some((n) => SHELL_NAMES.includes(n)),
      packageManager: deb.usrBin.includes('apt-get') ? 'apt' : false,
      user: '',
      runsAsRoot: true,
      layers: 1,
      compressedSize: pushed.compressedSize,
    },
  }
}
