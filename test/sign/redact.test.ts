import { afterEach, describe, expect, it } from 'vitest'
import { clearSecrets, REDACTED, redact, redactDeep, registerSecret } from '../../src/redact.js'
import { forkPullRequest } from '../../src/sign/fork.js'

const b64url = (s: string) => Buffer.from(s).toString('base64url')
const jwt = `${b64url('{"alg":"RS256","typ":"JWT"}')}.${b64url('{"sub":"repo:octo-org/app"}')}.${b64url('sig-bytes-here')}`

afterEach(() => clearSecrets())

describe('redact', () => {
  it('cuts out JWT-shaped strings, signed or alg:none, wherever they sit in the text', () => {
    const unsigned = `${jwt.split('.').slice(0, 2).join('.')}.`
    const text = `(400) invalid identity token ${jwt}: token rejected; retry with "${unsigned}" or Bearer%20${jwt}`
    const out = redact(text)
    expect(out).not.toContain('eyJ')
    expect(out).toBe(
      `(400) invalid identity token ${REDACTED}: token rejected; retry with "${REDACTED}" or Bearer%20${REDACTED}`,
    )
  })

  it('skips only strings too short to hold anything: the shortest secret and JWT are still cut', () => {
    // The shortest JWT_SHAPE match is 9 characters; strings below the shortest secret or JWT
    // are returned at once (issue 13), so the bounds themselves are what must still be cut.
    expect(redact('eyJab.cd.')).toBe(REDACTED)
    expect(redact('eyJab.cd')).toBe('eyJab.cd')
    registerSecret('abcd')
    expect(redact('abcd')).toBe(REDACTED)
    expect(redact('xabcd')).toBe(`x${REDACTED}`)
    expect(redact('abc')).toBe('abc')
    expect(redactDeep({ a: ['abcd', 'eyJab.cd.', 'ok'] })).toEqual({
      a: [REDACTED, REDACTED, 'ok'],
    })
    clearSecrets()
    expect(redact('abcd')).toBe('abcd')
  })

  it('leaves ordinary text alone: digests, URLs, base64 signatures', () => {
    const text =
      'pushed ghcr.io/octo-org/app@sha256:0123abcd to https://rekor.sigstore.dev/api/v1/log/entries?logIndex=12 sig MEUCIQD9+/x='
    expect(redact(text)).toBe(text)
  })

  it('cuts out registered secrets and their JSON, percent and base64 encodings', () => {
    registerSecret('p@ss "word"/x')
    const text = [
      'raw p@ss "word"/x',
      `json ${JSON.stringify({ password: 'p@ss "word"/x' })}`,
      `url ${encodeURIComponent('p@ss "word"/x')}`,
      `b64 ${Buffer.from('p@ss "word"/x').toString('base64')}`,
    ].join('\n')
    const out = redact(text)
    for (const leak of ['p@ss', 'p%40ss', 'cEBzcyAid29yZCIveA']) expect(out).not.toContain(leak)
    expect(out.match(/\[REDACTED\]/g)).toHaveLength(4)
  })

  it('does not register values too short to be told apart from ordinary words', () => {
    registerSecret('ab')
    registerSecret('   ')
    registerSecret(undefined)
    expect(redact('about a tab')).toBe('about a tab')
  })

  it('redactDeep scrubs every string of a report in place', () => {
    registerSecret('ghs_secret_token')
    const report = {
      reason: `Not signed: ${jwt}`,
      warnings: ['x ghs_secret_token y'],
      images: [{ signing: { reference: 'ok' }, n: 3 }],
    }
    expect(redactDeep(report)).toBe(report)
    expect(report).toEqual({
      reason: `Not signed: ${REDACTED}`,
      warnings: [`x ${REDACTED} y`],
      images: [{ signing: { reference: 'ok' }, n: 3 }],
    })
  })

  it('redactDeep scrubs an object reached twice in both places, and refuses a cycle', () => {
    registerSecret('ghs_secret_token')
    const shared = { text: 'ghs_secret_token' }
    const report = { findings: [shared], fixFirst: [shared], other: { text: 'a ghs_secret_token' } }
    redactDeep(report)
    expect(JSON.stringify(report)).not.toContain('ghs_secret_token')
    const cyclic: Record<string, unknown> = { text: 'ghs_secret_token' }
    cyclic.self = cyclic
    // A cycle has no JSON form; walking it forever, or stopping short, would be worse.
    expect(() => redactDeep(cyclic)).toThrow(/deeper than/)
  })
})

describe('forkPullRequest', () => {
  const pr = (head: string | null, base = 'octo-org/app') => ({
    pull_request: {
      head: { repo: head === null ? null : { full_name: head } },
      base: { repo: { full_name: base } },
    },
  })
  it('is a fork only for pull_request events whose head repository is not the base', () => {
    expect(forkPullRequest('pull_request', pr('mallory/app'))).toEqual({
      head: 'mallory/app',
      base: 'octo-org/app',
    })
    expect(forkPullRequest('pull_request', pr('octo-org/app'))).toBeUndefined()
    expect(forkPullRequest('pull_request', pr('Octo-Org/App'))).toBeUndefined()
    // pull_request_target runs in the base repository with its permissions: not skipped.
    expect(forkPullRequest('pull_request_target', pr('mallory/app'))).toBeUndefined()
    expect(forkPullRequest('push', pr('mallory/app'))).toBeUndefined()
    expect(forkPullRequest('pull_request', {})).toBeUndefined()
    // A deleted fork still is not the base repository.
    expect(forkPullRequest('pull_request', pr(null))?.head).toBe('(deleted fork)')
  })
})
