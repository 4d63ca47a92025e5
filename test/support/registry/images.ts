/**
 * Builds real container images without Docker and pushes them over the registry HTTP API:
 * a debootstrap'd Debian (cached under test/.cache/), a hardened variant (whiteouts), busybox
 * with hard-linked applets, a distroless-like base and app, scratch, zstd layers, a
 * multi-platform index and Docker v2 media types. What each image should report is derived
 * from what was built (dpkg status read back, applets listed), never typed in by hand.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync, zstdCompressSync, zstdDecompressSync } from 'node:zlib'
import { execa } from 'execa'
import { pack } from 'tar-stream'
import { RegistryClient } from '../../../src/registry/client.js'
import type { CredentialProvider } from '../../../src/registry/credentials.js'
import { type Descriptor, MediaType } from '../../../src/registry/media-types.js'
import { parseReference } from '../../../src/registry/reference.js'

export const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.cache')
const DEBIAN_DIR = join(CACHE_DIR, 'debian-bookworm')

/** What an image is, as built: the truth tests compare the scanner against. */
export interface Expected {
  os?: string
  packages?: number
  shell: boolean
  packageManager: string | false
  user: string
  runsAsRoot: boolean
  layers: number
  compressedSize: number
}

export interface Fixture {
  ref: string
  digest: string
  expected: Expected
  /** Layer blobs as pushed (for the benchmark). */
  layerFiles?: string[]
}

export type FixtureName =
  | 'scratch'
  | 'busybox'
  | 'busyboxNobody'
  | 'busyboxZstd'
  | 'busyboxDocker'
  | 'multi'
  | 'multiArm64'
  | 'distroless'
  | 'distrolessApp'
  | 'debian'
  | 'debianDocker'
  | 'debianHardened'

type Entry =
  | {
      name: string
      type: 'file'
      content: Buffer | string
      mode?: number
      uid?: number
      gid?: number
    }
  | { name: string; type: 'directory'; mode?: number; uid?: number; gid?: number }
  | { name: string; type: 'symlink' | 'link'; linkname: string }

const MTIME = new Date('2024-01-01T00:00:00Z')

/** An uncompressed tar built in memory, entry by entry (hard links, whiteouts, owners). */
export async function tarOf(entries: Entry[]): Promise<Buffer> {
  const p = pack()
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    p.on('data', (c: unknown) => {
      chunks.push(c as Buffer)
    })
    p.on('end', () => resolve(Buffer.concat(chunks)))
    p.on('error', reject)
  })
  for (const e of entries) {
    if (e.type === 'file') {
      const content = Buffer.isBuffer(e.content) ? e.content : Buffer.from(e.content)
      p.entry(
        { name: e.name, mode: e.mode ?? 0o644, uid: e.uid ?? 0, gid: e.gid ?? 0, mtime: MTIME },
        content,
      )
    } else if (e.type === 'directory') {
      p.entry({
        name: e.name,
        type: 'directory',
        mode: e.mode ?? 0o755,
        uid: e.uid ?? 0,
        gid: e.gid ?? 0,
        mtime: MTIME,
      })
    } else {
      p.entry({ name: e.name, type: e.type, linkname: e.linkname, mtime: MTIME })
    }
  }
  p.finalize()
  return done
}

/** Stanzas of a dpkg status file whose Status says installed. */
export function installedStanzas(status: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const stanza of status.split(/\n\s*\n/)) {
    const name = /^Package:\s*(\S+)/m.exec(stanza)?.[1]
    if (name && /^Status:.*\sinstalled\s*$/m.test(stanza)) out.set(name, `${stanza.trim()}\n`)
  }
  return out
}

function prettyName(osRelease: string): string | undefined {
  const m = /^PRETTY_NAME=("?)(.*)\1$/m.exec(osRelease)
  return m?.[2]
}

async function staticHello(): Promise<Buffer> {
  const out = join(CACHE_DIR, 'hello-static')
  if (!existsSync(out)) {
    await mkdir(CACHE_DIR, { recursive: true })
    const src = join(CACHE_DIR, 'hello.c')
    await writeFile(
      src,
      '#include <stdio.h>\nint main(void){puts("hello from shipgate");return 0;}\n',
    )
    await execa('gcc', ['-static', '-Os', '-s', '-o', `${out}.tmp`, src])
    await rename(`${out}.tmp`, out)
  }
  return readFile(out)
}

/**
 * debootstrap --variant=minbase bookworm, cleaned like a real base image, cached: the first
 * run takes about half a minute; later runs reuse test/.cache/debian-bookworm.
 */
export async function debianRootfs(): Promise<string> {
  const rootfs = join(DEBIAN_DIR, 'rootfs')
  if (existsSync(join(DEBIAN_DIR, 'rootfs.complete'))) return rootfs
  await mkdir(DEBIAN_DIR, { recursive: true })
  const partial = join(DEBIAN_DIR, 'rootfs.partial')
  // A debootstrap that was killed leaves proc/sys mounted inside its target: unmount first.
  for (const mount of ['proc', 'sys']) {
    await execa('umount', ['-l', join(partial, mount)], { reject: false, stdio: 'ignore' })
  }
  await rm(partial, { recursive: true, force: true })
  await rm(rootfs, { recursive: true, force: true })
  await execa('debootstrap', ['--variant=minbase', 'bookworm', partial, await debianMirror()], {
    stdio: 'ignore',
  })
  for (const dir of [
    'var/cache/apt/archives',
    'var/lib/apt/lists',
    'dev',
    'proc',
    'sys',
    'run',
    'tmp',
  ]) {
    const full = join(partial, dir)
    if (!existsSync(full)) continue
    for (const name of await readdir(full)) {
      if (name === 'partial' || name === 'lock') continue
      await rm(join(full, name), { recursive: true, force: true })
    }
  }
  await rename(partial, rootfs)
  await writeFile(join(DEBIAN_DIR, 'rootfs.complete'), new Date().toISOString())
  return rootfs
}

/** The Debian mirror apt already uses on this machine (CI reaches only those). */
export async function debianMirror(): Promise<string> {
  const files = ['/etc/apt/sources.list']
  for (const dir of ['/etc/apt/sources.list.d']) {
    if (existsSync(dir)) for (const f of await readdir(dir)) files.push(join(dir, f))
  }
  for (const file of files) {
    if (!existsSync(file)) continue
    const text = await readFile(file, 'utf8')
    const deb822 = /^URIs:\s*(\S+\/debian)\/?\s*$/m.exec(text)
    if (deb822?.[1]) return deb822[1]
    const oneLine = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\/?\s+\S+/m.exec(text)
    if (oneLine?.[1]) return oneLine[1]
  }
  return 'http://deb.debian.org/debian'
}

const BUILD_LOCK = join(CACHE_DIR, 'debian-bookworm.lock')

/**
 * The Debian build writes fixed paths under test/.cache, and vitest runs test files in two
 * workers: on a fresh machine two of them would debootstrap into the same directory. mkdir is
 * atomic, so one worker builds while the others wait and then reuse the cache.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  await mkdir(CACHE_DIR, { recursive: true })
  const deadline = Date.now() + 10 * 60_000
  for (;;) {
    try {
      await mkdir(BUILD_LOCK)
      break
    } catch {
      // A lock left by a killed run is older than any real build.
      const age =
        Date.now() - (await stat(BUILD_LOCK).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs
      if (age > 10 * 60_000) await rm(BUILD_LOCK, { recursive: true, force: true })
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${BUILD_LOCK}`)
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  try {
    return await fn()
  } finally {
    await rm(BUILD_LOCK, { recursive: true, force: true })
  }
}

/** The Debian rootfs as a gzip layer (cached) plus what it contains; built by one worker at a time. */
export function debianLayer(): ReturnType<typeof buildDebianLayer> {
  return withBuildLock(buildDebianLayer)
}

async function buildDebianLayer(): Promise<{
  file: string
  os: string
  status: string
  usrBin: string[]
}> {
  const rootfs = await debianRootfs()
  const file = join(DEBIAN_DIR, 'layer.tar.gz')
  if (!existsSync(file)) {
    await execa('bash', [
      '-o',
      'pipefail',
      '-c',
      'tar --numeric-owner --sort=name -C "$1" -cf - . | gzip -6 > "$2.tmp" && mv "$2.tmp" "$2"',
      'tar',
      rootfs,
      file,
    ])
  }
  return {
    file,
    os: prettyName(await readFile(join(rootfs, 'usr/lib/os-release'), 'utf8')) ?? '',
    status: await readFile(join(rootfs, 'var/lib/dpkg/status'), 'utf8'),
    usrBin: await readdir(join(rootfs, 'usr/bin')),
  }
}

export const SHELL_NAMES = [
  'sh',
  'bash',
  'dash',
  'ash',
  'rbash',
  'zsh',
  'ksh',
  'mksh',
  'fish',
  'tcsh',
  'csh',
]

/** Package managers by the binary that betrays them, most specific first. */
function packageManagerOf(paths: string[]): string | false {
  const names = new Set(paths.map((p) => p.replace(/^\/?(usr\/)?s?bin\//, '')))
  for (const [pm, bin] of [
    ['apt', 'apt-get'],
    ['dpkg', 'dpkg'],
    ['apk', 'apk'],
    ['dnf', 'dnf'],
    ['microdnf', 'microdnf'],
    ['yum', 'yum'],
    ['rpm', 'rpm'],
  ] as const) {
    if (names.has(bin)) return pm
  }
  return false
}

interface ImageSpec {
  repo: string
  tag: string
  layers: { bytes: Buffer; mediaType: string }[]
  config: Record<string, unknown>
  docker?: boolean
  annotations?: Record<string, string>
  architecture?: string
}

export class FixtureBuilder {
  readonly client: RegistryClient
  readonly host: string
  /** `credentials`: for registries that require a login to push (token, basic-tls). */
  constructor(host: string, credentials?: CredentialProvider) {
    this.host = host
    this.client = new RegistryClient({
      insecure: true,
      retries: 0,
      ...(credentials ? { credentials } : {}),
    })
  }

  async push(spec: ImageSpec): Promise<{
    ref: string
    digest: string
    manifest: Buffer
    compressedSize: number
    mediaType: string
  }> {
    const ref = parseReference(`${this.host}/${spec.repo}:${spec.tag}`)
    const layerDescs: Descriptor[] = []
    const diffIds: string[] = []
    for (const layer of spec.layers) {
      layerDescs.push(
        await this.client.putBlob(
          ref,
          layer.bytes,
          spec.docker ? MediaType.dockerLayerGzip : layer.mediaType,
        ),
      )
      diffIds.push(diffId(layer))
    }
    const config = {
      architecture: spec.architecture ?? 'amd64',
      os: 'linux',
      created: MTIME.toISOString(),
      rootfs: { type: 'layers', diff_ids: diffIds },
      history: spec.layers.map((_, i) => ({
        created: MTIME.toISOString(),
        created_by: `fixture layer ${i}`,
      })),
      ...spec.config,
    }
    const configDesc = await this.client.putBlob(
      ref,
      Buffer.from(JSON.stringify(config)),
      spec.docker ? MediaType.dockerConfig : MediaType.ociConfig,
    )
    const mediaType = spec.docker ? MediaType.dockerManifest : MediaType.ociManifest
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType,
        config: configDesc,
        layers: layerDescs,
        ...(spec.annotations ? { annotations: spec.annotations } : {}),
      }),
    )
    const digest = await this.client.putManifest(ref, spec.tag, manifest, mediaType)
    return {
      ref: `${this.host}/${spec.repo}:${spec.tag}`,
      digest,
      manifest,
      mediaType,
      compressedSize: layerDescs.reduce((n, d) => n + d.size, 0),
    }
  }
}

function sha(b: Buffer): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`
}

/** diff_id: the digest of the uncompressed layer, as a real config carries it. */
function diffId(layer: { bytes: Buffer; mediaType: string }): string {
  if (layer.mediaType.endsWith('+gzip')) return sha(gunzipSync(layer.bytes))
  if (layer.mediaType.endsWith('+zstd')) return sha(zstdDecompressSync(layer.bytes))
  return sha(layer.bytes)
}

const PASSWD_BUSYBOX =
  'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n'

/**
 * Builds and pushes every fixture to `host`. Debian ones only when `debian` is true (they
 * need debootstrap, about 30 s the first time).
 */
export async function buildFixtures(
  host: string,
  opts: { debian?: boolean } = {},
): Promise<Partial<Record<FixtureName, Fixture>>> {
  const b = new FixtureBuilder(host)
  const out: Partial<Record<FixtureName, Fixture>> = {}
  const hello = await staticHello()

  // scratch: one static binary, nothing else.
  const scratchLayer = gzipSync(
    await tarOf([{ name: 'hello', type: 'file', content: hello, mode: 0o755 }]),
  )
  const scratch = await b.push({
    repo: 'fixtures/scratch',
    tag: 'latest',
    layers: [{ bytes: scratchLayer, mediaType: MediaType.ociLayerGzip }],
    config: { config: { Entrypoint: ['/hello'] } },
  })
  out.scratch = {
    ref: scratch.ref,
    digest: scratch.digest,
    expected: {
      shell: false,
      packageManager: false,
      user: '',
      runsAsRoot: true,
      layers: 1,
      compressedSize: scratch.compressedSize,
    },
  }

  // busybox: applets as hard links to one binary, as the official image has them.
  const busybox = await readFile('/bin/busybox')
  const { stdout } = await execa('/bin/busybox', ['--list-full'])
  const applets = stdout
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'bin/busybox')
  const dirs = [...new Set(applets.map((a) => dirname(a)))].sort()
  const busyboxEntries: Entry[] = [
    ...['bin', 'etc', 'root', 'tmp', 'usr', ...dirs]
      .filter((d, i, all) => all.indexOf(d) === i)
      .map(
        (d): Entry => ({ name: `${d}/`, type: 'directory', mode: d === 'tmp' ? 0o1777 : 0o755 }),
      ),
    { name: 'bin/busybox', type: 'file', content: busybox, mode: 0o755 },
    ...applets.map((a): Entry => ({ name: a, type: 'link', linkname: 'bin/busybox' })),
    { name: 'etc/passwd', type: 'file', content: PASSWD_BUSYBOX },
    { name: 'etc/group', type: 'file', content: 'root:x:0:\nnobody:x:65534:\n' },
  ]
  const busyboxTar = await tarOf(busyboxEntries)
  const busyboxGz = gzipSync(busyboxTar)
  const bbShell = applets.some((a) => SHELL_NAMES.includes(a.split('/').pop() ?? ''))
  const bbPm = packageManagerOf(applets)
  const bbExpected = (user: string, runsAsRoot: boolean, size: number): Expected => ({
    shell: bbShell,
    packageManager: bbPm,
    user,
    runsAsRoot,
    layers: 1,
    compressedSize: size,
  })
  const bb = await b.push({
    repo: 'fixtures/busybox',
    tag: 'latest',
    layers: [{ bytes: busyboxGz, mediaType: MediaType.ociLayerGzip }],
    config: { config: { Cmd: ['sh'] } },
  })
  out.busybox = {
    ref: bb.ref,
    digest: bb.digest,
    expected: bbExpected('', true, bb.compressedSize),
  }
  const bbNobody = await b.push({
    repo: 'fixtures/busybox',
    tag: 'nobody',
    layers: [{ bytes: busyboxGz, mediaType: MediaType.ociLayerGzip }],
    config: {
      config: {
        User: 'nobody',
        Labels: { 'org.opencontainers.image.base.name': 'docker.io/library/busybox:1.36' },
      },
    },
  })
  out.busyboxNobody = {
    ref: bbNobody.ref,
    digest: bbNobody.digest,
    expected: bbExpected('nobody', false, bbNobody.compressedSize),
  }
  const bbZstd = await b.push({
    repo: 'fixtures/busybox',
    tag: 'zstd',
    layers: [{ bytes: zstdCompressSync(busyboxTar), mediaType: MediaType.ociLayerZstd }],
    config: { config: { User: '65534:65534' } },
  })
  out.busyboxZstd = {
    ref: bbZstd.ref,
    digest: bbZstd.digest,
    expected: bbExpected('65534:65534', false, bbZstd.compressedSize),
  }
  const bbDocker = await b.push({
    repo: 'fixtures/busybox',
    tag: 'docker',
    docker: true,
    layers: [{ bytes: busyboxGz, mediaType: MediaType.ociLayerGzip }],
    config: { config: { User: '0' } },
  })
  out.busyboxDocker = {
    ref: bbDocker.ref,
    digest: bbDocker.digest,
    expected: bbExpected('0', true, bbDocker.compressedSize),
  }

  // multi-platform: amd64 = busybox, arm64 = an uncompressed one-file layer, plus a buildx attestation.
  const armTar = await tarOf([
    {
      name: 'etc/passwd',
      type: 'file',
      content: 'root:x:0:0::/root:/sbin/nologin\napp:x:1000:1000::/:/sbin/nologin\n',
    },
  ])
  const arm = await b.push({
    repo: 'fixtures/busybox',
    tag: 'arm64-only',
    architecture: 'arm64',
    layers: [{ bytes: armTar, mediaType: MediaType.ociLayer }],
    config: { variant: 'v8', config: { User: 'app' } },
  })
  const att = await b.push({
    repo: 'fixtures/busybox',
    tag: 'attestation-only',
    architecture: 'unknown',
    layers: [
      {
        bytes: Buffer.from('{"_type":"https://in-toto.io/Statement/v0.1"}'),
        mediaType: 'application/vnd.in-toto+json',
      },
    ],
    config: {},
  })
  const ref = parseReference(`${host}/fixtures/busybox:multi`)
  const desc = (m: { digest: string; manifest: Buffer; mediaType: string }) => ({
    mediaType: m.mediaType,
    digest: m.digest,
    size: m.manifest.length,
  })
  const multiDigest = await b.client.putManifest(
    ref,
    'multi',
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociIndex,
        manifests: [
          { ...desc(bb), platform: { os: 'linux', architecture: 'amd64' } },
          { ...desc(arm), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
          {
            ...desc(att),
            platform: { os: 'unknown', architecture: 'unknown' },
            annotations: {
              'vnd.docker.reference.type': 'attestation-manifest',
              'vnd.docker.reference.digest': bb.digest,
            },
          },
        ],
      }),
    ),
    MediaType.ociIndex,
  )
  out.multi = {
    ref: `${host}/fixtures/busybox:multi`,
    digest: multiDigest,
    expected: out.busybox.expected,
  }
  out.multiArm64 = {
    ref: `${host}/fixtures/busybox:multi`,
    digest: arm.digest,
    expected: {
      shell: false,
      packageManager: false,
      user: 'app',
      runsAsRoot: false,
      layers: 1,
      compressedSize: arm.compressedSize,
    },
  }

  // distroless-like: os-release, passwd with nonroot, dpkg status.d stanzas, no shell.
  const hostStatus = installedStanzas(await readFile('/var/lib/dpkg/status', 'utf8'))
  const kept = ['base-files', 'netbase', 'tzdata', 'media-types', 'ca-certificates'].filter((p) =>
    hostStatus.has(p),
  )
  const osRelease =
    'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n'
  const distrolessTar = await tarOf([
    { name: 'etc/', type: 'directory' },
    { name: 'etc/os-release', type: 'file', content: osRelease },
    { name: 'usr/', type: 'directory' },
    { name: 'usr/lib/', type: 'directory' },
    { name: 'usr/lib/os-release', type: 'symlink', linkname: '../../etc/os-release' },
    {
      name: 'etc/passwd',
      type: 'file',
      content:
        'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n',
    },
    { name: 'etc/group', type: 'file', content: 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n' },
    { name: 'home/', type: 'directory' },
    { name: 'home/nonroot/', type: 'directory', uid: 65532, gid: 65532, mode: 0o700 },
    { name: 'tmp/', type: 'directory', mode: 0o1777 },
    { name: 'var/', type: 'directory' },
    { name: 'var/lib/', type: 'directory' },
    { name: 'var/lib/dpkg/', type: 'directory' },
    { name: 'var/lib/dpkg/status.d/', type: 'directory' },
    ...kept.map(
      (p): Entry => ({
        name: `var/lib/dpkg/status.d/${p}`,
        type: 'file',
        content: hostStatus.get(p) ?? '',
      }),
    ),
  ])
  const distroless = await b.push({
    repo: 'fixtures/distroless',
    tag: 'nonroot',
    layers: [{ bytes: gzipSync(distrolessTar), mediaType: MediaType.ociLayerGzip }],
    config: { config: { User: '65532' } },
  })
  const dlExpected = (user: string, layers: number, size: number): Expected => ({
    os: 'Distroless',
    packages: kept.length,
    shell: false,
    packageManager: false,
    user,
    runsAsRoot: false,
    layers,
    compressedSize: size,
  })
  out.distroless = {
    ref: distroless.ref,
    digest: distroless.digest,
    expected: dlExpected('65532', 1, distroless.compressedSize),
  }
  const app = await b.push({
    repo: 'fixtures/distroless-app',
    tag: 'v1',
    layers: [
      { bytes: gzipSync(distrolessTar), mediaType: MediaType.ociLayerGzip },
      {
        bytes: gzipSync(
          await tarOf([
            { name: 'app/', type: 'directory' },
            { name: 'app/server', type: 'file', content: hello, mode: 0o755 },
          ]),
        ),
        mediaType: MediaType.ociLayerGzip,
      },
    ],
    config: { config: { User: '65532:65532', Entrypoint: ['/app/server'] } },
    annotations: {
      'org.opencontainers.image.base.name': distroless.ref,
      'org.opencontainers.image.base.digest': distroless.digest,
    },
  })
  out.distrolessApp = {
    ref: app.ref,
    digest: app.digest,
    expected: dlExpected('65532:65532', 2, app.compressedSize),
  }

  if (!opts.debian) return out

  // Debian: the debootstrap rootfs as one layer, and a hardened variant on top of it.
  const deb = await debianLayer()
  const debBytes = await readFile(deb.file)
  const installed = installedStanzas(deb.status)
  const debShell = deb.usrBin.some((n) => SHELL_NAMES.includes(n))
  const debian = await b.push({
    repo: 'fixtures/debian',
    tag: 'bookworm',
    layers: [{ bytes: debBytes, mediaType: MediaType.ociLayerGzip }],
    config: { config: { Cmd: ['bash'] } },
  })
  const debExpected = (size: number, user = ''): Expected => ({
    os: deb.os,
    packages: installed.size,
    shell: debShell,
    packageManager: packageManagerOf(deb.usrBin),
    user,
    runsAsRoot: true,
    layers: 1,
    compressedSize: size,
  })
  out.debian = {
    ref: debian.ref,
    digest: debian.digest,
    expected: debExpected(debian.compressedSize),
    layerFiles: [deb.file],
  }
  const debianDocker = await b.push({
    repo: 'fixtures/debian',
    tag: 'bookworm-docker',
    docker: true,
    layers: [{ bytes: debBytes, mediaType: MediaType.ociLayerGzip }],
    config: { config: { Cmd: ['bash'] } },
  })
  out.debianDocker = {
    ref: debianDocker.ref,
    digest: debianDocker.digest,
    expected: debExpected(debianDocker.compressedSize),
  }

  // Hardened: whiteouts remove shells and package managers; an opaque dpkg dir keeps few packages.
  const removed = deb.usrBin.filter((n) => /^(apt.*|dpkg.*|bash|dash|sh|rbash)$/.test(n))
  const remaining = deb.usrBin.filter((n) => !removed.includes(n))
  const keep = ['base-files', 'libc6', 'tzdata'].filter((p) => installed.has(p))
  const passwd = `${await readFile(join(await debianRootfs(), 'etc/passwd'), 'utf8')}app:x:10001:10001::/home/app:/usr/sbin/nologin\n`
  const hardenedTar = await tarOf([
    ...removed.map((n): Entry => ({ name: `usr/bin/.wh.${n}`, type: 'file', content: '' })),
    { name: 'var/lib/dpkg/', type: 'directory' },
    { name: 'var/lib/dpkg/.wh..wh..opq', type: 'file', content: '' },
    { name: 'var/lib/dpkg/status.d/', type: 'directory' },
    ...keep.map(
      (p): Entry => ({
        name: `var/lib/dpkg/status.d/${p}`,
        type: 'file',
        content: installed.get(p) ?? '',
      }),
    ),
    { name: 'etc/passwd', type: 'file', content: passwd },
    { name: 'home/app/', type: 'directory', uid: 10001, gid: 10001 },
  ])
  const hardened = await b.push({
    repo: 'fixtures/debian',
    tag: 'hardened',
    layers: [
      { bytes: debBytes, mediaType: MediaType.ociLayerGzip },
      { bytes: gzipSync(hardenedTar), mediaType: MediaType.ociLayerGzip },
    ],
    config: { config: { User: 'app' } },
  })
  out.debianHardened = {
    ref: hardened.ref,
    digest: hardened.digest,
    expected: {
      os: deb.os,
      packages: keep.length,
      shell: remaining.some((n) => SHELL_NAMES.includes(n)),
      packageManager: packageManagerOf(remaining),
      user: 'app',
      runsAsRoot: false,
      layers: 2,
      compressedSize: hardened.compressedSize,
    },
  }
  return out
}

/** Whether the Debian fixtures can be built here (debootstrap installed, root). */
export function canBuildDebian(): boolean {
  return (
    existsSync(join(DEBIAN_DIR, 'rootfs.complete')) ||
    (process.getuid?.() === 0 &&
      ['/usr/sbin/debootstrap', '/sbin/debootstrap'].some((p) => existsSync(p)))
  )
}

/**
 * A distroless `:debug`-style image: busybox lives in /busybox (not a usual bin directory),
 * its applets are hard links there, PATH starts with /busybox and the entrypoint is
 * /busybox/sh. Plus a variant whose only shell is the entrypoint target, outside PATH: a
 * symlink `run` to a hard link `entry` of /opt/tools/busybox.
 */
export async function pushDebugImages(host: string): Promise<{
  debug: { ref: string; digest: string }
  hidden: { ref: string; digest: string }
}> {
  const b = new FixtureBuilder(host)
  const busybox = await readFile('/bin/busybox')
  const passwd =
    'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n'
  const base: Entry[] = [
    { name: 'etc/', type: 'directory' },
    { name: 'etc/passwd', type: 'file', content: passwd },
    { name: 'busybox/', type: 'directory' },
    { name: 'busybox/busybox', type: 'file', content: busybox, mode: 0o755 },
    ...['sh', 'ls', 'cat', 'env'].map(
      (n): Entry => ({ name: `busybox/${n}`, type: 'link', linkname: 'busybox/busybox' }),
    ),
  ]
  const debug = await b.push({
    repo: 'fixtures/distroless',
    tag: 'debug',
    layers: [{ bytes: gzipSync(await tarOf(base)), mediaType: MediaType.ociLayerGzip }],
    config: {
      config: {
        User: '65532',
        Env: ['PATH=/busybox:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        Entrypoint: ['/busybox/sh'],
      },
    },
  })
  const hidden = await b.push({
    repo: 'fixtures/distroless',
    tag: 'hidden-entrypoint',
    layers: [
      {
        bytes: gzipSync(
          await tarOf([
            { name: 'etc/', type: 'directory' },
            { name: 'etc/passwd', type: 'file', content: passwd },
            { name: 'opt/tools/', type: 'directory' },
            { name: 'opt/tools/busybox', type: 'file', content: busybox, mode: 0o755 },
            { name: 'opt/tools/run', type: 'symlink', linkname: 'entry' },
            { name: 'opt/tools/entry', type: 'link', linkname: 'opt/tools/busybox' },
          ]),
        ),
        mediaType: MediaType.ociLayerGzip,
      },
    ],
    config: {
      config: { User: '65532', Env: ['PATH=/usr/bin:/bin'], Entrypoint: ['/opt/tools/run'] },
    },
  })
  return {
    debug: { ref: debug.ref, digest: debug.digest },
    hidden: { ref: hidden.ref, digest: hidden.digest },
  }
}
