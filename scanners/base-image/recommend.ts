/**
 * A concrete smaller base for an image, with what it would remove where we can estimate it.
 * Package counts of the targets are those of their current releases (see docs/base-image.md);
 * byte savings are bounded by what we measured: the compressed size of the image's OS layer.
 */
import type { BaseImageFacts } from './facts.js'

/** Packages the suggested targets ship (dpkg status.d entries / apk world). */
const TARGETS = {
  distrolessStatic: { name: 'gcr.io/distroless/static-debian12:nonroot', packages: 5 },
  distrolessBase: { name: 'gcr.io/distroless/base-debian12:nonroot', packages: 9 },
  chainguardStatic: { name: 'cgr.dev/chainguard/static:latest', packages: 5 },
  ubiMicro: { name: 'registry.access.redhat.com/ubi9/ubi-micro', packages: undefined },
} as const

function mb(n: number): string {
  return `${(n / 1e6).toFixed(1)} MB`
}

export function recommend(f: BaseImageFacts): string | undefined {
  const problems: string[] = []
  if (f.shell) problems.push(`a shell (${f.shells.join(', ') || 'sh'})`)
  if (f.packageManager) problems.push(`a package manager (${f.packageManager})`)
  if (f.runsAsRoot) problems.push('root as its user')
  const family = f.base?.family
  if (problems.length === 0 && (f.base?.minimal || f.shell === false)) {
    if (f.shell === null) {
      return f.runsAsRoot === false || f.runsAsRoot === null
        ? undefined
        : 'Set a non-root USER (e.g. USER 65532:65532).'
    }
    return undefined
  }
  const userFix = f.runsAsRoot
    ? ' and set a non-root user (USER 65532:65532, `nonroot` in distroless)'
    : ''
  const removal = (target: { packages?: number }) => {
    const parts: string[] = []
    if (f.packages !== undefined && target.packages !== undefined && f.packages > target.packages) {
      parts.push(`about ${f.packages - target.packages} of its ${f.packages} packages`)
    }
    if (f.baseLayerSize !== undefined && (f.layers ?? 0) >= 1)
      parts.push(`up to ${mb(f.baseLayerSize)} of compressed OS layer`)
    return parts.length > 0 ? `, removing ${parts.join(' and ')}` : ''
  }
  const has = `The image has ${problems.length > 0 ? problems.join(', ') : 'a large base'}.`
  const os = f.osRelease?.id ?? (family === 'alpine' ? 'alpine' : undefined)

  if (
    os === 'debian' ||
    os === 'ubuntu' ||
    family === 'debian' ||
    family === 'ubuntu' ||
    family === 'slim' ||
    f.packageDb === 'dpkg'
  ) {
    if (!f.shell && !f.packageManager) return `${has} Set a non-root USER (e.g. 65532:65532).`
    return `${has} Build the final stage FROM ${TARGETS.distrolessBase.name} (or ${TARGETS.distrolessStatic.name} for a static binary; ${TARGETS.chainguardStatic.name} is the Chainguard equivalent)${userFix}: no shell, no apt/dpkg${removal(TARGETS.distrolessBase)}.`
  }
  if (os === 'alpine') {
    return `${has} Copy the app into ${TARGETS.chainguardStatic.name} or ${TARGETS.distrolessStatic.name}${userFix}: no shell, no apk${removal(TARGETS.chainguardStatic)}.`
  }
  if (os === 'rhel' || family === 'ubi' || family === 'ubi-minimal') {
    return `${has} Use ${TARGETS.ubiMicro.name} for the final stage${userFix}: no shell tooling beyond the minimum and no package manager${removal(TARGETS.ubiMicro)}.`
  }
  if (family === 'busybox') {
    return `${has} Busybox exists to give you a shell; for a static binary use ${TARGETS.distrolessStatic.name} or scratch${userFix}${removal({})}.`
  }
  if (!f.shell && !f.packageManager && f.runsAsRoot)
    return 'Set a non-root USER (e.g. USER 65532:65532).'
  return `${has} Move the final stage to ${TARGETS.distrolessStatic.name} (static binaries) or ${TARGETS.distrolessBase.name} (glibc)${userFix}${removal(TARGETS.distrolessBase)}.`
}

/**
 * The one base image `recommend` moves the final stage to, when it names one first: what the
 * base-layer section of the report offers for the findings that came with the base.
 */
export function recommendedBase(f: BaseImageFacts): string | undefined {
  const sentence = recommend(f)
  if (!sentence) return undefined
  const named = Object.values(TARGETS)
    .map((t) => ({ name: t.name, at: sentence.indexOf(t.name) }))
    .filter((t) => t.at !== -1)
    .sort((a, b) => a.at - b.at)
  return named[0]?.name
}
