/**
 * Fetching a VEX document named by URL, once, so the bytes Shipgate hashes are the bytes Trivy
 * reads (Trivy is handed the saved file, never the URL). https only, every redirect included;
 * redirects followed by hand and bounded; the body bounded while it streams, whatever
 * Content-Length claims; no credentials sent anywhere.
 */

/** Larger than any VEX document a team writes by hand; Trivy caps OCI VEX at 20 MiB. */
export const MAX_VEX_BYTES = 8 * 1024 * 1024
export const MAX_REDIRECTS = 5
const TIMEOUT_MS = 30_000

export class VexFetchError extends Error {
  override name = 'VexFetchError'
}

export interface FetchOptions {
  maxBytes?: number
  maxRedirects?: number
  timeoutMs?: number
  /** Tests inject a fetch; the default is the global one (undici). */
  fetch?: typeof fetch
}

/** `https://host/path` without query or fragment: what a message may show of a URL. */
export function shownUrl(url: string | URL): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname}`
  } catch {
    return String(url).slice(0, 100)
  }
}

export async function fetchVexDocument(
  url: string,
  opts: FetchOptions = {},
): Promise<{ bytes: Uint8Array; finalUrl: string }> {
  const maxBytes = opts.maxBytes ?? MAX_VEX_BYTES
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS
  const doFetch = opts.fetch ?? fetch
  const signal = AbortSignal.timeout(opts.timeoutMs ?? TIMEOUT_MS)
  let current = new URL(url)
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'https:') {
      throw new VexFetchError(
        hop === 0
          ? `${shownUrl(current)} is not https.`
          : `${shownUrl(url)} redirects to ${shownUrl(current)}, which is not https: refused (a VEX document read over plain HTTP could have been rewritten on the way).`,
      )
    }
    let res: Response
    try {
      res = await doFetch(current, {
        redirect: 'manual',
        signal,
        headers: { accept: 'application/json', 'user-agent': 'shipgate' },
      })
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      throw new VexFetchError(
        `could not fetch ${shownUrl(current)}: ${cause?.code ?? cause?.message ?? (error as Error).message}.`,
      )
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      await res.body?.cancel().catch(() => {})
      const location = res.headers.get('location')
      if (!location)
        throw new VexFetchError(`${shownUrl(current)} answered ${res.status} without a Location.`)
      if (hop >= maxRedirects) {
        throw new VexFetchError(`${shownUrl(url)} redirects more than ${maxRedirects} times.`)
      }
      current = new URL(location, current)
      continue
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => {})
      throw new VexFetchError(
        `${shownUrl(current)} answered ${res.status}; expected 200 and the document.`,
      )
    }
    const declared = Number(res.headers.get('content-length') ?? Number.NaN)
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => {})
      throw new VexFetchError(tooLarge(url, maxBytes))
    }
    return { bytes: await readBounded(res, maxBytes, url), finalUrl: current.href }
  }
}

function tooLarge(url: string, max: number): string {
  return `${shownUrl(url)} is larger than ${max / 1024 / 1024} MiB; a VEX document is far smaller. Check the URL.`
}

async function readBounded(res: Response, max: number, url: string): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = res.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > max) {
      await reader.cancel().catch(() => {})
      throw new VexFetchError(tooLarge(url, max))
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
