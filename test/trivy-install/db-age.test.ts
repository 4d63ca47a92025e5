import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checkDbAge,
  DbAgeError,
  localVersionInfo,
  maxDbAgeMs,
  parseMaxDbAge,
  parseVersionInfo,
} from '../../scanners/trivy/db-age.js'
import { programExec } from '../../scanners/trivy/install.js'
import { clientArgs, parseTokenHeader, parseTrivyServer } from '../../scanners/trivy/server.js'
import { InputError } from '../../src/settings/origin.js'

const NOW = new Date('2026-11-30T00:00:00Z')
const MAX = 48 * 3_600_000

describe('max-db-age', () => {
  it('reads 48h, 2d and 36h30m; refuses what is not an age, naming the input', () => {
    expect(maxDbAgeMs('48h')).toBe(MAX)
    expect(maxDbAgeMs('2d')).toBe(MAX)
    expect(maxDbAgeMs('')).toBe(MAX)
    expect(maxDbAgeMs('36h30m')).toBe(36.5 * 3_600_000)
    for (const bad of ['forever', '-1h', '0h', '91d', '48', '1e3h']) {
      expect(() => parseMaxDbAge(bad)).toThrow(InputError)
    }
    expect(() => parseMaxDbAge('forever')).toThrow(/`max-db-age`.*"forever"/)
  })

  it('fails closed past the maximum, and when the age cannot be read', () => {
    const at = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString()
    expect(checkDbAge({ UpdatedAt: at(47.9) }, MAX, NOW, 'local')).toMatchObject({
      ageHours: 47.9,
      maxAgeHours: 48,
      source: 'local',
    })
    expect(() => checkDbAge({ UpdatedAt: at(48.1) }, MAX, NOW, 'local')).toThrow(DbAgeError)
    expect(() => checkDbAge({ UpdatedAt: at(48.1) }, MAX, NOW, 'server')).toThrow(
      /Trivy server was built 48.1 h ago/,
    )
    // A forged or broken metadata file never reads as fresh.
    for (const meta of [undefined, {}, { UpdatedAt: 'yesterday' }, { DownloadedAt: at(1) }]) {
      expect(() => checkDbAge(meta, MAX, NOW, 'local')).toThrow(/age is unknown/)
    }
  })

  it('parses the VersionInfo shape defensively', () => {
    expect(parseVersionInfo('{"Version":"0.74.0"}')).toEqual({ version: '0.74.0' })
    expect(
      parseVersionInfo(
        '{"Version":"0.74.0","VulnerabilityDB":{"Version":2,"UpdatedAt":"2026-11-29T06:00:00Z","NextUpdate":7}}',
      ).vulnerabilityDb,
    ).toEqual({ UpdatedAt: '2026-11-29T06:00:00Z', NextUpdate: undefined, DownloadedAt: undefined })
    expect(() => parseVersionInfo('Version: 0.74.0')).toThrow(/no JSON/)
  })

  const real = join(homedir(), '.cache/shipgate-peers/trivy/v0.74.0/trivy')
  it.skipIf(!existsSync(real))('reads UpdatedAt from the real trivy v0.74.0', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'trivy-version-'))
    const none = await localVersionInfo(real, cache, programExec)
    expect(none).toEqual({ version: '0.74.0' })
    // Without a DB there is no age: fail closed.
    expect(() => checkDbAge(none.vulnerabilityDb, MAX, NOW, 'local')).toThrow(DbAgeError)
    mkdirSync(join(cache, 'db'))
    writeFileSync(
      join(cache, 'db', 'metadata.json'),
      JSON.stringify({
        Version: 2,
        NextUpdate: '2026-11-30T06:00:00Z',
        UpdatedAt: '2026-11-29T06:00:00.123Z',
        DownloadedAt: '2026-11-29T07:00:00Z',
      }),
    )
    const info = await localVersionInfo(real, cache, programExec)
    expect(info.vulnerabilityDb?.UpdatedAt).toBe('2026-11-29T06:00:00.123Z')
    expect(checkDbAge(info.vulnerabilityDb, MAX, NOW, 'local').ageHours).toBe(18)
  })
})

describe('trivy-server', () => {
  it('accepts an http(s) base URL and refuses credentials, queries and other schemes', () => {
    expect(parseTrivyServer('https://trivy.example.com:4954/')).toBe(
      'https://trivy.example.com:4954',
    )
    expect(parseTrivyServer('  ')).toBeUndefined()
    expect(() => parseTrivyServer('https://u:p@trivy.example.com')).toThrow(/credentials/)
    expect(() => parseTrivyServer('https://trivy.example.com/?token=x')).toThrow(/query/)
    expect(() => parseTrivyServer('trivy.example.com:4954')).toThrow(/https/)
    expect(() => parseTrivyServer('file:///etc/passwd')).toThrow(/https/)
  })

  it('puts the token in the environment only, and the header in argv when not the default', () => {
    const { args, env } = clientArgs({
      url: 'https://t',
      token: 's3cret',
      tokenHeader: parseTokenHeader('X-Token'),
    })
    expect(args).toEqual(['--server', 'https://t', '--token-header', 'X-Token'])
    expect(env).toEqual({ TRIVY_TOKEN: 's3cret' })
    expect(clientArgs({ url: 'https://t', tokenHeader: 'Trivy-Token' }).args).toEqual([
      '--server',
      'https://t',
    ])
    expect(() => parseTokenHeader('X-Token\r\nEvil: 1')).toThrow(InputError)
  })
})
