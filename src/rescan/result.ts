/**
 * What a rescan measured and did, per watched image: the `--format json` output of
 * `shipgate rescan`, the `report` file of `mode: rescan`, and what the summary renders.
 */
import type { SeverityCounts } from '../model.js'

export const RESCAN_FAIL = ['never', 'new', 'any'] as const
/** When the step fails on policy: never, only on findings new since the last scan, or on any. */
export type RescanFail = (typeof RESCAN_FAIL)[number]

/** A blocking finding named in "new since" / "fixed since" lines. */
export interface NamedFinding {
  id: string
  pkg?: string
  severity?: string
}

/** What happened to the image's issue. */
export type IssueAction =
  /** A new issue was opened (the image fails and had none). */
  | 'opened'
  /** The open issue was rewritten: findings or digest changed. */
  | 'updated'
  /** The open issue already says this. */
  | 'unchanged'
  /** The image passes again: the issue was closed with a comment. */
  | 'closed'
  /** The image passes and has no open issue. */
  | 'none'
  /** Not touched: the scan did not complete, or GitHub refused (see `notUpdated`). */
  | 'not-updated'
  /** No GitHub in this run (the CLI). */
  | 'offline'

export interface ImageOutcome {
  /** The watched reference, canonical (`docker.io/library/nginx:latest`). */
  image: string
  /** The key of the issue marker (reference, plus the platform when one is set). */
  key: string
  /** The digest scanned; absent when it could not be resolved. */
  digest?: string
  /** How the digest was found: as given, or the tag's current digest. */
  via?: 'pinned' | 'tag'
  /** `error`: not measured (could not resolve or scan): never a pass. */
  verdict: 'pass' | 'fail' | 'error'
  reason: string
  /** Findings left after policy, by severity (absent without a scan). */
  counts?: SeverityCounts
  /** Findings at or above the threshold. */
  blocking: number
  /**
   * What the previous issue recorded: `none` (no open issue), `known`, `partial` (it could
   * not record every finding), `unreadable` (its hidden state was missing or edited). New
   * findings are exact only for `known`; otherwise any finding not recorded counts as new.
   */
  previous: 'none' | 'known' | 'partial' | 'unreadable'
  /** Blocking findings the previous issue did not record (all of them for a first report). */
  newSince: NamedFinding[]
  /** Blocking findings the previous issue recorded that are gone. */
  fixedSince: NamedFinding[]
  /** Fixed findings whose names the previous issue could not keep (space). */
  fixedUnnamed: number
  issue: { action: IssueAction; number?: number; url?: string; closedDuplicates?: number[] }
  /** Why the issue was not updated, when it was not. */
  notUpdated?: string
  /** The scan's own report file, when one was written. */
  reportPath?: string
  /** Operational failures: resolving, scanning. */
  errors: string[]
}

export interface RescanResult {
  schema: 'shipgate.rescan/v1'
  createdAt: string
  failOn: string
  rescanFail: RescanFail
  /** `fail` when any watched image fails the policy or could not be scanned. */
  verdict: 'pass' | 'fail'
  /** Whether the step fails: by `rescanFail`, and always when something was not measured or not updated. */
  failed: boolean
  reason: string
  images: ImageOutcome[]
  /** Images whose issue is not up to date, with why. */
  notUpdated: { image: string; reason: string }[]
  warnings: string[]
}
