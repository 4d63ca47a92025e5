/**
 * One image from the analyses of its platforms (issue 11 §1). Each platform of an index is
 * analysed once, by digest; the image is judged on the union of what they found, and every
 * finding says on which platforms it was found, so a reviewer sees "arm64 only" at a glance.
 */
import {
  exactIdentity,
  findingsOf,
  type SuppressionSources,
  toImageScan,
} from '../../scanners/trivy/normalize.js'
import type { TrivyReport, TrivyResult } from '../../scanners/trivy/schema.js'
import type { ImageScan } from '../model.js'

/** One platform's analysis, as Trivy wrote it for `repo@sha256:child`. */
export interface PlatformScanned {
  platform: string
  /** The platform image's manifest digest (what Trivy was asked to pull). */
  digest: string
  /** The reference Trivy scanned: `repo@sha256:child`. */
  ref: string
  report: TrivyReport
  trivyJson: string
  /** The VEX files Shipgate handed Trivy for this platform (pipeline.ts). */
  suppressions?: SuppressionSources
}

/** `ghcr.io/acme/api:1` → `ghcr.io/acme/api` */
export function repositoryOf(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/:]+$/, '')
}

/**
 * The child's report as if it were the image's: Trivy names OS results after what it pulled
 * (`repo@sha256:child (debian 12.5)`); under the image's name, the same package on two
 * platforms is one finding with one identity.
 */
export function relabel(report: TrivyReport, ref: string, image: string): TrivyReport {
  const rename = (target: string) =>
    target.startsWith(ref) ? image + target.slice(ref.length) : target
  return {
    ...report,
    ArtifactName: image,
    Results: report.Results?.map((r) => ({ ...r, Target: rename(r.Target) })),
  }
}

function uniqueBy<T>(items: T[], id: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = id(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/**
 * The union of the platforms' reports: results with the same target are merged, each
 * vulnerability, secret, misconfiguration and package listed once. Converted like any report
 * (SARIF, SBOM), it holds everything any platform has.
 */
export function mergeReports(
  image: string,
  indexDigest: string,
  reports: TrivyReport[],
): TrivyReport {
  const groups = new Map<string, TrivyResult[]>()
  for (const report of reports) {
    for (const r of report.Results ?? []) {
      const k = [r.Target, r.Class ?? '', r.Type ?? ''].join('\u0000')
      groups.set(k, [...(groups.get(k) ?? []), r])
    }
  }
  const results: TrivyResult[] = [...groups.values()].map((rs) => {
    const first = rs[0] as TrivyResult
    const all = <K extends keyof TrivyResult>(key: K) =>
      rs.flatMap((r) => (r[key] as unknown[] | undefined) ?? [])
    const merged: TrivyResult = { ...first }
    if (rs.some((r) => r.Vulnerabilities)) {
      merged.Vulnerabilities = uniqueBy(
        all('Vulnerabilities') as NonNullable<TrivyResult['Vulnerabilities']>,
        (v) =>
          [
            v.PkgID ?? `${v.PkgName}@${v.InstalledVersion}`,
            v.PkgPath ?? '',
            v.VulnerabilityID,
          ].join('\u0000'),
      )
    }
    if (rs.some((r) => r.Secrets)) {
      merged.Secrets = uniqueBy(all('Secrets') as NonNullable<TrivyResult['Secrets']>, (s) =>
        JSON.stringify([s.RuleID, s.StartLine, s.Match]),
      )
    }
    if (rs.some((r) => r.Misconfigurations)) {
      merged.Misconfigurations = uniqueBy(
        all('Misconfigurations') as NonNullable<TrivyResult['Misconfigurations']>,
        (m) => JSON.stringify([m.ID ?? m.AVDID, m.CauseMetadata?.StartLine, m.Status]),
      )
    }
    if (rs.some((r) => r.ExperimentalModifiedFindings)) {
      // What VEX set aside on any platform stays visible for the image (once per finding).
      merged.ExperimentalModifiedFindings = uniqueBy(
        all('ExperimentalModifiedFindings') as NonNullable<
          TrivyResult['ExperimentalModifiedFindings']
        >,
        (m) => {
          const f = (m.Finding ?? {}) as Record<string, unknown>
          return JSON.stringify([
            m.Type,
            m.Status,
            m.Source,
            f.VulnerabilityID ?? f.RuleID ?? f.ID ?? f.AVDID ?? f.Name,
            f.PkgID ?? f.PkgName,
            f.PkgPath ?? '',
            f.InstalledVersion ?? '',
          ])
        },
      )
    }
    if (rs.some((r) => r.Packages)) {
      merged.Packages = uniqueBy(all('Packages') as NonNullable<TrivyResult['Packages']>, (p) =>
        JSON.stringify([p.ID ?? `${p.Name}@${p.Version}`, p.FilePath ?? '']),
      )
    }
    return merged
  })
  const first = reports[0] as TrivyReport
  return {
    ...first,
    ArtifactName: image,
    Metadata: {
      ...first.Metadata,
      RepoDigests: [`${repositoryOf(image)}@${indexDigest}`],
      RepoTags: image.includes('@') ? [] : [image],
    },
    Results: results,
  }
}

/**
 * The image's scan: the merged report's findings, each with the platforms it was found on.
 * `reports` are already relabelled to the image's name.
 */
export function mergedScan(
  image: string,
  indexDigest: string,
  platforms: { platform: string; report: TrivyReport }[],
  mergedReport: TrivyReport,
  trivyJson: string,
  suppressions?: SuppressionSources,
): ImageScan {
  const scan = toImageScan(mergedReport, {
    image,
    artifacts: { trivyJson },
    ...(suppressions ? { suppressions } : {}),
  })
  scan.digest = indexDigest
  const on = new Map<string, string[]>()
  for (const p of platforms) {
    for (const f of findingsOf(p.report)) {
      const id = exactIdentity(f)
      on.set(id, [...(on.get(id) ?? []), p.platform])
    }
  }
  for (const f of scan.findings) f.platforms = [...new Set(on.get(exactIdentity(f)) ?? [])]
  return scan
}
