/**
 * The small port the comment publisher needs from GitHub. The Octokit adapter
 * (octokit.ts) implements it against the REST API; the core never imports Octokit.
 */

/** A GitHub account as the REST API names it (`user.login`, `user.type`). */
export interface CommentAuthor {
  login: string
  /** `User`, `Bot` (GitHub Apps, github-actions[bot]) or `Organization`. */
  type: string
}

export interface IssueComment {
  id: number
  body: string
  /** The comment's web address (`html_url`). */
  url?: string
  /**
   * Who wrote it (`user`). Absent when GitHub has none (a deleted account shows as
   * `user: null`): such a comment is never treated as Shipgate's.
   */
  author?: CommentAuthor
}

/** One pull request's conversation (issue comments). */
export interface PullRequestCommenter {
  /** Every comment, page by page, oldest first. */
  listComments(): AsyncIterable<IssueComment[]>
  createComment(body: string): Promise<IssueComment>
  updateComment(id: number, body: string): Promise<IssueComment>
  deleteComment(id: number): Promise<void>
  /**
   * The token's own account (`GET /user`): a person or machine user for a personal access
   * token. `undefined` when the token belongs to a GitHub App installation (the workflow's
   * GITHUB_TOKEN), which has no user: GitHub answers 403 there. Other failures throw.
   * Optional: without it the publisher assumes an installation token.
   */
  authenticatedUser?(): Promise<CommentAuthor | undefined>
}

/** A failed GitHub API call, with what GitHub said. Adapters throw this. */
export class GitHubApiError extends Error {
  constructor(
    /** HTTP status; 0 when GitHub could not be reached at all. */
    readonly status: number,
    message: string,
    readonly request: string,
    readonly documentationUrl?: string,
  ) {
    super(message)
    this.name = 'GitHubApiError'
  }
}
