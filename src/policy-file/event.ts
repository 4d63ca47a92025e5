/**
 * Which commit's policy applies: on pull requests the base commit, from the event payload. Pure.
 */
import type { PullRequestContext } from './load.js'

/** Events whose checkout holds code the pull request's author controls. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])
const SHA = /^[0-9a-f]{40}$/
const NAME = /^[A-Za-z0-9._-]+$/

export class PolicyEventError extends Error {
  override name = 'PolicyEventError'
}

/**
 * The base repository and commit of a pull_request(_target) event, or undefined for other events.
 * A pull-request event without a usable base is an error: falling back to the checkout would let
 * the pull request choose its own gate.
 */
export function pullRequestContext(
  eventName: string | undefined,
  payload: unknown,
): PullRequestContext | undefined {
  if (!eventName || !PULL_REQUEST_EVENTS.has(eventName)) return undefined
  const pr = (
    payload as { pull_request?: { base?: { sha?: unknown; repo?: { full_name?: unknown } } } }
  )?.pull_request
  const sha = pr?.base?.sha
  const fullName = pr?.base?.repo?.full_name
  const [owner, repo, ...rest] = typeof fullName === 'string' ? fullName.split('/') : []
  if (
    typeof sha !== 'string' ||
    !SHA.test(sha) ||
    !owner ||
    !repo ||
    rest.length ||
    !NAME.test(owner) ||
    !NAME.test(repo)
  ) {
    throw new PolicyEventError(
      `The ${eventName} event payload has no base commit (pull_request.base.sha and base.repo.full_name), so the base branch's policy cannot be read. Shipgate does not fall back to the pull request's own policy file.`,
    )
  }
  return { owner, repo, baseSha: sha }
}
