/**
 * `github-attestations: true` (issue 10 §5): the signed bundles also go to the repository's
 * attestations API, `POST /repos/{owner}/{repo}/attestations` with `{bundle}` (what
 * @actions/attest `writeAttestation` sends; docs.github.com REST "Create an attestation": 201
 * with the id, 403, 422), so `gh attestation verify oci://IMAGE --owner OWNER` finds them
 * without `--bundle-from-oci`. An extra, never a reason to fail the step: the API does not
 * exist on GitHub Enterprise Server ("Artifact attestations are NOT supported on GitHub
 * Enterprise Server", actions/attest README), so there and on any refusal it warns once and
 * stops, and the outputs list exactly what GitHub stored.
 */
import { type Bundle, bundleToJSON } from '@sigstore/bundle'
import type { Logger } from '../logger.js'

/** The bundle's JSON form (bundleToJSON), as the API's `bundle` body parameter. */
export type SerializedBundleJson = ReturnType<typeof bundleToJSON>

/** What Shipgate needs from GitHub: one call. */
export interface AttestationsApi {
  /** Resolves with GitHub's id; rejects with `{status}` (0 when GitHub was not reached). */
  create(bundle: SerializedBundleJson): Promise<{ id?: number }>
}

export interface GitHubTarget {
  token: string
  /** GITHUB_API_URL */
  apiUrl?: string
  /** GITHUB_SERVER_URL: where the attestation pages live, and how GHES is recognised. */
  serverUrl?: string
  /** GITHUB_REPOSITORY, `owner/repo` */
  repository?: string
}

export interface PostedAttestation {
  digest: string
  predicateType: string
  id: number | null
  /** The attestation's page, as actions/attest prints it. */
  url: string | null
}

/** github.com and GitHub Enterprise Cloud with data residency (`*.ghe.com`) have the API. */
export function attestationsApiUnavailable(target: GitHubTarget): string | undefined {
  if (!target.token) return "no GitHub token ('github-token' is empty)"
  if (!/^[^/\s]+\/[^/\s]+$/.test(target.repository ?? ''))
    return 'GITHUB_REPOSITORY is not set (not running in GitHub Actions)'
  let host: string
  try {
    host = new URL(target.serverUrl || 'https://github.com').hostname
  } catch {
    return `GITHUB_SERVER_URL ${JSON.stringify(target.serverUrl)} is not a URL`
  }
  if (host === 'github.com' || host.endsWith('.ghe.com')) return undefined
  return `${host} is GitHub Enterprise Server, which has no artifact attestations API`
}

function statusOf(error: unknown): number {
  const e = error as { status?: unknown; response?: unknown }
  return typeof e.status === 'number' && e.response ? e.status : 0
}

function messageOf(error: unknown): string {
  const e = error as { message?: string; response?: { data?: { message?: string } } }
  return e.response?.data?.message ?? e.message ?? String(error)
}

/**
 * Posts bundles one by one. 404 (no such API: GHES, or a proxy without it), 403 (missing
 * `attestations: write`), 401, 5xx after the client's retries, or no answer: one warning and
 * nothing more is posted in this job. 422 (GitHub refused that bundle): a warning, the next
 * bundle is still tried.
 */
export class GitHubAttestations {
  readonly posted: PostedAttestation[] = []
  private stopped: string | undefined

  constructor(
    private readonly api: AttestationsApi | undefined,
    private readonly target: GitHubTarget,
    private readonly logger: Logger,
    private readonly warn: (message: string) => void,
    unavailable?: string,
  ) {
    if (unavailable) this.stop(`GitHub attestations not posted: ${unavailable}.`)
  }

  private stop(message: string): void {
    if (this.stopped) return
    this.stopped = message
    this.warn(
      `${message} The signatures in the registry are unaffected; 'gh attestation verify --bundle-from-oci' reads them there.`,
    )
  }

  async publish(
    digest: string,
    bundles: { predicateType: string; bundle: Bundle }[],
  ): Promise<void> {
    for (const { predicateType, bundle } of bundles) {
      if (this.stopped || !this.api) return
      try {
        const { id } = await this.api.create(bundleToJSON(bundle))
        const server = (this.target.serverUrl || 'https://github.com').replace(/\/+$/, '')
        this.posted.push({
          digest,
          predicateType,
          id: typeof id === 'number' ? id : null,
          url:
            typeof id === 'number'
              ? `${server}/${this.target.repository}/attestations/${id}`
              : null,
        })
        this.logger.info(
          `Posted the ${predicateType} bundle of ${digest} to GitHub's attestations API${typeof id === 'number' ? ` (id ${id})` : ''}`,
        )
      } catch (error) {
        const status = statusOf(error)
        const why = messageOf(error)
        if (status === 422) {
          this.warn(
            `GitHub refused the ${predicateType} attestation of ${digest} (422: ${why}); the other bundles are still posted.`,
          )
          continue
        }
        const hint =
          status === 404
            ? "the attestations API does not exist here (GitHub Enterprise Server?) or the token cannot see the repository; remove 'github-attestations' on this instance"
            : status === 403 || status === 401
              ? "the token may not write attestations: add 'permissions: attestations: write' to the job"
              : status >= 500
                ? 'GitHub kept failing after retries; re-run to post them'
                : 'GitHub could not be reached'
        this.stop(
          `GitHub attestations: posting stopped after ${this.posted.length} bundle(s) (${status || 'no answer'}: ${why}): ${hint}.`,
        )
      }
    }
  }
}

/** The Octokit client behind AttestationsApi (createShipgateOctokit: retries, throttling, timeout). */
export async function octokitAttestationsApi(
  target: GitHubTarget,
  logger: Logger,
  tuning: { retry?: { retries?: number; retryAfterBaseValue?: number } } = {},
): Promise<AttestationsApi> {
  const { createShipgateOctokit } = await import('../github/octokit.js')
  const octokit = createShipgateOctokit({
    token: target.token,
    ...(target.apiUrl ? { apiUrl: target.apiUrl } : {}),
    logger,
    ...(tuning.retry ? { retry: tuning.retry } : {}),
  })
  const [owner, repo] = (target.repository ?? '').split('/') as [string, string]
  return {
    async create(bundle) {
      const res = await octokit.request('POST /repos/{owner}/{repo}/attestations', {
        owner,
        repo,
        bundle: bundle as {
          mediaType?: string
          verificationMaterial?: Record<string, unknown>
          dsseEnvelope?: Record<string, unknown>
        },
      })
      const data = (typeof res.data === 'string' ? JSON.parse(res.data) : res.data) as {
        id?: number
      }
      return { id: data?.id }
    },
  }
}
