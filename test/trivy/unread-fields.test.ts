/**
 * The members Shipgate never reads, cut from a Trivy report's bytes before the parse
 * (scanners/trivy/unread-fields.ts). Attacked first: keys inside strings, escapes, brackets in
 * URLs, neighbours cut together, broken text that must stay broken, and random damage.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cutUnreadFields } from '../../scanners/trivy/unread-fields.js'
import { fixturePath } from '../support/fixtures.js'

/**
 * `text` cut, from memory that starts on a 32-bit word (read four bytes at a time) and from
 * memory that does not (byte by byte): both must cut the same.
 */
const cutText = (text: string): string => {
  const length = Buffer.byteLength(text)
  const outs = [0, 1].map((offset) => {
    const memory = Buffer.alloc(length + 8)
    const bytes = memory.subarray(offset, offset + length)
    bytes.write(text)
    return bytes.toString('utf8', 0, cutUnreadFields(bytes, length))
  })
  expect(outs[1]).toBe(outs[0])
  return outs[0] as string
}

/** The value `text` parses to, without `Description`/`References` anywhere under `Results`. */
function expected(text: string): unknown {
  const value = JSON.parse(text)
  const strip = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(strip)
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      delete o.Description
      delete o.References
      for (const inner of Object.values(o)) strip(inner)
    }
  }
  if (value && typeof value === 'object' && 'Results' in value) strip(value.Results)
  return value
}

const parses = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

const report = (vulns: string) =>
  `{"SchemaVersion":2,"ArtifactName":"x","Results":[{"Target":"t","Vulnerabilities":[${vulns}]}]}`

describe('cutting the members Shipgate never reads', () => {
  const cases: Record<string, string> = {
    'first, middle and last members': report(
      '{"Description":"a","VulnerabilityID":"CVE-1","References":["u"],"PkgName":"p","Description":"b"}',
    ),
    'the only member': report('{"Description":"only"}'),
    'two neighbours first': report(
      '{"Description":"d","References":["r"],"VulnerabilityID":"CVE-1"}',
    ),
    'two neighbours last': report(
      '{"VulnerabilityID":"CVE-1","Description":"d","References":["r"]}',
    ),
    'both and nothing else': report('{"References":[],"Description":""}'),
    'pretty-printed, as Trivy writes it': JSON.stringify(
      JSON.parse(
        report(
          '{"VulnerabilityID":"CVE-1","Title":"t","Description":"d","Severity":"HIGH","References":["https://a","https://b"],"PublishedDate":"x"}',
        ),
      ),
      null,
      2,
    ),
    'escaped quotes and backslashes': report(
      String.raw`{"Description":"say \"hi\" \\","References":["a\"b","c\\","d\\\"e"],"VulnerabilityID":"CVE-1"}`,
    ),
    'a key spelled inside a string stays': report(
      String.raw`{"Title":"x, \"Description\": \"y\", {\"References\":[]}","VulnerabilityID":"CVE-1"}`,
    ),
    // Read four bytes at a time: an escape must count wherever it falls in a word.
    'escapes at every place in a word': report(
      `{"References":[${Array.from({ length: 12 }, (_, n) => `"${'a'.repeat(n)}\\"]\\\\\\"x"`).join(',')}],"VulnerabilityID":"CVE-1"}`,
    ),
    'brackets, commas and braces inside URLs': report(
      '{"References":["http://[::1]/a]","b,c}","]"],"VulnerabilityID":"CVE-1"}',
    ),
    'non-ASCII and unicode escapes': report(
      String.raw`{"Description":"“quoted” \u00e9 é","VulnerabilityID":"CVE-1","References":["ü"]}`,
    ),
    'misconfigurations and suppressed findings too': `{"Results":[{"Misconfigurations":[{"ID":"DS-1","Description":"d","References":["r"]}],"ExperimentalModifiedFindings":[{"Type":"vulnerability","Finding":{"VulnerabilityID":"CVE-1","Description":"d"}}]}]}`,
  }
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      expect(parses(text)).toBe(true)
      expect(JSON.parse(cutText(text))).toEqual(expected(text))
    })
  }

  it('leaves members of any other shape for the parse and the schema to judge', () => {
    const text = report(
      '{"Description":null,"References":"one","VulnerabilityID":"CVE-1"},{"Description":["a"],"References":[1,"b"]},{"References":[{"u":"x"}]},{"Description" : 7}',
    )
    expect(cutText(text)).toBe(text)
  })

  it('leaves whatever stands before Results (image labels named Description) as written', () => {
    const text = `{"Metadata":{"ImageConfig":{"config":{"Labels":{"Description":"mine","References":"x"}}}},${report('{"Description":"d"}').slice(1)}`
    const out = JSON.parse(cutText(text))
    expect(out.Metadata.ImageConfig.config.Labels).toEqual({ Description: 'mine', References: 'x' })
    expect(out.Results[0].Vulnerabilities[0]).toEqual({})
  })

  it('cuts nothing from a document without Results', () => {
    const text = '{"Description":"a","References":["b"]}'
    expect(cutText(text)).toBe(text)
  })

  it('reads the real reports as they parse, less those members', () => {
    for (const name of ['securecodebox__juice-shop-v10.2.0.json', 'debian-buster.json.golden']) {
      const text = readFileSync(fixturePath(name), 'utf8')
      const cut = cutText(text)
      expect(JSON.parse(cut)).toEqual(expected(text))
      expect(cut.length).toBeLessThan(text.length * 0.8)
    }
  })

  describe('text that is not JSON', () => {
    const broken: Record<string, string> = {
      'a description that never ends': report('{"VulnerabilityID":"CVE-1","Description":"abc}]}'),
      'references that never end': report('{"References":["a","b"'),
      'a missing comma after a member': report('{"Description":"a" "VulnerabilityID":"CVE-1"}'),
      'a trailing comma left by the writer': report(
        '{"VulnerabilityID":"CVE-1","Description":"a",}',
      ),
      'a key after a string with no comma': report('{"Title":"a""Description":"b"}'),
      'an escaped quote that was the end': report(
        String.raw`{"Description":"a\","VulnerabilityID":"CVE-1"}`,
      ),
    }
    for (const [name, text] of Object.entries(broken)) {
      it(`stays broken: ${name}`, () => {
        expect(parses(text)).toBe(false)
        expect(parses(cutText(text))).toBe(false)
      })
    }

    it('random damage is never made readable, unless all of it lies in what is cut', () => {
      // Bytes deleted, repeated or inserted at random across a real report's start. Whenever
      // the cut text parses, it says what the intact text says (the damage was confined to
      // bytes nobody reads), or what the damaged text itself says.
      const source = readFileSync(fixturePath('debian-buster.json.golden'), 'utf8')
      const intact = expected(source)
      let seed = 13
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        return seed % n
      }
      const inserts = ['"', '{', '}', '[', ']', ',', ':', '\\', ' ', 'x']
      let readable = 0
      for (let round = 0; round < 1500; round++) {
        const at = random(source.length)
        const kind = random(3)
        const damaged =
          kind === 0
            ? source.slice(0, at) + source.slice(at + 1)
            : kind === 1
              ? source.slice(0, at) + source[at] + source.slice(at)
              : source.slice(0, at) + inserts[random(inserts.length)] + source.slice(at)
        const cut = cutText(damaged)
        if (!parses(cut)) continue
        readable++
        const got = JSON.parse(cut)
        if (parses(damaged)) expect(got).toEqual(expected(damaged))
        else expect(got).toEqual(intact)
      }
      // The check above ran on many inputs, not a handful.
      expect(readable).toBeGreaterThan(300)
    })
  })
})
