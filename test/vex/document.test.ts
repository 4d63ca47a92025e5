/** Reading VEX documents and the `vex` setting: formats, authors, and what is refused. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/settings/origin.js'
import { readVexDocument, VexDocumentError } from '../../src/vex/document.js'
import { authorMatch } from '../../src/vex/prepare.js'
import { parseRequiredAuthors, parseVexSources } from '../../src/vex/sources.js'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/vex/${name}`, import.meta.url))

describe('readVexDocument', () => {
  it('OpenVEX v0.2.0: passed to Trivy as read, with its author', () => {
    const doc = readVexDocument(fixture('alpine-310.openvex.json'))
    expect(doc).toMatchObject({ format: 'openvex', authors: ['octo-org security'], statements: 1 })
    expect(doc.forTrivy).toBeUndefined()
  })

  it('CycloneDX 1.6 VEX: authors and manufacturer; suppressing analyses carried over to OpenVEX, in_triage dropped', () => {
    const doc = readVexDocument(fixture('alpine-310.cdx-vex.json'))
    expect(doc.format).toBe('cyclonedx')
    expect(doc.authors).toEqual(['octo-org security', 'octo-org'])
    const openvex = JSON.parse(doc.forTrivy as string)
    expect(openvex['@context']).toBe('https://openvex.dev/ns/v0.2.0')
    expect(openvex.statements).toEqual([
      {
        vulnerability: { name: 'CVE-2019-1551' },
        // The BOM-Link's percent-encoded bom-ref, decoded to the package URL Trivy matches.
        products: [{ '@id': 'pkg:apk/alpine/libssl1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2' }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        impact_statement: expect.stringContaining('rsaz_512_sqr'),
      },
    ])
  })

  it('CycloneDX 1.5 `metadata.manufacture` names an author too', () => {
    const doc = readVexDocument(
      Buffer.from(
        JSON.stringify({
          bomFormat: 'CycloneDX',
          specVersion: '1.5',
          metadata: { manufacture: { name: 'octo-org' } },
          vulnerabilities: [],
        }),
      ),
    )
    expect(doc.authors).toEqual(['octo-org'])
  })

  it('a CycloneDX statement naming no package URL is left out, and said', () => {
    const doc = readVexDocument(
      Buffer.from(
        JSON.stringify({
          bomFormat: 'CycloneDX',
          specVersion: '1.6',
          vulnerabilities: [
            { id: 'CVE-1', analysis: { state: 'not_affected' }, affects: [{ ref: 'component-7' }] },
          ],
        }),
      ),
    )
    expect(JSON.parse(doc.forTrivy as string).statements).toEqual([])
    expect(doc.notes[0]).toMatch(/^CVE-1: its affects\[\] names no package URL/)
  })

  it('CSAF VEX: the publisher is the author', () => {
    const doc = readVexDocument(
      Buffer.from(
        JSON.stringify({
          document: { category: 'csaf_vex', publisher: { name: 'Example Vendor' } },
          vulnerabilities: [{ cve: 'CVE-1' }],
        }),
      ),
    )
    expect(doc).toMatchObject({ format: 'csaf', authors: ['Example Vendor'], statements: 1 })
  })

  it.each([
    ['not JSON', 'nope', /is not JSON/],
    ['an SBOM', JSON.stringify({ bomFormat: 'CycloneDX', components: [] }), /an SBOM, not a VEX/],
    [
      'another @context',
      JSON.stringify({ '@context': 'https://evil.example/ns', statements: [] }),
      /not an OpenVEX namespace/,
    ],
    ['anything else', JSON.stringify({ statements: [] }), /is neither OpenVEX/],
  ])('refuses %s', (_what, text, message) => {
    expect(() => readVexDocument(Buffer.from(text))).toThrow(VexDocumentError)
    expect(() => readVexDocument(Buffer.from(text))).toThrow(message)
  })
})

describe('authors', () => {
  it('match exactly: case, spaces and look-alikes are another author', () => {
    const required = parseRequiredAuthors('octo-org security', 'vex-required-author')
    expect(authorMatch(['octo-org security'], required)).toBe('octo-org security')
    for (const forged of ['Octo-org security', 'octo-org security ', 'octo-org s\u0435curity', ''])
      expect(authorMatch([forged], required)).toBeUndefined()
    expect(authorMatch([], required)).toBeUndefined()
  })
})

describe('parseVexSources', () => {
  it('paths, https URLs (commas kept) and oci, one a line', () => {
    expect(
      parseVexSources('.vex/a.json\nhttps://x.example/a,b.json\n\noci\n.vex/a.json', 'vex'),
    ).toEqual([
      { kind: 'file', path: '.vex/a.json' },
      { kind: 'url', url: 'https://x.example/a,b.json' },
      { kind: 'oci' },
    ])
  })

  it.each([
    ['http://x.example/a.json', /is not an https URL/],
    ['https://user:pass@x.example/a.json', /carries credentials/],
    ['repo', /does not pass on/],
    ['sbom-ref', /does not pass on/],
  ])('refuses %s, naming the input', (raw, message) => {
    expect(() => parseVexSources(raw, 'vex')).toThrow(InputError)
    expect(() => parseVexSources(raw, 'vex')).toThrow(message)
    expect(() => parseVexSources(raw, 'vex')).toThrow(/^Input `vex`: /)
  })

  it('credentials never reach the message', () => {
    expect(() => parseVexSources('https://user:s3cret@x.example/a.json', '--vex')).toThrow(
      /^Flag `--vex`: "https:\/\/x\.example\/a\.json" carries credentials/,
    )
    try {
      parseVexSources('https://user:s3cret@x.example/a.json', '--vex')
    } catch (error) {
      expect((error as Error).message).not.toContain('s3cret')
    }
  })
})
