/**
 * `redactDeepForJson` skips walking an element of a long array when its JSON text holds no
 * secret and no JWT, and hands that text to the report writer. Each test here attacks that
 * shortcut: a secret hidden where the text might not show it (deep in an element, escaped by
 * JSON, beside a surrogate), and the written file must still equal the redacted report.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { clearSecrets, REDACTED, redactDeepForJson, registerSecret } from '../../src/redact.js'
import { jsonPieces, LONG_ARRAY } from '../../src/report/write.js'

const b64url = (s: string) => Buffer.from(s).toString('base64url')
const jwt = `${b64url('{"alg":"RS256"}')}.${b64url('{"sub":"repo:octo/app"}')}.${b64url('sig')}`
const TOKEN = 'ghs_0123456789abcdefABCDEF'

afterEach(() => clearSecrets())

/** A report shaped like Shipgate's: a long list of findings, an upgrade list, shallow fields. */
function report(count = 300) {
  return {
    reason: 'ok',
    warnings: [] as string[],
    images: [
      {
        image: 'ghcr.io/acme/api:pr',
        findings: Array.from({ length: count }, (_, i) => ({
          finding: {
            id: `CVE-2024-${1000 + i}`,
            title: `Title ${i}`,
            url: `https://avd.aquasec.com/nvd/cve-2024-${1000 + i}`,
            layer: { diffId: `sha256:${String(i).padStart(64, '0')}`, fromBase: null },
          },
        })),
        fixFirst: {
          upgrades: Array.from({ length: count }, (_, i) => ({
            pkgName: `p${i}`,
            ids: [`CVE-${i}`],
          })),
        },
      },
    ],
  }
}

/** What the writer would put in the file, given the texts. */
const written = (value: unknown, texts: ReadonlyMap<object, string>) =>
  jsonPieces(value, texts).join('')

describe('redactDeepForJson', () => {
  it('keeps the text of every clean element, and the file is what JSON.stringify writes', () => {
    registerSecret(TOKEN)
    const r = report()
    const { value, texts } = redactDeepForJson(r, LONG_ARRAY)
    expect(value).toBe(r)
    const findings = r.images[0]?.findings ?? []
    // Every finding and upgrade of the long lists, nothing of the short ones.
    expect(texts.size).toBe(600)
    expect(texts.get(findings[7] as object)).toBe(JSON.stringify(findings[7]))
    expect(written(r, texts)).toBe(JSON.stringify(r))
  })

  it('redacts a token deep inside an element, a JWT, and a token in a long list of strings', () => {
    registerSecret(TOKEN)
    const r = report()
    const findings = r.images[0]?.findings ?? []
    ;(findings[3] as { finding: { layer: { diffId: string } } }).finding.layer.diffId = `x${TOKEN}y`
    ;(findings[200] as { finding: { url: string } }).finding.url = `https://x/?t=${jwt}`
    r.warnings = Array.from({ length: 300 }, (_, i) => (i === 299 ? `leak ${TOKEN}` : `w${i}`))
    r.reason = `Not signed: ${jwt}`
    const { texts } = redactDeepForJson(r, LONG_ARRAY)
    const text = JSON.stringify(r)
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain('eyJ')
    expect(findings[3]?.finding.layer.diffId).toBe(`x${REDACTED}y`)
    expect(findings[200]?.finding.url).toBe(`https://x/?t=${REDACTED}`)
    expect(r.warnings[299]).toBe(`leak ${REDACTED}`)
    // The redacted elements were not kept as their unredacted text.
    expect(texts.has(findings[3] as object)).toBe(false)
    expect(texts.has(findings[200] as object)).toBe(false)
    expect(written(r, texts)).toBe(text)
  })

  it('finds a secret that JSON escapes, the trimmed form of one too', () => {
    // `"` and `\` read as `\"` and `\\` in the text: the raw secret is not in it.
    registerSecret('p@ss "word"\\x')
    registerSecret('  q"uote\\d  ')
    const r = report()
    const findings = r.images[0]?.findings ?? []
    ;(findings[10] as { finding: { title: string } }).finding.title = 'a p@ss "word"\\x b'
    ;(findings[11] as { finding: { title: string } }).finding.title = 'aq"uote\\db'
    const { texts } = redactDeepForJson(r, LONG_ARRAY)
    expect(findings[10]?.finding.title).toBe(`a ${REDACTED} b`)
    expect(findings[11]?.finding.title).toBe(`a${REDACTED}b`)
    expect(texts.has(findings[10] as object)).toBe(false)
    expect(written(r, texts)).toBe(JSON.stringify(r))
  })

  it('walks everything when a secret holds a surrogate, whose JSON form depends on its neighbour', () => {
    // Alone, the high surrogate is escaped (\ud83d); beside its low half it is written as is,
    // so the escaped form would not be found in the text of the string that holds it.
    const secret = 'tok\uD83D'
    registerSecret(secret)
    const r = report()
    const findings = r.images[0]?.findings ?? []
    ;(findings[5] as { finding: { title: string } }).finding.title = `x ${secret}\uDE00 y`
    expect(JSON.stringify(findings[5])).not.toContain(JSON.stringify(secret).slice(1, -1))
    const { texts } = redactDeepForJson(r, LONG_ARRAY)
    expect(findings[5]?.finding.title).toBe(`x ${REDACTED}\uDE00 y`)
    expect(texts.size).toBe(0)
    expect(written(r, texts)).toBe(JSON.stringify(r))
  })

  it('refuses a cycle inside a long list, as redactDeep does', () => {
    registerSecret(TOKEN)
    const r = report()
    const looped: Record<string, unknown> = { text: 'a' }
    looped.self = looped
    ;(r.images[0]?.findings as unknown[])[4] = looped
    expect(() => redactDeepForJson(r, LONG_ARRAY)).toThrow(/deeper than/)
  })

  it('with nothing registered, still cuts out JWTs and keeps the clean texts', () => {
    const r = report()
    const findings = r.images[0]?.findings ?? []
    ;(findings[9] as { finding: { title: string } }).finding.title = jwt
    const { texts } = redactDeepForJson(r, LONG_ARRAY)
    expect(findings[9]?.finding.title).toBe(REDACTED)
    expect(texts.size).toBe(599)
    expect(written(r, texts)).toBe(JSON.stringify(r))
  })
})
