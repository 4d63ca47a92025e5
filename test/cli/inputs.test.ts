import { describe, expect, it } from 'vitest'
import { InputError, parseList, readScanInputs } from '../../src/inputs.js'

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('readScanInputs', () => {
  it('reads the defaults a workflow gets with only `image`', () => {
    expect(
      readScanInputs(reader({ image: 'ghcr.io/acme/api@sha256:' + 'a'.repeat(64) })),
    ).toMatchObject({
      images: [`ghcr.io/acme/api@sha256:${'a'.repeat(64)}`],
      failOn: 'HIGH',
      ignoreUnfixed: false,
      scanners: ['vuln', 'secret'],
      timeout: '10m',
      maxParallel: 2,
    })
  })

  it('splits images on newlines and commas, drops blanks, comments and repeats', () => {
    const inputs = readScanInputs(reader({ image: 'a:1, b:2\n\n  # later\nc:3\na:1\n' }))
    expect(inputs.images).toEqual(['a:1', 'b:2', 'c:3'])
  })

  it.each([
    [
      { image: 'a:1', 'fail-on': 'severe' },
      'fail-on',
      /not a severity. Use one of critical, high, medium, low, unknown, none/,
    ],
    [{ image: 'a:1', 'ignore-unfixed': 'maybe' }, 'ignore-unfixed', /not a boolean/],
    [{ image: 'a:1', scanners: 'vuln,sbom' }, 'scanners', /unknown scanner "sbom"/],
    [{ image: 'a:1', scanners: 'vuln,license' }, 'scanners', /does not evaluate licence findings/],
    [{ image: 'a:1', timeout: 'ten minutes' }, 'timeout', /not a duration/],
    [{ image: 'a:1', 'max-parallel': '0' }, 'max-parallel', /whole number from 1 to 64/],
    [{ image: 'a:1', platform: 'amd64' }, 'platform', /like linux\/amd64/],
    [{ image: 'not an image' }, 'image', /is not an image reference/],
    [{}, 'image', /nothing to scan/],
    [{ image: 'a:1,b:1', 'trivy-report': 'r.json' }, 'trivy-report', /lists 2/],
  ])('rejects %j naming `%s`', (values, input, message) => {
    try {
      readScanInputs(reader(values))
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).input).toBe(input)
      expect((error as Error).message).toMatch(message)
    }
  })

  it('accepts every fail-on value in any case', () => {
    for (const v of ['CRITICAL', 'High', 'medium', 'low', 'unknown', 'none']) {
      expect(() => readScanInputs(reader({ image: 'a:1', 'fail-on': v }))).not.toThrow()
    }
    expect(readScanInputs(reader({ image: 'a:1', 'fail-on': 'none' })).failOn).toBe('NONE')
  })

  it('parseList keeps digests whole', () => {
    expect(parseList(`x@sha256:${'b'.repeat(64)}`)).toHaveLength(1)
  })
})
