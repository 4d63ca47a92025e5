/**
 * Fork pull requests: GitHub never gives a `pull_request` run from a fork an OIDC token (nor
 * secrets), so keyless signing cannot happen there by design. Shipgate then scans, gates and
 * comments as usual and reports signing as skipped, instead of failing a contributor's PR.
 */

interface PullRequestPayload {
  pull_request?: {
    head?: { repo?: { full_name?: string } | null }
    base?: { repo?: { full_name?: string } | null }
  }
  repository?: { full_name?: string }
}

export interface ForkPullRequest {
  head: string
  base: string
}

/**
 * The fork a `pull_request` run comes from, or undefined for any other run. Only `pull_request`
 * (not `pull_request_target`, which runs in the base repository with its permissions). A head
 * repository that was deleted (`repo: null`) still counts as a fork: it cannot be the base.
 */
export function forkPullRequest(
  eventName: string | undefined,
  payload: PullRequestPayload | undefined,
): ForkPullRequest | undefined {
  if (eventName !== 'pull_request' || !payload?.pull_request) return undefined
  const base = payload.pull_request.base?.repo?.full_name ?? payload.repository?.full_name
  if (!base) return undefined
  const head = payload.pull_request.head?.repo?.full_name ?? '(deleted fork)'
  return head.toLowerCase() === base.toLowerCase() ? undefined : { head, base }
}

export function forkSkipReason(fork: ForkPullRequest): string {
  return (
    `Signing skipped: this pull request comes from the fork ${fork.head}, and GitHub gives runs for ` +
    `fork pull requests no OIDC token ('id-token: write' is withheld by design), so nothing was signed. ` +
    `The scan, the gate and the comment ran as usual; images are signed when the change reaches ` +
    `${fork.base} (push or release).`
  )
}
