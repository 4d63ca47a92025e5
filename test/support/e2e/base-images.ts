import { readFile } from 'node:fs/promises'
import { MediaType } from '../../../src/registry/media-types.js'
import {
  buildFixtures,
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

export async function pushDistroImage(host: string, repo = 'e2e/distro'): Promise<BaseFixture> {
  if (!canBuildDebian()) {
    const busybox = (await buildFixtures(host)).busybox
    if (!busybox) throw new Error('the busybox fixture was not built')
    return { ...busybox, name: 'busybox', report: 'alpine-310.json.golden' }
  }
  // debianLayer() serialises the one-time build across workers itself.
  const deb = await debianLayer()
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
