/**
 * One GitHub issue per watched image, found again by its hidden marker: opened when the image
 * fails, rewritten when its findings or digest change, closed with a comment when it passes.
 *
 * Only issues written by Shipgate's own account count (src/github/authorship.ts decides who
 * that is): anyone can open an issue carrying the marker, and Shipgate never edits, closes or
 * comments on it. Concurrent rescans can both see no issue and both open one; after opening,
 * the tracker lists again and keeps the oldest of its own issues for the image, closing the
 * newer one it opened as a duplicate: the run that opened the newer issue always sees the
 * older one, so concurrent runs converge on the oldest, and every later run closes leftovers.
 */
import type { OwnAuthor } from '../github/authorship.js'
import type { Logger } from '../logger.js'
import type { ShipgateReport } from '../model.js'
import type { IssuesApi, RepoIssue } from './github.js'
import {
  decodeState,
  encodeState,
  endsWithMarker,
  type IssueState,
  rescanMarker,
} from './marker.js'
import { closingComment, duplicateComment, issueBody, issueTitle } from './render.js'
import type { ImageOutcome } from './result.js'

export const LABEL = {
  name: 'shipgate',
  color: 'b60205',
  description: 'A shipped image fails Shipgate’s security policy (kept up to date by the rescan)',
}

export interface TrackerContext {
  api: IssuesApi
  own: OwnAuthor
  logger: Logger
  runUrl?: string
  scannedAt: string
  /** Open issues with the label, listed once per run and kept current by the tracker. */
  open: RepoIssue[]
}

/** Shipgate's own open issues for `key`, oldest first. */
export function ownIssues(
  open: RepoIssue[],
  key: string,
  own: OwnAuthor,
  logger: Logger,
): RepoIssue[] {
  const marker = rescanMarker(key)
  const ours: RepoIssue[] = []
  for (const issue of open) {
    if (!issue.body.includes(marker)) continue
    if (!own.accepts(issue.author)) {
      logger.debug(
        `Ignoring issue #${issue.number} by ${issue.author?.login ?? 'an unknown account'}: it carries the marker for ${key}, but Shipgate only owns issues by ${own.description}.`,
      )
    } else if (!endsWithMarker(issue.body, marker)) {
      logger.debug(`Ignoring issue #${issue.number}: the marker for ${key} is not its last line.`)
    } else ours.push(issue)
  }
  return ours.sort((a, b) => a.number - b.number)
}

/** The state of the oldest own issue, and how far it can be trusted. */
export function previousOf(issue: RepoIssue | undefined): {
  previous: ImageOutcome['previous']
  state?: IssueState
} {
  if (!issue) return { previous: 'none' }
  const state = decodeState(issue.body)
  if (!state) return { previous: 'unreadable' }
  return { previous: state.total > state.findings.length ? 'partial' : 'known', state }
}

/**
 * Whether the issue already records exactly this state. Compared as stored (the same budget
 * cuts the same findings), so an image with more findings than the record holds is not
 * rewritten on every run.
 */
function sameState(body: string, state: IssueState): boolean {
  const stored = encodeState(state)
  return body.split(/\r\n|\r|\n/).some((line) => line.trim() === stored)
}

async function closeDuplicates(ctx: TrackerContext, keep: RepoIssue, extra: RepoIssue[]) {
  const closed: number[] = []
  for (const dup of extra) {
    // Comment first: if closing fails, the next run still sees it open and retries.
    await ctx.api.addComment(dup.number, duplicateComment(keep.number))
    await ctx.api.updateIssue(dup.number, { state: 'closed', stateReason: 'not_planned' })
    ctx.open = ctx.open.filter((i) => i.number !== dup.number)
    closed.push(dup.number)
    ctx.logger.info(`Closed issue #${dup.number}: a duplicate of #${keep.number}.`)
  }
  return closed
}

/**
 * Bring the image's issue in line with its scan. `outcome` is updated in place (issue action,
 * number, URL); API errors propagate to the caller, which records the image as not updated.
 */
export async function syncIssue(
  ctx: TrackerContext,
  outcome: ImageOutcome,
  report: ShipgateReport,
  state: IssueState,
  existing: RepoIssue[],
): Promise<void> {
  const [keep, ...dups] = existing
  const closedDuplicates = keep ? await closeDuplicates(ctx, keep, dups) : []
  const body = () => issueBody(outcome, report, state, ctx)

  if (outcome.verdict === 'pass') {
    if (!keep) {
      outcome.issue = { action: 'none' }
      return
    }
    await ctx.api.addComment(keep.number, closingComment(outcome, ctx))
    await ctx.api.updateIssue(keep.number, { state: 'closed', stateReason: 'completed' })
    ctx.open = ctx.open.filter((i) => i.number !== keep.number)
    outcome.issue = { action: 'closed', number: keep.number, url: keep.url, closedDuplicates }
    return
  }

  if (keep) {
    if (sameState(keep.body, state)) {
      outcome.issue = { action: 'unchanged', number: keep.number, url: keep.url, closedDuplicates }
      return
    }
    const updated = await ctx.api.updateIssue(keep.number, {
      title: issueTitle(outcome.image),
      body: body(),
    })
    replace(ctx, updated)
    outcome.issue = { action: 'updated', number: keep.number, url: keep.url, closedDuplicates }
    return
  }

  const created = await ctx.api.createIssue({
    title: issueTitle(outcome.image),
    body: body(),
    labels: [LABEL.name],
  })
  ctx.logger.info(`Opened issue #${created.number} for ${outcome.image}.`)
  // A concurrent rescan may have opened one too: list again, keep the oldest, close the rest.
  const relisted = await ctx.api.listOpenIssues(LABEL.name)
  ctx.open = mergeListing(relisted, created)
  const ours = ownIssues(ctx.open, outcome.key, ctx.own, ctx.logger)
  const oldest = ours[0] ?? created
  // Only our own new issue is ours to close here: a newer one from another run is closed by
  // that run (it sees ours, created first), or by the next run if it died, never twice.
  const closed =
    oldest.number === created.number ? [] : await closeDuplicates(ctx, oldest, [created])
  if (oldest.number === created.number) {
    outcome.issue = {
      action: 'opened',
      number: created.number,
      url: created.url,
      closedDuplicates: closed,
    }
    return
  }
  // Ours was the newer one: the older issue carries the image from now on, with this scan.
  if (!sameState(oldest.body, state)) {
    replace(
      ctx,
      await ctx.api.updateIssue(oldest.number, { title: issueTitle(outcome.image), body: body() }),
    )
    outcome.issue = {
      action: 'updated',
      number: oldest.number,
      url: oldest.url,
      closedDuplicates: closed,
    }
  } else {
    outcome.issue = {
      action: 'unchanged',
      number: oldest.number,
      url: oldest.url,
      closedDuplicates: closed,
    }
  }
}

function replace(ctx: TrackerContext, issue: RepoIssue) {
  ctx.open = ctx.open.map((i) => (i.number === issue.number ? { ...i, ...issue } : i))
}

/** The listing may lag a creation by a moment: the issue just created is always in it. */
function mergeListing(listed: RepoIssue[], created: RepoIssue): RepoIssue[] {
  return listed.some((i) => i.number === created.number) ? listed : [...listed, created]
}
