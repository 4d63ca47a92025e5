/**
 * The policy's part of the job summary, the pull-request comment and the JSON report: which file
 * decided (and its SHA-256), what a pull request would change in its own gate, and the exceptions
 * that expire soon or have expired. Every value from a file is escaped: a pull request writes it.
 */
import { code, escapeInline } from '../render/markdown.js'
import type { KeyChange } from './compare.js'
import type { ExceptionEntry } from './exceptions.js'
import type { PolicyLoad } from './load.js'

/** What the JSON report records about the policy. */
export interface PolicyReport {
  /** The file named by `policy` (or the default), then what it extends, central first. */
  source: string
  chain: string[]
  sha256: string
  /** The effective policy, normalised (what the SHA-256 is over). */
  effective: Record<string, unknown>
  locked: string[]
  /** warn-expiry-days: exceptions expiring within it are listed. */
  warnExpiryDays?: number
  exceptions: {
    expiring: { id: string; expires: string; daysLeft: number; reason: string; source: string }[]
    expired: { id: string; expires: string; reason: string; source: string }[]
  }
  /** On a pull request that edits the policy: what the edit would do once merged (not applied now). */
  pullRequestChange?: {
    file: string
    summary: string
    loosens: KeyChange[]
    tightens: KeyChange[]
    other: KeyChange[]
    error?: string
  }
}

function brief(e: ExceptionEntry) {
  return { id: e.id, expires: e.expires, reason: e.reason, source: e.source }
}

export function policyReport(load: PolicyLoad): PolicyReport | undefined {
  const { policy, change } = load
  if (!policy && !change) return undefined
  return {
    source: policy?.source.file ?? '(none)',
    chain: policy?.chain.map((s) => s.file) ?? [],
    sha256: policy?.sha256 ?? '',
    effective: policy?.document ?? {},
    locked: policy ? [...policy.locks.keys()] : [],
    ...(policy ? { warnExpiryDays: policy.warnExpiryDays } : {}),
    exceptions: {
      expiring:
        policy?.exceptions.expiring.map((e) => ({ ...brief(e), daysLeft: e.daysLeft })) ?? [],
      expired: policy?.exceptions.expired.map(brief) ?? [],
    },
    ...(change
      ? {
          pullRequestChange: {
            file: change.headFile,
            summary: change.diff.summary,
            loosens: change.diff.loosens,
            tightens: change.diff.tightens,
            other: change.diff.other,
            ...(change.headError ? { error: change.headError } : {}),
          },
        }
      : {}),
  }
}

const ARROW = { loosens: '🔓 loosens', tightens: '🔒 tightens', changes: '✏️ changes', same: '' }

function changeRow(c: KeyChange): string {
  return `- ${ARROW[c.direction]} ${code(c.key)}: ${escapeInline(c.detail, 400)}`
}

/**
 * Markdown for the summary and the comment: a pull request's change to its own policy, and which
 * policy decided. Exceptions near or past their date are listed by the report's ignore hygiene
 * (they are ignore rules there, with file:line and reason). Empty without a policy.
 */
export function renderPolicyMarkdown(report: PolicyReport | undefined): string {
  if (!report) return ''
  const out: string[] = []
  const change = report.pullRequestChange
  if (change) {
    out.push(
      `**This pull request changes the policy (${code(change.file)}).** The base branch's policy applies to this run; the new one applies only after merge.`,
    )
    if (change.error)
      out.push(`> ⚠️ After merge it would not load: ${escapeInline(change.error, 600)}`)
    const rows = [...change.loosens, ...change.tightens, ...change.other].map(changeRow)
    if (rows.length) out.push(rows.join('\n'))
  }
  if (report.sha256) {
    const chain =
      report.chain.length > 1
        ? ` (extends ${report.chain
            .slice(0, -1)
            .map((f) => code(f))
            .join(' → ')})`
        : ''
    out.push(
      `<sub>Policy ${code(report.source)}${chain}, SHA-256 ${code(report.sha256.slice(0, 16))}…</sub>`,
    )
  }
  return out.join('\n\n')
}
