/**
 * Base-image facts from a Trivy report alone (no registry): what Trivy's metadata holds, and
 * an explicit list of what it cannot tell (shell, package manager, compressed size…).
 */
import type { ImageScan } from '../../src/model.js'
import {
  type BaseImage,
  type BaseImageFacts,
  classifyBaseName,
  declaredBase,
  effectiveUser,
} from './facts.js'

export function factsFromScan(scan: ImageScan): BaseImageFacts {
  const meta = scan.metadata
  const unknown = ['shell', 'packageManager', 'compressedSize']
  const facts: BaseImageFacts = {
    source: 'trivy-report',
    image: scan.image,
    shell: null,
    shells: [],
    packageManager: null,
    runsAsRoot: null,
    labels: meta.labels ?? {},
    unknown,
  }
  if (scan.digest) facts.digest = scan.digest
  if (meta.os) {
    facts.os = `${meta.os.family} ${meta.os.name}`.trim()
    facts.osRelease = { id: meta.os.family.toLowerCase(), versionId: meta.os.name }
  } else unknown.push('os')
  if (scan.packages.os !== undefined) {
    facts.packages = scan.packages.os
    facts.packageDb = 'trivy'
  } else unknown.push('packages')
  if (meta.layers !== undefined) facts.layers = meta.layers
  else unknown.push('layers')
  if (meta.user !== undefined) facts.user = meta.user
  const who = effectiveUser(meta.user, undefined)
  if (who.known) {
    facts.uid = who.uid
    facts.runsAsRoot = who.uid === 0
  } else unknown.push('effectiveUser')
  facts.base = declaredBase(undefined, { config: { Labels: meta.labels } }) ?? inferOffline(facts)
  if (!facts.base.name) unknown.push('base')
  return facts
}

function inferOffline(f: BaseImageFacts): BaseImage {
  const id = f.osRelease?.id
  const version = f.osRelease?.versionId ?? ''
  const major = version.split('.')[0]
  const named = (name: string): BaseImage => ({ name, how: 'inferred', ...classifyBaseName(name) })
  if (id === 'wolfi' || id === 'chainguard') return named('cgr.dev/chainguard/wolfi-base')
  if (id === 'alpine') return named(`alpine:${version.split('.').slice(0, 2).join('.')}`)
  // Trivy reports distroless as Debian; only a handful of packages gives it away.
  if (id === 'debian' && f.packages !== undefined && f.packages <= 12)
    return named(`gcr.io/distroless/base-debian${major}`)
  if (id === 'debian') return named(`debian:${major}`)
  if (id === 'ubuntu') return named(`ubuntu:${version}`)
  if (id === 'redhat' || id === 'rhel') return named(`registry.access.redhat.com/ubi${major}/ubi`)
  return { how: 'inferred', minimal: false, family: 'other' }
}
