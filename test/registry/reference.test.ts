import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseChallenge, parseRetryAfter } from '../../src/registry/client.js'
import {
  chainCredentials,
  dockerConfigCredentials,
  environmentCredentials,
  staticCredentials,
} from '../../src/registry/credentials.js'
import { parsePlatform } from '../../src/registry/media-types.js'
import {
  formatReference,
  InvalidReferenceError,
  parseReference,
} from '../../src/registry/reference.js'

describe('parseReference', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['library/nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['index.docker.io/bitnami/redis', 'docker.io/bitnami/redis'],
    ['ghcr.io/owner/app:v1', 'ghcr.io/owner/app:v1'],
    ['localhost:5000/x', 'localhost:5000/x'],
    ['localhost/x:1', 'localhost/x:1'],
    ['127.0.0.1:5555/a/b/c:t', '127.0.0.1:5555/a/b/c:t'],
    [`ghcr.io/o/app:v1@sha256:${'a'.repeat(64)}`, `ghcr.io/o/app:v1@sha256:${'a'.repeat(64)}`],
    [`app@sha256:${'b'.repeat(64)}`, `docker.io/library/app@sha256:${'b'.repeat(64)}`],
    ['my_org/my-app__x.y', 'docker.io/my_org/my-app__x.y'],
  ])('%s -> %s', (input, canonical) => {
    expect(formatReference(parseReference(input))).toBe(canonical)
  })

  it('splits a reference into its parts', () => {
    expect(parseReference('localhost:5000/team/app:1.0')).toEqual({
      registry: 'localhost:5000',
      repository: 'team/app',
      tag: '1.0',
    })
  })

  it.each([
    ['', 'empty'],
    ['Nginx', 'lower case'],
    ['ghcr.io/Owner/app', 'lower case'],
    ['https://ghcr.io/o/app', 'URL scheme'],
    ['app:-bad', 'tag'],
    ['app@sha256:abc', 'digest'],
    [`app@sha256:${'A'.repeat(64)}`, '64 lower-case hex'],
    ['a//b', 'path component'],
    ['ghcr.io/', 'repository name is missing'],
    ['app name', 'whitespace'],
  ])('rejects %j with a reason (%s)', (input, reason) => {
    let error: unknown
    try {
      parseReference(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidReferenceError)
    expect((error as Error).message).toContain(reason)
    expect((error as Error).message).toContain('Expected [registry/]repository')
  })
})

describe('platforms, challenges, Retry-After', () => {
  it('parses platforms and rejects malformed ones', () => {
    expect(parsePlatform('linux/arm64/v8')).toEqual({
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8',
    })
    expect(() => parsePlatform('amd64')).toThrow(/os\/architecture/)
  })
  it('parses bearer and basic challenges', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/a:pull"',
      ),
    ).toEqual({ scheme: 'bearer', realm: 'https://ghcr.io/token', service: 'ghcr.io' })
    expect(parseChallenge('Basic realm="x"')).toEqual({ scheme: 'basic' })
    expect(parseChallenge('Negotiate')).toBeUndefined()
  })
  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})

describe('credentials', () => {
  it('reads docker/login-action style auths from $DOCKER_CONFIG, matching URL keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dockercfg-'))
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          'ghcr.io': { auth: Buffer.from('octo:ghp_secret:with:colons').toString('base64') },
          'https://index.docker.io/v1/': {
            auth: Buffer.from('hubuser:hubpass').toString('base64'),
          },
          'registry.example.com': { identitytoken: 'refresh-me' },
        },
      }),
    )
    const provider = dockerConfigCredentials({ env: { DOCKER_CONFIG: dir } })
    expect(await provider.get('ghcr.io')).toMatchObject({
      kind: 'basic',
      username: 'octo',
      password: 'ghp_secret:with:colons',
    })
    expect(await provider.get('docker.io')).toMatchObject({
      username: 'hubuser',
      password: 'hubpass',
    })
    expect(await provider.get('registry.example.com')).toMatchObject({ kind: 'identity-token' })
    expect(await provider.get('quay.io')).toBeUndefined()
  })

  it('treats a missing docker config as no credentials, and a broken one as an error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dockercfg-'))
    expect(
      await dockerConfigCredentials({ env: { DOCKER_CONFIG: dir } }).get('ghcr.io'),
    ).toBeUndefined()
    await writeFile(join(dir, 'config.json'), '{not json')
    await expect(
      dockerConfigCredentials({ env: { DOCKER_CONFIG: dir } }).get('ghcr.io'),
    ).rejects.toThrow(/not valid JSON/)
  })

  it('uses GITHUB_TOKEN for ghcr.io only, and the first provider that answers wins', async () => {
    const env = environmentCredentials({ GITHUB_TOKEN: 't0ken', GITHUB_ACTOR: 'octocat' })
    expect(await env.get('ghcr.io')).toMatchObject({ username: 'octocat', password: 't0ken' })
    expect(await env.get('docker.io')).toBeUndefined()
    const chain = chainCredentials(staticCredentials('u', 'p', { registry: 'quay.io' }), env)
    expect(await chain.get('quay.io')).toMatchObject({ username: 'u' })
    expect(await chain.get('ghcr.io')).toMatchObject({ username: 'octocat' })
  })
})
