/**
 * Trivy version strings, checked with the `semver` package, which loads only when a version
 * is not plain `MAJOR.MINOR.PATCH`: its top level builds ~40 regular expressions, a few ms of
 * every run that merely finds the pinned Trivy on PATH (issue 13). A plain version is valid
 * SemVer exactly as written (semver.valid returns it unchanged), so the answers are the same.
 */

/**
 * SemVer's core with no pre-release or build part (no leading zeros), each number short enough
 * to be exact (semver refuses numbers past Number.MAX_SAFE_INTEGER; longer ones go to it).
 */
const PLAIN = /^(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/

async function semver() {
  return (await import('semver')).default
}

/** `semver.valid(version)`: the normalised version, or null. */
export async function validVersion(version: string): Promise<string | null> {
  if (PLAIN.test(version)) return version
  return (await semver()).valid(version)
}

/** `semver.gte(version, min)` for valid versions. */
export async function versionAtLeast(version: string, min: string): Promise<boolean> {
  const a = PLAIN.exec(version)
  const b = PLAIN.exec(min)
  if (a && b) {
    for (let i = 1; i <= 3; i++) {
      const d = Number(a[i]) - Number(b[i])
      if (d !== 0) return d > 0
    }
    return true
  }
  return (await semver()).gte(version, min)
}
