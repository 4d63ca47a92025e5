/**
 * What an image is, read from its merged filesystem and config: OS, packages, shells,
 * package managers, effective user, and which base image it sits on.
 */
import type { ImageConfig } from '../../src/registry/media-types.js'
import type { DockerfileFacts } from './dockerfile.js'
import { type LayeredFilesystem, normalizePath } from './filesystem.js'

export type BaseHow = 'annotation' | 'label' | 'dockerfile' | 'inferred'

export interface BaseImage {
  name?: string
  digest?: string
  how: BaseHow
  minimal: boolean
  /** Family we recognised, for the recommendation. */
  family?: BaseFamily
}

export type BaseFamily =
  | 'distroless'
  | 'chainguard'
  | 'alpine'
  | 'slim'
  | 'ubi-micro'
  | 'ubi-minimal'
  | 'busybox'
  | 'scratch'
  | 'debian'
  | 'ubuntu'
  | 'ubi'
  | 'other'

export interface OsRelease {
  id?: string
  versionId?: string
  prettyName?: string
  name?: string
  versionCodename?: string
}

/** Everything known about one image before policy: plain data, JSON-serialisable. */
export interface BaseImageFacts {
  source: 'registry' | 'trivy-report'
  image: string
  digest?: string
  /** The multi-platform index `digest` was picked from, when the reference named one. */
  indexDigest?: string
  platform?: string
  base?: BaseImage
  os?: string
  osRelease?: OsRelease
  packages?: number
  /** Where the count came from. */
  packageDb?: 'dpkg' | 'apk' | 'trivy'
  /** `null`: not knowable from this source. */
  shell: boolean | null
  /** Absolute paths of the shells and busybox found (`/bin/sh`, `/busybox/sh`). */
  shells: string[]
  packageManager: string | false | null
  user?: string
  uid?: number
  runsAsRoot: boolean | null
  compressedSize?: number
  layers?: number
  /** Compressed size of the first layer: what replacing the OS base would remove at most. */
  baseLayerSize?: number
  labels: Record<string, string>
  dockerfile?: DockerfileFacts
  unknown: string[]
}

export const SHELLS = [
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
/** Docker's default PATH, in its order: used when the config sets none, and always searched. */
const DEFAULT_PATH = ['usr/local/sbin', 'usr/local/bin', 'usr/sbin', 'usr/bin', 'sbin', 'bin']
const BIN_DIRS = DEFAULT_PATH
/** Names that make a file a shell: the shells, and busybox (`busybox sh` is one). */
const SHELL_LIKE = new Set([...SHELLS, 'busybox'])

/** How the image runs its program: from the config, what decides which shells are reachable. */
export interface ExecContext {
  /** Directories of the config's `PATH` env, as written (absolute). */
  path: string[]
  /** `Entrypoint[0]`, else `Cmd[0]`: what the container executes. */
  program?: string
  workingDir?: string
}

export function execContext(config: ImageConfig | undefined): ExecContext {
  const c = config?.config
  const pathVar = (c?.Env ?? [])
    .filter((e): e is string => typeof e === 'string')
    .find((e) => e.startsWith('PATH='))
  const out: ExecContext = {
    path: pathVar
      ? pathVar
          .slice(5)
          .split(':')
          .filter((d) => d.startsWith('/'))
      : [],
  }
  const argv = c?.Entrypoint?.length ? c.Entrypoint : c?.Cmd
  const program = argv?.[0]
  if (typeof program === 'string' && program !== '') out.program = program
  if (c?.WorkingDir) out.workingDir = c.WorkingDir
  return out
}

/**
 * Every shell the container could run: each shell name (and busybox) in each directory of its
 * PATH and the default bin directories, then /etc/shells, then the program it executes when
 * that file, through symlinks and hard links, is a shell or busybox. Paths as found, absolute;
 * one per real file location (merged /usr makes /bin/sh and /usr/bin/sh the same).
 */
export function findShells(fs: LayeredFilesystem, exec: ExecContext = { path: [] }): string[] {
  const found: string[] = []
  const seen = new Set<string>()
  const add = (path: string) => {
    const p = normalizePath(path)
    const slash = p.lastIndexOf('/')
    const dir = slash === -1 ? '' : p.slice(0, slash)
    const key = `${fs.resolve(dir) ?? dir}/${p.slice(slash + 1)}`
    if (seen.has(key)) return
    seen.add(key)
    found.push(`/${p}`)
  }
  const dirs = [...new Set([...exec.path.map(normalizePath), ...DEFAULT_PATH])]
  for (const dir of dirs) {
    for (const name of SHELL_LIKE) {
      if (fs.stat(`${dir}/${name}`)?.type === 'file') add(`${dir}/${name}`)
    }
  }
  for (const line of (fs.read('etc/shells')?.toString('utf8') ?? '').split('\n')) {
    const path = line.trim()
    if (path.startsWith('/') && fs.stat(path)?.type === 'file') add(path)
  }
  const program = exec.program
  if (program) {
    const candidates = program.includes('/')
      ? [program.startsWith('/') ? program : `${exec.workingDir ?? '/'}/${program}`]
      : dirs.map((d) => `${d}/${program}`)
    const target = candidates.find((p) => fs.stat(p)?.type === 'file')
    if (target && isShellFile(fs, target)) add(target)
  }
  return found
}

/** A file is a shell when its name, the name it resolves to, or the file it hard-links is one. */
function isShellFile(fs: LayeredFilesystem, path: string): boolean {
  const base = (p: string | undefined) => (p ?? '').split('/').pop() ?? ''
  const real = fs.resolve(normalizePath(path))
  const node = fs.stat(path)
  return [path, real, node?.type === 'file' ? node.linkOf : undefined].some((p) =>
    SHELL_LIKE.has(base(p)),
  )
}
/** By the binary that betrays them; apt before dpkg because apt implies dpkg. */
const PACKAGE_MANAGERS: [string, string][] = [
  ['apt', 'apt-get'],
  ['dpkg', 'dpkg'],
  ['apk', 'apk'],
  ['dnf', 'dnf'],
  ['microdnf', 'microdnf'],
  ['yum', 'yum'],
  ['zypper', 'zypper'],
  ['rpm', 'rpm'],
]

/** Files whose content the analysis reads; everything else is only a path. */
export function isWantedFile(path: string): boolean {
  switch (path) {
    case 'etc/os-release':
    case 'usr/lib/os-release':
    case 'etc/passwd':
    case 'etc/group':
    case 'etc/shells':
    case 'etc/alpine-release':
    case 'etc/debian_version':
    case 'var/lib/dpkg/status':
    case 'lib/apk/db/installed':
    case 'usr/lib/apk/db/installed':
      return true
  }
  return path.startsWith('var/lib/dpkg/status.d/') && !path.endsWith('.md5sums')
}

export function parseOsRelease(text: string): OsRelease {
  const values: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim())
    if (!m?.[1]) continue
    values[m[1]] = (m[2] ?? '').replace(/^(["'])(.*)\1$/, '$2')
  }
  const out: OsRelease = {}
  if (values.ID) out.id = values.ID.toLowerCase()
  if (values.VERSION_ID) out.versionId = values.VERSION_ID
  if (values.PRETTY_NAME) out.prettyName = values.PRETTY_NAME
  if (values.NAME) out.name = values.NAME
  if (values.VERSION_CODENAME) out.versionCodename = values.VERSION_CODENAME
  return out
}

/** Installed stanzas in a dpkg status file (Status ends in `installed`). */
export function countDpkgInstalled(text: string): number {
  let n = 0
  for (const stanza of text.split(/\n[ \t]*\n/)) {
    if (!/^Package:/m.test(stanza)) continue
    const status = /^Status:\s*(.*)$/m.exec(stanza)?.[1]
    // status.d stanzas (distroless) carry no Status line: each is one installed package.
    if (status === undefined || /\sinstalled\s*$/.test(status)) n++
  }
  return n
}

export function countApkInstalled(text: string): number {
  return text.split('\n').filter((l) => l.startsWith('P:')).length
}

export interface FilesystemFacts {
  os?: string
  osRelease?: OsRelease
  packages?: number
  packageDb?: 'dpkg' | 'apk'
  /** Absolute paths of the shells (and busybox) found, e.g. `/bin/sh`, `/busybox/sh`. */
  shells: string[]
  packageManager: string | false
  hasBusybox: boolean
  hasRpmDb: boolean
  entries: number
  passwd?: string
}

export function filesystemFacts(fs: LayeredFilesystem, exec?: ExecContext): FilesystemFacts {
  const text = (p: string) => fs.read(p)?.toString('utf8')
  const osText = text('etc/os-release') ?? text('usr/lib/os-release')
  const osRelease = osText ? parseOsRelease(osText) : undefined
  let os =
    osRelease?.prettyName ??
    (osRelease?.name ? `${osRelease.name} ${osRelease.versionId ?? ''}`.trim() : undefined)
  if (!os && text('etc/alpine-release')) os = `Alpine Linux v${text('etc/alpine-release')?.trim()}`
  if (!os && text('etc/debian_version')) os = `Debian ${text('etc/debian_version')?.trim()}`

  let packages: number | undefined
  let packageDb: 'dpkg' | 'apk' | undefined
  const status = text('var/lib/dpkg/status')
  const statusD = fs.list('var/lib/dpkg/status.d').filter((n) => !n.endsWith('.md5sums'))
  if (status !== undefined || statusD.length > 0) {
    packages = status ? countDpkgInstalled(status) : 0
    for (const name of statusD) {
      const stanza = text(`var/lib/dpkg/status.d/${name}`)
      if (stanza) packages += countDpkgInstalled(stanza)
    }
    packageDb = 'dpkg'
  }
  const apk = text('lib/apk/db/installed') ?? text('usr/lib/apk/db/installed')
  if (apk !== undefined) {
    packages = (packages ?? 0) + countApkInstalled(apk)
    packageDb = packageDb ?? 'apk'
  }

  const present = (name: string) =>
    BIN_DIRS.some((dir) => {
      const node = fs.stat(`${dir}/${name}`)
      return node?.type === 'file'
    })
  const shells = findShells(fs, exec)
  const pm = PACKAGE_MANAGERS.find(([, bin]) => present(bin))

  const out: FilesystemFacts = {
    shells,
    packageManager: pm ? pm[0] : false,
    hasBusybox: present('busybox'),
    hasRpmDb:
      fs.stat('var/lib/rpm')?.type === 'dir' || fs.stat('usr/lib/sysimage/rpm')?.type === 'dir',
    entries: fs.size,
  }
  if (os) out.os = os
  if (osRelease) out.osRelease = osRelease
  if (packages !== undefined) out.packages = packages
  if (packageDb) out.packageDb = packageDb
  const passwd = text('etc/passwd')
  if (passwd !== undefined) out.passwd = passwd
  return out
}

export type EffectiveUser =
  | { known: true; uid: number; name?: string }
  | { known: false; reason: string }

/** Config `User` → uid: empty is root; `uid`, `uid:gid`, `name`, `name:group` via /etc/passwd. */
export function effectiveUser(user: string | undefined, passwd: string | undefined): EffectiveUser {
  const spec = (user ?? '').trim()
  if (spec === '') return { known: true, uid: 0, name: 'root' }
  const name = spec.split(':')[0] ?? ''
  if (/^\d+$/.test(name)) return { known: true, uid: Number(name) }
  if (passwd === undefined) {
    if (name === 'root') return { known: true, uid: 0, name }
    return {
      known: false,
      reason: `user "${name}" cannot be resolved: the image has no /etc/passwd`,
    }
  }
  for (const line of passwd.split('\n')) {
    const fields = line.split(':')
    if (fields[0] === name && fields[2] !== undefined && /^\d+$/.test(fields[2])) {
      return { known: true, uid: Number(fields[2]), name }
    }
  }
  return {
    known: false,
    reason: `user "${name}" is not in the image's /etc/passwd (the container would not start)`,
  }
}

const MINIMAL_NAME: [RegExp, BaseFamily][] = [
  [/(^|\/)scratch(:|$)/, 'scratch'],
  [/distroless/, 'distroless'],
  [/(cgr\.dev\/|chainguard|wolfi)/, 'chainguard'],
  [/(^|\/)alpine(:|@|$)/, 'alpine'],
  [/ubi\d*[-/]?micro|ubi-micro/, 'ubi-micro'],
  [/ubi\d*[-/]?minimal|ubi-minimal/, 'ubi-minimal'],
  [/(^|\/)busybox(:|@|$)/, 'busybox'],
  [/-slim(\b|$)|:slim|slim-/, 'slim'],
  [/(^|\/)debian(:|@|$)/, 'debian'],
  [/(^|\/)ubuntu(:|@|$)/, 'ubuntu'],
  [/ubi\d*(:|@|\/|$)/, 'ubi'],
]
const MINIMAL_FAMILIES: BaseFamily[] = [
  'distroless',
  'chainguard',
  'alpine',
  'slim',
  'ubi-micro',
  'ubi-minimal',
  'busybox',
  'scratch',
]

/** Family of a base image by its name (annotation, label, Dockerfile FROM). */
export function classifyBaseName(name: string): { family: BaseFamily; minimal: boolean } {
  const lower = name.toLowerCase()
  const family = MINIMAL_NAME.find(([re]) => re.test(lower))?.[1] ?? 'other'
  return { family, minimal: MINIMAL_FAMILIES.includes(family) }
}

/** A base from the filesystem alone, when nothing names it. */
export function inferBase(f: FilesystemFacts): BaseImage {
  const id = f.osRelease?.id
  const version = f.osRelease?.versionId
  const major = version?.split('.')[0]
  const inferred = (name: string | undefined, family: BaseFamily): BaseImage => {
    const b: BaseImage = { how: 'inferred', family, minimal: MINIMAL_FAMILIES.includes(family) }
    if (name) b.name = name
    return b
  }
  if (id === 'wolfi' || id === 'chainguard')
    return inferred('cgr.dev/chainguard/wolfi-base', 'chainguard')
  if (
    /distroless/i.test(f.osRelease?.prettyName ?? '') ||
    (f.packageDb === 'dpkg' && f.shells.length === 0 && !f.packageManager)
  ) {
    return inferred(
      `gcr.io/distroless/${(f.packages ?? 0) <= 6 ? 'static' : 'base'}-debian${major ?? '12'}`,
      'distroless',
    )
  }
  if (id === 'alpine')
    return inferred(`alpine:${version?.split('.').slice(0, 2).join('.') ?? 'latest'}`, 'alpine')
  if (id === 'rhel' || id === 'ubi') {
    if (!f.packageManager)
      return inferred(`registry.access.redhat.com/ubi${major}/ubi-micro`, 'ubi-micro')
    if (f.packageManager === 'microdnf')
      return inferred(`registry.access.redhat.com/ubi${major}/ubi-minimal`, 'ubi-minimal')
    return inferred(`registry.access.redhat.com/ubi${major}/ubi`, 'ubi')
  }
  if (id === 'debian')
    return inferred(`debian:${f.osRelease?.versionCodename ?? major ?? 'unknown'}`, 'debian')
  if (id === 'ubuntu') return inferred(`ubuntu:${version ?? 'unknown'}`, 'ubuntu')
  if (!f.osRelease && f.hasBusybox) return inferred('busybox', 'busybox')
  if (!f.osRelease && f.shells.length === 0 && !f.packageManager && f.packages === undefined) {
    return inferred('scratch', 'scratch')
  }
  return inferred(id ? `${id}${version ? `:${version}` : ''}` : undefined, 'other')
}

/** Base named by the image: manifest annotation, then config label (empty strings ignored, buildah writes them). */
export function declaredBase(
  annotations: Record<string, string> | undefined,
  config: ImageConfig | undefined,
): BaseImage | undefined {
  const from = (
    map: Record<string, string> | null | undefined,
    how: BaseHow,
  ): BaseImage | undefined => {
    const name = map?.['org.opencontainers.image.base.name']?.trim()
    if (!name) return undefined
    const b: BaseImage = { name, how, ...classifyBaseName(name) }
    const digest = map?.['org.opencontainers.image.base.digest']?.trim()
    if (digest) b.digest = digest
    return b
  }
  return from(annotations, 'annotation') ?? from(config?.config?.Labels, 'label')
}
