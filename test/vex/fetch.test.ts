/**
 * A VEX document named by URL is fetched once, https only (every hop), redirects bounded, the body
 * bounded while it streams. A hostile server answers through an injected fetch: each Response is
 * what undici would hand over for that answer.
 */
import { describe, expect, it } from 'vitest'
import { fetchVexDocument, VexFetchError } from '../../src/vex/fetch.js'

type Answer = (url: URL) => Response

function server(answer: Answer) {
  const asked: string[] = []
  const fetch = (async (input: URL | string, init?: RequestInit) => {
    expect(init?.redirect).toBe('manual')
    const url = new URL(String(input))
    asked.push(url.href)
    return answer(url)
  }) as typeof globalThis.fetch
  return { fetch, asked }
}

const redirect = (location: string, status = 302) =>
  new Response(null, { status, headers: { location } })

describe('fetchVexDocument', () => {
  it('follows https redirects and returns the bytes of the final answer', async () => {
    const s = server((url) =>
      url.pathname === '/a' ? redirect('/b') : new Response('{"@context":"x"}'),
    )
    const { bytes, finalUrl } = await fetchVexDocument('https://vex.example/a', { fetch: s.fetch })
    expect(Buffer.from(bytes).toString()).toBe('{"@context":"x"}')
    expect(finalUrl).toBe('https://vex.example/b')
    expect(s.asked).toEqual(['https://vex.example/a', 'https://vex.example/b'])
  })

  it('refuses a redirect to plain http, without asking the http URL', async () => {
    const s = server((url) =>
      url.protocol === 'https:'
        ? redirect('http://vex.example/doc.json?token=abc')
        : new Response('{}'),
    )
    const error = await fetchVexDocument('https://vex.example/doc.json', { fetch: s.fetch }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(VexFetchError)
    expect((error as Error).message).toBe(
      'https://vex.example/doc.json redirects to http://vex.example/doc.json, which is not https: refused (a VEX document read over plain HTTP could have been rewritten on the way).',
    )
    expect(s.asked).toEqual(['https://vex.example/doc.json'])
  })

  it('stops after 5 redirects', async () => {
    let n = 0
    const s = server(() => redirect(`/r${++n}`))
    await expect(fetchVexDocument('https://vex.example/r0', { fetch: s.fetch })).rejects.toThrow(
      'https://vex.example/r0 redirects more than 5 times.',
    )
    expect(s.asked).toHaveLength(6)
  })

  it('refuses a body whose Content-Length is over the limit, without reading it', async () => {
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++
        c.enqueue(new Uint8Array(1024))
      },
    })
    const s = server(
      () => new Response(body, { headers: { 'content-length': String(10 * 1024 * 1024 * 1024) } }),
    )
    await expect(
      fetchVexDocument('https://vex.example/huge.json', { fetch: s.fetch }),
    ).rejects.toThrow(/huge\.json is larger than 8 MiB/)
    expect(pulled).toBeLessThanOrEqual(1)
  })

  it('stops reading an endless body without Content-Length at the limit', async () => {
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += 64 * 1024
        c.enqueue(new Uint8Array(64 * 1024))
      },
    })
    const s = server(() => new Response(body))
    await expect(
      fetchVexDocument('https://vex.example/endless', { fetch: s.fetch, maxBytes: 1024 * 1024 }),
    ).rejects.toThrow(/endless is larger than 1 MiB/)
    expect(sent).toBeLessThan(2 * 1024 * 1024)
  })

  it('an answer other than 200 is an error naming the status, never an empty document', async () => {
    const s = server(() => new Response('nope', { status: 404 }))
    await expect(
      fetchVexDocument('https://vex.example/x.json', { fetch: s.fetch }),
    ).rejects.toThrow('https://vex.example/x.json answered 404; expected 200 and the document.')
  })

  it('the query (which may hold a token) never reaches a message', async () => {
    const s = server(() => new Response('x', { status: 500 }))
    const error = (await fetchVexDocument('https://vex.example/x.json?sig=SECRET', {
      fetch: s.fetch,
    }).catch((e: unknown) => e)) as Error
    expect(error.message).not.toContain('SECRET')
  })
})
