/**
 * One image's SARIF, ready for code scanning: Trivy converts the report (`trivy convert`), and
 * this module makes the one run code scanning keeps apart and can rank:
 * - `automationDetails.id` is the image's category (see sarif-category.ts), so uploads for
 *   several images or matrix legs never replace each other's alerts;
 * - every rule carries `security-severity` and every result a `level`, computed the way Trivy
 *   computes them (CVSS v3 score of the severity source, else 9.5/8.0/5.5/2.0/0.0) from the
 *   report the gate judged, so code scanning ranks a finding as the verdict did;
 * - every rule has help that names the fixed version;
 * - with a Dockerfile, vulnerabilities point at its final `FROM` line, which code scanning can
 *   show in the repository; without one, at the image, as Trivy writes it.
 */
import type { TrivyReport } from '../../scanners/trivy/schema.js'
import type { Severity } from '../model.js'
import { code, escapeInline } from '../render/markdown.js'

interface SarifRule {
  id: string
  [key: string]: unknown
}
interface SarifResult {
  ruleId?: string
  ruleIndex?: number
  [key: string]: unknown
}
interface SarifRun {
  tool: { driver: { rules?: SarifRule[]; [key: string]: unknown } }
  results?: SarifResult[]
  [key: string]: unknown
}
export interface SarifLog {
  version: string
  $schema?: string
  runs: SarifRun[]
}

export function isSarifLog(value: unknown): value is SarifLog {
  const v = value as SarifLog
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.version === 'string' &&
    Array.isArray(v.runs) &&
    v.runs.every((r) => typeof r?.tool?.driver === 'object' && r.tool.driver !== null)
  )
}

/** The runs of `logs` as one run (rules deduplicated, indexes rewritten). */
export function mergeSarif(logs: SarifLog[]): SarifLog {
  const first = logs[0]
  if (!first) throw new Error('mergeSarif needs at least one SARIF document')
  const runs = logs.flatMap((l) => l.runs)
  const base = runs[0]
  if (!base) return { ...first, runs: [] }
  const rules: SarifRule[] = []
  const index = new Map<string, number>()
  const results: SarifResult[] = []
  for (const run of runs) {
    const own = run.tool.driver.rules ?? []
    for (const result of run.results ?? []) {
      const rule =
        result.ruleId ?? (result.ruleIndex !== undefined ? own[result.ruleIndex]?.id : undefined)
      if (rule === undefined) {
        results.push(result)
        continue
      }
      if (!index.has(rule)) {
        index.set(rule, rules.length)
        rules.push(own.find((r) => r.id === rule) ?? { id: rule })
      }
      results.push({ ...result, ruleId: rule, ruleIndex: index.get(rule) })
    }
  }
  const merged: SarifRun = {
    ...base,
    tool: { ...base.tool, driver: { ...base.tool.driver, rules } },
    results,
  }
  return { ...first, runs: [merged] }
}

/** What the report says about one rule (a vulnerability ID, secret rule or check). */
export interface RuleFacts {
  kind: 'vulnerability' | 'secret' | 'misconfiguration'
  /** The highest severity of its findings: what the gate judged. */
  severity: Severity
  /** `security-severity`: a CVSS-like score as text, e.g. "9.8". */
  score: string
  /** Package, installed and fixed version of each finding (vulnerabilities). */
  packages: { name: string; installed: string; fixed?: string }[]
  url?: string
  title?: string
}

const RANK: Record<Severity, number> = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1, UNKNOWN: 0 }

/** Trivy's own mapping when no CVSS v3 score is known (pkg/report/sarif.go, severityToScore). */
const SEVERITY_NUMBER: Record<Severity, number> = {
  CRITICAL: 9.5,
  HIGH: 8,
  MEDIUM: 5.5,
  LOW: 2,
  UNKNOWN: 0,
}

/** Trivy's `toSarifErrorLevel`. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return RANK[severity] >= 3 ? 'error' : severity === 'MEDIUM' ? 'warning' : 'note'
}

/** The CVSS v3 score of the source that set the severity, else Trivy's severity mapping. */
export function securitySeverity(
  severity: Severity,
  cvss?: Record<string, { V3Score?: number }>,
  source?: string,
): string {
  return scoreOf(severity, cvss, source).toFixed(1)
}

/** `securitySeverity` as a number, before its text is made. */
function scoreOf(
  severity: Severity,
  cvss?: Record<string, { V3Score?: number }>,
  source?: string,
): number {
  const v3 = source ? cvss?.[source]?.V3Score : undefined
  return typeof v3 === 'number' && Number.isFinite(v3) && v3 > 0 && v3 <= 10
    ? v3
    : SEVERITY_NUMBER[severity]
}

/** Facts per rule ID over every finding of the report. */
export function ruleFactsOf(report: TrivyReport): Map<string, RuleFacts> {
  const facts = new Map<string, RuleFacts>()
  // Each rule's score as a number while its findings fold in, its text made once at the end: a
  // text per finding and two Number() per comparison were most of this function (20,000
  // findings: 44–54 ms warm; issue 13). The text of the highest number is the highest text,
  // toFixed never decreasing.
  const scores = new Map<RuleFacts, number>()
  const add = (
    id: string,
    kind: RuleFacts['kind'],
    severity: Severity,
    score: number,
    url: string | undefined,
    title: string | undefined,
    pkg?: RuleFacts['packages'][0],
  ) => {
    const had = facts.get(id)
    if (!had) {
      const created: RuleFacts = {
        kind,
        severity,
        score: '',
        ...(url ? { url } : {}),
        ...(title ? { title } : {}),
        packages: pkg ? [pkg] : [],
      }
      facts.set(id, created)
      scores.set(created, score)
      return
    }
    // The rule ranks as its worst finding: code scanning shows one severity per rule.
    const rank = RANK[severity]
    if (
      rank > RANK[had.severity] ||
      (rank === RANK[had.severity] && score > (scores.get(had) as number))
    ) {
      had.severity = severity
      scores.set(had, score)
    }
    had.url ??= url
    had.title ??= title
    if (pkg) had.packages.push(pkg)
  }
  for (const result of report.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) {
      add(
        v.VulnerabilityID,
        'vulnerability',
        v.Severity,
        scoreOf(v.Severity, v.CVSS, v.SeveritySource),
        v.PrimaryURL || undefined,
        v.Title || undefined,
        v.FixedVersion
          ? { name: v.PkgName, installed: v.InstalledVersion, fixed: v.FixedVersion }
          : { name: v.PkgName, installed: v.InstalledVersion },
      )
    }
    for (const s of result.Secrets ?? []) {
      add(
        s.RuleID,
        'secret',
        s.Severity,
        SEVERITY_NUMBER[s.Severity],
        undefined,
        s.Title || undefined,
      )
    }
    for (const m of result.Misconfigurations ?? []) {
      const id = m.ID ?? m.AVDID
      if (!id) continue
      add(
        id,
        'misconfiguration',
        m.Severity,
        SEVERITY_NUMBER[m.Severity],
        m.PrimaryURL || undefined,
        m.Title || undefined,
      )
    }
  }
  for (const [rule, score] of scores) rule.score = score.toFixed(1)
  return facts
}

/** A place in the repository code scanning can show: the Dockerfile's final `FROM`. */
export interface SarifSourceLocation {
  /** Relative to the repository root, `/`-separated, as code scanning resolves it. */
  path: string
  line: number
}

export interface ShapeOptions {
  category: string
  image: string
  platform?: string
  facts: Map<string, RuleFacts>
  location?: SarifSourceLocation
}

/** A relative path or name as a valid URI reference: each segment percent-encoded. */
export function uriOf(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/')
}

/** A URI that is not one (a hostile image name, `%` alone) is encoded as a path. */
function validUri(uri: string): string {
  if (!/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.test(uri) && !/%(?![0-9A-Fa-f]{2})/.test(uri)) {
    return uri
  }
  return uriOf(uri)
}

/**
 * One run with its category, severities, help and the location code scanning can show. The
 * results of `log` are shaped in place, not copied: the derivation parses Trivy's SARIF for
 * this alone (20,000 results: a copy of each was a fifth of the shaping; issue 13).
 */
export function shapeSarif(log: SarifLog, opts: ShapeOptions): SarifLog {
  const merged = log.runs.length === 1 ? log : mergeSarif([log])
  const run = merged.runs[0]
  if (!run) throw new Error('trivy convert wrote SARIF without a run.')
  const rules = (run.tool.driver.rules ?? []).map((rule) =>
    shapeRule(rule, opts.facts.get(rule.id)),
  )
  const results = (run.results ?? []).map((result) => {
    const id =
      result.ruleId ?? (result.ruleIndex !== undefined ? rules[result.ruleIndex]?.id : undefined)
    return shapeResult(result, id ? opts.facts.get(id) : undefined, opts)
  })
  const properties = {
    ...(run.properties as Record<string, unknown> | undefined),
    ...(opts.platform ? { platform: opts.platform } : {}),
  }
  return {
    version: merged.version,
    ...(merged.$schema ? { $schema: merged.$schema } : {}),
    runs: [
      {
        ...run,
        tool: { ...run.tool, driver: { ...run.tool.driver, rules } },
        results,
        automationDetails: { id: opts.category },
        properties,
      },
    ],
  }
}

function shapeRule(rule: SarifRule, facts: RuleFacts | undefined): SarifRule {
  if (!facts) return rule
  const props = (rule.properties as Record<string, unknown> | undefined) ?? {}
  const tags = Array.isArray(props.tags) ? (props.tags as unknown[]).map(String) : [facts.kind]
  for (const tag of ['security', facts.severity]) if (!tags.includes(tag)) tags.push(tag)
  const help = rule.help as { text?: string } | undefined
  const fixedInHelp = typeof help?.text === 'string' && /Fixed Version:/.test(help.text)
  return {
    ...rule,
    defaultConfiguration: {
      ...(rule.defaultConfiguration as object | undefined),
      level: sarifLevel(facts.severity),
    },
    ...(facts.kind === 'vulnerability' && !fixedInHelp ? { help: helpOf(rule.id, facts) } : {}),
    properties: { ...props, tags, 'security-severity': facts.score },
  }
}

/** Help in Trivy's words, for a rule whose help does not say which version fixes it. */
function helpOf(id: string, facts: RuleFacts): { text: string; markdown: string } {
  const fixed = (p: RuleFacts['packages'][0]) => p.fixed ?? 'no fix available'
  const text = [
    `Vulnerability ${id}`,
    `Severity: ${facts.severity}`,
    ...facts.packages.map((p) => `Package: ${p.name} ${p.installed}\nFixed Version: ${fixed(p)}`),
    ...(facts.url ? [`Link: ${facts.url}`] : []),
  ].join('\n')
  const rows = facts.packages.map(
    (p) =>
      `|${facts.severity}|${code(p.name)}|${code(p.installed)}|${p.fixed ? code(p.fixed) : 'no fix available'}|`,
  )
  const markdown = [
    `**Vulnerability ${escapeInline(id)}**`,
    '| Severity | Package | Installed Version | Fixed Version |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(facts.title ? ['', escapeInline(facts.title, 300)] : []),
  ].join('\n')
  return { text, markdown }
}

/** Adds a result's level and shapes its locations, in place: a key already there keeps its place. */
function shapeResult(
  result: SarifResult,
  facts: RuleFacts | undefined,
  opts: ShapeOptions,
): SarifResult {
  const level = result.level ?? (facts ? sarifLevel(facts.severity) : undefined)
  const locations = (result.locations as Record<string, unknown>[] | undefined) ?? []
  if (level) result.level = level
  result.locations =
    opts.location && facts?.kind === 'vulnerability'
      ? [dockerfileLocation(opts.location, locations[0], opts.image)]
      : locations.map(withValidUri)
  return result
}

/** The final `FROM` line; the image and package stay in the location's message. */
function dockerfileLocation(
  where: SarifSourceLocation,
  original: Record<string, unknown> | undefined,
  image: string,
): Record<string, unknown> {
  const message = (original?.message as { text?: string } | undefined)?.text ?? image
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(where.path) },
      region: { startLine: where.line, startColumn: 1, endLine: where.line, endColumn: 1 },
    },
    message: { text: message },
  }
}

function withValidUri(location: Record<string, unknown>): Record<string, unknown> {
  const physical = location.physicalLocation as
    | { artifactLocation?: { uri?: unknown; [k: string]: unknown }; [k: string]: unknown }
    | undefined
  const uri = physical?.artifactLocation?.uri
  if (typeof uri !== 'string') return location
  const valid = validUri(uri)
  if (valid === uri) return location
  return {
    ...location,
    physicalLocation: {
      ...physical,
      artifactLocation: { ...physical?.artifactLocation, uri: valid },
    },
  }
}
