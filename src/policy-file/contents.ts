/**
 * Reading a file at a commit through the GitHub contents API: how a central policy is fetched
 * (pinned to a SHA) and how, on a pull request, the policy of the base branch is read rather than
 * the pull request's own checkout.
 */
import { Octokit } from '@octokit/core'
import { retry } from '@octokit/plugin-retry'
import { timedFetch } from '../github/fetch.js'
import { DEFAULT_API_URL } from '../github/octokit.js'

export interface ContentsReader {
  /** The file's text at `ref`, or `undefined` when there is no such file (404). Other failures throw. */
  readFile(owner: string, repo: string, path: string, ref: string): Promise<string | undefined>
  /**
   * Can this token read the repository at `ref`? A 404 for a file is only "no such file" when it
   * can: without `contents: read` on a private repository GitHub answers 404 too.
   */
  canRead(owner: string, repo: string, ref: string): Promise<boolean>
}

export class ContentsError extends Error {
  override name = 'ContentsError'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const RetryingOctokit = Octokit.plugin(retry)
const TIMEOUT_MS = 30_000
/** The policy parser refuses anything larger anyway; do not hold more than this in memory. */
const MAX_BYTES = 1024 * 1024

export function octokitContentsReader(opts: {
  token: string
  apiUrl?: string
  timeoutMs?: number
  retries?: number
}): ContentsReader {
  const timeoutMs = opts.timeoutMs ?? TIMEOUT_MS
  const octokit = new RetryingOctokit({
    auth: opts.token || undefined,
    baseUrl: (opts.apiUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: 'shipgate',
    request: { fetch: timedFetch(timeoutMs), retries: opts.retries },
    retry: opts.retries === undefined ? undefined : { retries: opts.retries },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  })
  return {
    async canRead(owner, repo, ref) {
      try {
        await octokit.request(
          `GET /repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/commits/${encodeURIComponent(ref)}`,
          { headers: { accept: 'application/vnd.github.sha' } },
        )
        return true
      } catch (error) {
        const status = (error as { status?: number }).status
        if (status === 404 || status === 403 || status === 422) return false
        throw new ContentsError(
          status ?? 0,
          `could not check access to ${owner}/${repo}@${ref} through the GitHub API (${status ?? 'no answer'}).`,
        )
      }
    },
    async readFile(owner, repo, path, ref) {
      const encoded = path.split('/').map(encodeURIComponent).join('/')
      const what = `${owner}/${repo}/${path}@${ref}`
      try {
        const res = await octokit.request(
          `GET /repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/contents/${encoded}`,
          { ref, headers: { accept: 'application/vnd.github.raw+json' } },
        )
        const data = asText(res.data)
        if (data === undefined) {
          throw new ContentsError(200, `${what} is not a file (a directory or submodule?).`)
        }
        if (data.length > MAX_BYTES) throw new ContentsError(200, `${what} is larger than 1 MiB.`)
        return data
      } catch (error) {
        if (error instanceof ContentsError) throw error
        const e = error as {
          status?: number
          message?: string
          response?: { data?: { message?: string } }
        }
        if (e.status === 404) return undefined
        const detail = e.response?.data?.message ?? e.message ?? String(error)
        throw new ContentsError(
          e.status ?? 0,
          `could not read ${what} through the GitHub API (${e.status ?? 'no answer'}: ${detail.split('\n')[0]}). The token needs contents: read on ${owner}/${repo}.`,
        )
      }
    },
  }
}

/** Octokit hands a raw body over as text, or as bytes when GitHub names no charset. */
function asText(data: unknown): string | undefined {
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const bytes =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      throw new ContentsError(200, 'the file is not UTF-8 text.')
    }
  }
  return undefined
}
