/**
 * Helpers for rescan tests: Trivy reports that change between runs (built from a real Trivy
 * report in test/fixtures, with the vulnerabilities a test names), the issues API pointed at
 * FakeIssues with test-sized waits, and engine dependencies using the stand-in trivy.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../../src/logger.js'
import type { FailOn } from '../../src/model.js'
import type { RegistryClient } from '../../src/registry/client.js'
import type { RescanDeps, RescanRequest } from '../../src/rescan/engine.js'
import { createIssuesApi, type IssuesApi } from '../../src/rescan/github.js'
import type { RescanFail } from '../../src/rescan/result.js'
import { watchList } from '../../src/rescan/targets.js'
import { fixturePath } from '../support/fixtures.js'
import type { FakeIssues } from '../support/github/fake-issues.js'
import { STAND_IN, standIn } from '../support/trivy-stand-in/index.js'

export interface Vuln {
  id: string
  pkg: string
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN'
  title?: string
}

/** A Trivy report for `image` listing exactly `vulns`, shaped like the alpine-310 fixture. */
export function trivyReport(image: string, vulns: Vuln[], digest?: string): string {
  const base = JSON.parse(readFileSync(fixturePath('alpine-310.json.golden'), 'utf8'))
  const template = base.Results[0].Vulnerabilities[0]
  base.ArtifactName = image
  const repo = image.replace(/@.*$/, '').replace(/:[^/:]+$/, '')
  base.Metadata.RepoTags = []
  base.Metadata.RepoDigests = digest ? [`${repo}@${digest}`] : []
  base.Results[0].Vulnerabilities = vulns.map((v) => ({
    ...template,
    VulnerabilityID: v.id,
    PkgName: v.pkg,
    PkgID: `${v.pkg}@1.0`,
    PkgIdentifier: { PURL: `pkg:apk/alpine/${v.pkg}@1.0` },
    InstalledVersion: '1.0',
    FixedVersion: '1.1',
    Severity: v.severity,
    Title: v.title ?? `${v.id} in ${v.pkg}`,
    PrimaryURL: `https://avd.aquasec.com/nvd/${v.id.toLowerCase()}`,
  }))
  const file = join(mkdtempSync(join(tmpdir(), 'rescan-report-')), 'trivy.json')
  writeFileSync(file, JSON.stringify(base))
  return file
}

export const digestOf = (c: string) => `sha256:${c.repeat(64).slice(0, 64)}`

const requireFromPlugin = createRequire(
  createRequire(import.meta.url).resolve('@octokit/plugin-throttling'),
)
const Bottleneck = requireFromPlugin('bottleneck/light.js') as {
  Group: new (options: { maxConcurrent?: number; minTime?: number }) => unknown
}

export function issuesApiFor(fake: FakeIssues, logger: Logger, token = fake.token): IssuesApi {
  const group = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
  return createIssuesApi({
    token,
    apiUrl: fake.url,
    owner: fake.owner,
    repo: fake.repo,
    logger,
    timeoutMs: 5_000,
    retry: { retryAfterBaseValue: 5 },
    // biome-ignore lint/suspicious/noExplicitAny: Bottleneck's Group type is not exported by the plugin
    throttle: { retryAfterBaseValue: 20, write: group() as any, notifications: group() as any },
  })
}

/** Engine inputs for images pinned by digest, scanned by the stand-in replaying `reports`. */
export function rescanSetup(
  reports: Record<string, string>,
  images: string[],
  opts: { failOn?: FailOn; rescanFail?: RescanFail; secrets?: string[] } = {},
): { req: RescanRequest; deps: Omit<RescanDeps, 'logger' | 'github'>; calls: () => string[][] } {
  const trivy = standIn(reports)
  return {
    req: {
      images: watchList(images, undefined),
      failOn: opts.failOn ?? 'HIGH',
      ignoreUnfixed: false,
      scanners: ['vuln'],
      timeout: '1m',
      concurrency: 2,
      outputDir: mkdtempSync(join(tmpdir(), 'rescan-out-')),
      rescanFail: opts.rescanFail ?? 'any',
    },
    deps: {
      trivy: async () => ({
        path: STAND_IN,
        skipDbUpdate: true,
        env: { ...process.env, ...trivy.env },
      }),
      now: () => new Date('2026-11-30T01:00:00Z'),
      version: 'test',
      // Images are pinned by digest: the registry only answers the platform listing (issue 11
      // §1), each a single-platform image; anything else it is asked is a test error.
      registry: () =>
        ({
          platforms: async (ref: { digest?: string }) => ({
            kind: 'image',
            digest: ref.digest ?? '',
          }),
        }) as unknown as RegistryClient,
      secrets: opts.secrets ?? [],
    },
    calls: () => trivy.calls(),
  }
}
