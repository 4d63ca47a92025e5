/**
 * The small port the comment publisher needs from GitHub. The Octokit adapter
 * (octokit.ts) implements it against the REST API; the core never imports Octokit.
 */

export interface IssueComment {
  id: number
  body: string
  /** The comment's web address (`html_url`). */
  url?: string
}

/** One pull request's conversation (issue comments). */
export interface PullRequestCommenter {
  /** Every comment, page by page, oldest first. */
  listComments(): AsyncIterable<IssueComment[]>
  createComment(body: string): Promise<IssueComment>
  updateComment(id: number, body: string): Promise<IssueComment>
  deleteComment(id: number): Promise<void>
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
