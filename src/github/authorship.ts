/**
 * Which comments are Shipgate's own. The marker alone proves nothing: it is predictable (it
 * carries the image reference) and anyone who can comment on the pull request can post it
 * first. Shipgate would then edit that person's comment (which they can later edit to say
 * "passed") or delete it. So a comment is ours only when its author is the account Shipgate
 * writes as, decided in this order:
 *
 * 1. `expectedAuthor`, when given (a GitHub App's `my-app[bot]`, a machine user): exactly
 *    that login.
 * 2. Otherwise the token's own user from `GET /user`: personal access tokens and machine users.
 * 3. Otherwise the token is a GitHub App installation token (GitHub answers 403 to `GET /user`).
 *    In a workflow that is the GITHUB_TOKEN, which writes as `github-actions[bot]`, so only
 *    that login with type `Bot` counts. People cannot register a login containing `[bot]`, so
 *    nobody can pose as it by commenting. A custom App's token writes as `<app>[bot]`, which
 *    this rule does not accept: Shipgate then posts a new comment instead of touching another
 *    account's, and says which login to pass as `expectedAuthor` (see `checkOwnComment`).
 *
 * What remains: any workflow of the same repository that uses GITHUB_TOKEN also writes as
 * `github-actions[bot]`; if one of them posted text an attacker chose, ending with the marker,
 * it would pass. A dedicated App or machine user with `expectedAuthor` closes that too.
 *
 * Logins compare case-insensitively, as GitHub's do. A comment without an author (a deleted
 * account) is never ours.
 */
import type { Logger } from '../logger.js'
import type { CommentAuthor, PullRequestCommenter } from './commenter.js'

/** The account the workflow's GITHUB_TOKEN writes as, on github.com and GHES alike. */
export const ACTIONS_BOT: CommentAuthor = { login: 'github-actions[bot]', type: 'Bot' }

export interface OwnAuthor {
  /** Whether a comment by `author` was written by Shipgate's token. */
  accepts(author: CommentAuthor | undefined): boolean
  /** For logs: who counts as us and why. */
  readonly description: string
}

export async function resolveOwnAuthor(
  expectedAuthor: string | undefined,
  github: Pick<PullRequestCommenter, 'authenticatedUser'>,
  logger: Logger,
): Promise<OwnAuthor> {
  const expected = expectedAuthor?.trim()
  if (expected) return byLogin(expected, undefined, `\`${expected}\` (expectedAuthor)`)
  const user = github.authenticatedUser ? await github.authenticatedUser() : undefined
  const own = user
    ? byLogin(user.login, undefined, `\`${user.login}\` (the token's user)`)
    : byLogin(
        ACTIONS_BOT.login,
        ACTIONS_BOT.type,
        `\`${ACTIONS_BOT.login}\` (the token is a GitHub App installation token)`,
      )
  logger.debug(`Shipgate's own comments are those by ${own.description}.`)
  return own
}

function byLogin(login: string, type: string | undefined, description: string): OwnAuthor {
  const wanted = login.toLowerCase()
  return {
    description,
    accepts: (author) =>
      author !== undefined &&
      author.login.toLowerCase() === wanted &&
      (type === undefined || author.type === type),
  }
}

/**
 * After posting: if GitHub names an author the rule above would not accept (a custom App's
 * installation token, a mistyped `expectedAuthor`), the next run could not find this comment
 * and would post another. Say which login to pass instead.
 */
export function checkOwnComment(
  author: CommentAuthor | undefined,
  own: OwnAuthor,
  logger: Logger,
): void {
  if (!author || own.accepts(author)) return
  logger.warning(
    `The pull-request comment was posted as \`${author.login}\`, but Shipgate only treats comments by ${own.description} as its own, so the next run will post a new comment instead of updating this one. Set \`comment-author: ${author.login}\` (expectedAuthor) to let it update this comment.`,
  )
}
