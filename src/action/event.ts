/**
 * The workflow event (name, payload, repository) the way @actions/github's `context` reads it,
 * without loading @actions/github: importing it loads Octokit, undici and TLS, which a run that
 * posts nothing does not need (issue 13). The payload is read once, on first use.
 */
import { existsSync, readFileSync } from 'node:fs'

export interface WorkflowEvent {
  /** Typed `string` as @actions/github types it; outside a workflow it is undefined. */
  eventName: string
  payload: Record<string, unknown>
}

let cached: WorkflowEvent | undefined

/** `GITHUB_EVENT_NAME` and the JSON at `GITHUB_EVENT_PATH` (`{}` when there is none). */
export function workflowEvent(): WorkflowEvent {
  if (cached) return cached
  let payload: Record<string, unknown> = {}
  const path = process.env.GITHUB_EVENT_PATH
  if (path) {
    if (existsSync(path)) payload = JSON.parse(readFileSync(path, 'utf8'))
    // As @actions/github says it, so the log reads the same.
    else process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist\n`)
  }
  cached = { eventName: process.env.GITHUB_EVENT_NAME as string, payload }
  return cached
}

/** The repository the run belongs to: `GITHUB_REPOSITORY`, else the payload's (as `context.repo`). */
export function workflowRepo(): { owner: string; repo: string } {
  const full = process.env.GITHUB_REPOSITORY
  if (full) {
    const [owner = '', repo = ''] = full.split('/')
    return { owner, repo }
  }
  const repository = workflowEvent().payload.repository as
    | { owner?: { login?: string }; name?: string }
    | undefined
  if (repository) return { owner: repository.owner?.login ?? '', repo: repository.name ?? '' }
  throw new Error(
    "context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'",
  )
}
