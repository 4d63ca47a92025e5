/**
 * The fetch Shipgate's GitHub clients hand to Octokit: minipass-fetch, npm's Fetch API over
 * `node:http`, already in the tree as make-fetch-happen's (through @sigstore/sign), rather than
 * Node's global `fetch`.
 *
 * Why (issue 13): the first global `fetch` of a process loads Node's internal undici and its
 * web streams, 80–100 ms on this machine, paid by every run that posts a pull-request comment;
 * minipass-fetch's first request takes ~20 ms. Octokit uses the part of the Fetch API both
 * implement (status, url, iterable headers, text, arrayBuffer, an AbortSignal).
 *
 * Redirects are followed here, not by minipass-fetch: it keeps the token on a redirect to the
 * same host name, so another port or plain HTTP on that host would receive it. Here, as in the
 * Fetch standard, a redirect to another origin drops the credentials
 * (test/github/fetch.test.ts).
 */
import minipassFetch from 'minipass-fetch'

interface FetchResponse {
  status: number
  headers: { get(name: string): string | null }
  body?: { resume?: () => void }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
/** As the Fetch standard's limit. */
const MAX_REDIRECTS = 20
/** Sent only to the origin they were given for. */
const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization'])
/** What describes a request body, dropped with the body when a redirect turns it into a GET. */
const BODY_HEADERS = new Set([
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
  'content-length',
])

/** Headers as a plain object with lower-case names (no global `Headers`: it loads undici). */
function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {}
  if (!headers) return out
  const entries =
    Symbol.iterator in Object(headers)
      ? [...(headers as Iterable<[string, string]>)]
      : Object.entries(headers as Record<string, string>)
  for (const [name, value] of entries) out[name.toLowerCase()] = String(value)
  return out
}

const without = (headers: Record<string, string>, names: Set<string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !names.has(name)))

/** `fetch` for Octokit with a timeout per attempt, so a hung connection cannot hold the job. */
export function timedFetch(timeoutMs: number): typeof fetch {
  const timed = async (input: string | URL | Request, init: RequestInit = {}) => {
    const signal = init.signal ?? AbortSignal.timeout(timeoutMs)
    const first = new URL(String(input))
    let url = first
    let method = (init.method ?? 'GET').toUpperCase()
    let body = init.body
    let headers = headerRecord(init.headers)
    for (let hops = 0; ; hops++) {
      const res = (await minipassFetch(url.href, {
        ...init,
        method,
        body,
        headers,
        signal,
        redirect: 'manual',
      })) as FetchResponse
      const location = REDIRECT_STATUSES.has(res.status) ? res.headers.get('location') : null
      if (location === null || init.redirect === 'manual') return res
      // The redirect's own body is not read: drain it so its connection is freed.
      res.body?.resume?.()
      if (init.redirect === 'error') {
        throw new TypeError(`${first.href} redirected to ${location}, and redirects were refused`)
      }
      if (hops >= MAX_REDIRECTS) {
        throw new TypeError(`${first.href}: more than ${MAX_REDIRECTS} redirects; stopped`)
      }
      let next: URL
      try {
        next = new URL(location, url)
      } catch {
        throw new TypeError(`${url.href} redirected to ${JSON.stringify(location)}, not a URL`)
      }
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new TypeError(
          `${url.href} redirected to a ${next.protocol} URL; only HTTP(S) is followed`,
        )
      }
      if (next.origin !== url.origin) headers = without(headers, CREDENTIALS)
      if (
        (res.status === 303 && method !== 'HEAD') ||
        ((res.status === 301 || res.status === 302) && method === 'POST')
      ) {
        method = 'GET'
        body = undefined
        headers = without(headers, BODY_HEADERS)
      }
      url = next
    }
  }
  return timed as unknown as typeof fetch
}
