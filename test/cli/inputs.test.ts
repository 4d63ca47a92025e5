import { describe, expect, it } from 'vitest'
import { parseList } from '../../src/inputs.js'
import {
  actionSource,
  cliSource,
  InputError,
  resolveSettings,
  type ScanSettings,
  valuesOf,
} from '../../src/settings/index.js'

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

function scanValues(values: Record<string, string>) {
  const settings = resolveSettings(actionSource(reader(values)))
  if (settings.mode !== 'scan') throw new Error('not a scan')
  return valuesOf(settings.scan as ScanSettings)
}

describe('resolveSettings from action inputs', () => {
  it('reads the defaults a workflow gets with only `image`', () => {
    expect(scanValues({ image: `ghcr.io/acme/api@sha256:${'a'.repeat(64)}` })).toMatchObject({
      images: [`ghcr.io/acme/api@sha256:${'a'.repeat(64)}`],
      failOn: 'HIGH',
      ignoreUnfixed: false,
      scanners: ['vuln', 'secret'],
      timeout: '10m',
      maxParallel: 2,
    })
  })

  it('records where each value came from', () => {
    const settings = resolveSettings(actionSource(reader({ image: 'a:1', 'fail-on': 'critical' })))
    if (settings.mode !== 'scan') throw new Error('not a scan')
    expect(settings.scan.failOn).toEqual({
      value: 'CRITICAL',
      origin: { kind: 'input', name: 'fail-on' },
    })
    expect(settings.scan.timeout).toEqual({ value: '10m', origin: { kind: 'default' } })
  })

  it('splits images on newlines and commas, drops blanks, comments and repeats', () => {
    expect(scanValues({ image: 'a:1, b:2\n\n  # later\nc:3\na:1\n' }).images).toEqual([
      'a:1',
      'b:2',
      'c:3',
    ])
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
    [{ image: 'a:1', mode: 'deploy' }, 'mode', /"deploy" is not one of scan, verify/],
    [{ image: 'a:1', 'fail-on-scope': 'new' }, 'fail-on-scope', /set `compare-to`/],
    [{ image: 'a:1', 'compare-to': 'b:1,c:1' }, 'compare-to', /lists 2 baselines for 1/],
    [{ image: 'a:1', forbid: 'shell,bash' }, 'forbid', /^Input `forbid`: "bash" is not one of/],
    [{ image: 'a:1', 'base-image-policy': 'strict' }, 'base-image-policy', /not one of off/],
    [{ image: 'a:1', comment: 'sometimes' }, 'comment', /not one of auto, always, never/],
  ])('rejects %j naming `%s`', (values, input, message) => {
    try {
      scanValues(values)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).input).toBe(input)
      expect((error as Error).message).toMatch(new RegExp(`^Input \`${input}\`: `))
      expect((error as Error).message).toMatch(message)
    }
  })

  it('accepts every fail-on value in any case', () => {
    for (const v of ['CRITICAL', 'High', 'medium', 'low', 'unknown', 'none']) {
      expect(() => scanValues({ image: 'a:1', 'fail-on': v })).not.toThrow()
    }
    expect(scanValues({ image: 'a:1', 'fail-on': 'none' }).failOn).toBe('NONE')
  })

  it('parseList keeps digests whole', () => {
    expect(parseList(`x@sha256:${'b'.repeat(64)}`)).toHaveLength(1)
  })
})

describe('resolveSettings from CLI flags', () => {
  const cli = (flags: Record<string, string>) => resolveSettings(cliSource(flags))

  it.each([
    [{ IMAGE: 'a:1', '--fail-on': 'severe' }, /^Flag `--fail-on`: "severe" is not a severity/],
    [{ IMAGE: 'a:1', '--timeout': '0s' }, /^Flag `--timeout`: "0s" is out of range/],
    [{ IMAGE: 'a:1', '--fail-on-scope': 'new' }, /^Flag `--fail-on-scope`: .*set `--compare-to`/],
    [{ IMAGE: 'a:1,b:1', '--report': 'r.json' }, /^Flag `--report`: .*`IMAGE` lists 2.*`--report`/],
    [{ IMAGE: 'a:1', '--forbid': 'bash' }, /^Flag `--forbid`: "bash" is not one of/],
    [{ IMAGE: 'a:1', '--max-image-size': 'big' }, /^Flag `--max-image-size`: "big" is not a size/],
    [{}, /^Argument `IMAGE`: nothing to scan.*--report FILE/],
  ])('names the flag: %j', (flags, message) => {
    expect(() => cli(flags)).toThrow(message)
  })

  it('no message about a flag ever names an action input', () => {
    try {
      cli({ IMAGE: 'a:1', '--fail-on-scope': 'new' })
    } catch (error) {
      expect((error as Error).message).not.toMatch(/Input|`compare-to`|`fail-on-scope`/)
    }
  })
})

describe('resolveSettings with a policy layer', () => {
  const policy = {
    file: '.github/shipgate.yml',
    values: {
      'fail-on': { raw: 'critical', line: 3 },
      'ignore-unfixed': { raw: 'true', line: 4, locked: true },
      timeout: { raw: '5m', line: 5 },
    },
  }

  it('the file beats defaults, inputs beat the file, a locked key beats inputs', () => {
    const settings = resolveSettings(
      actionSource(reader({ image: 'a:1', 'fail-on': 'low', 'ignore-unfixed': 'false' })),
      policy,
    )
    if (settings.mode !== 'scan') throw new Error('not a scan')
    expect(settings.scan.failOn).toEqual({
      value: 'LOW',
      origin: { kind: 'input', name: 'fail-on' },
    })
    expect(settings.scan.ignoreUnfixed).toEqual({
      value: true,
      origin: { kind: 'policy', file: '.github/shipgate.yml', key: 'ignore-unfixed', line: 4 },
    })
    // `timeout` is not a policy key: the file cannot set it.
    expect(settings.scan.timeout.origin).toEqual({ kind: 'default' })
    expect(settings.notes.join(' ')).toMatch(/locks `ignore-unfixed`/)
  })

  it('a bad value in the file names file:line and the key', () => {
    expect(() =>
      resolveSettings(actionSource(reader({ image: 'a:1' })), {
        file: '.github/shipgate.yml',
        values: { 'fail-on': { raw: 'severe', line: 7 } },
      }),
    ).toThrow(/^\.github\/shipgate\.yml:7 `fail-on`: "severe" is not a severity/)
  })
})
