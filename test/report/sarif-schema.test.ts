/** The schema check itself: it passes Trivy's real SARIF and refuses what code scanning would. */
import { describe, expect, it } from 'vitest'
import { fixturePath } from '../support/fixtures.js'
import { expectValidSarif, sarifSchemaErrors } from '../support/sarif.js'

describe('expectValidSarif (OASIS SARIF 2.1.0 schema)', () => {
  it("passes Trivy's own SARIF (alpine-310.sarif.golden, written by trivy v0.74)", () => {
    const doc = expectValidSarif(fixturePath('alpine-310.sarif.golden'))
    expect(doc.runs).toHaveLength(1)
  })

  it('refuses documents the schema refuses: no version, an unknown run property, a non-integer line', () => {
    const good = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] }
    expect(sarifSchemaErrors(good)).toEqual([])
    expect(sarifSchemaErrors({ runs: [] })).not.toEqual([])
    expect(
      sarifSchemaErrors({ ...good, runs: [{ ...good.runs[0], automationDetail: { id: 'x' } }] }),
    ).not.toEqual([])
    const line = {
      ruleId: 'R',
      message: { text: 'm' },
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0.5 } } },
      ],
    }
    expect(
      sarifSchemaErrors({ ...good, runs: [{ ...good.runs[0], results: [line] }] }),
    ).not.toEqual([])
  })

  it('refuses a location URI with a space in it (uri-reference)', () => {
    const doc = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x' } },
          results: [
            {
              message: { text: 'm' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a b' } } }],
            },
          ],
        },
      ],
    }
    expect(sarifSchemaErrors(doc).join()).toMatch(/uri-reference/)
  })
})
