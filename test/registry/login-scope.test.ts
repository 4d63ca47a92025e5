/**
 * Issue 9 item 6: registry-username/registry-password go only to their own registry. Two local
 * registries are two hosts: A (token auth, the login's host) and B (records every
 * Authorization header and invites one with a 401 Basic challenge). The action runs through
 * dist/index.js with images on both, a baseline on B, and the Trivy stand-in recording the
 * TRIVY_* environment of each invocation.
 */

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCredentials, staticCredentials } from '../../src/registry/credentials.js'
import { parseRegistryHost, registryLogin, trivyLoginEnv } from '../../src/registry/login.js'
import { MediaType } from '../../src/registry/media-types.js'
import { reportFor, runAction, runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RecordingRegistry, startRecordingRegistry } from '../support/registry/recorder.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { standIn } from '../support/trivy-stand-in/index.js'

let a: RunningRegistry
let bUpstream: RunningRegistry
let b: RecordingRegistry
let refs: { a: string; b: string; baseline: string }

async function pushSmall(builder: FixtureBuilder, repo: string, tag: string) {
  const layer = gzipSync(
    await tarOf([
      { name: 'etc/passwd', type: 'file', content: 'root:x:0:0::/root:/sbin/nologin\n' },
    ]),
  )
  return builder.push({
    repo,
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
    config: { config: { User: '0' } },
  })
}

beforeAll(async () => {
  a = await startRegistry('token')
  bUpstream = await startRegistry('none')
  b = await startRecordingRegistry(bUpstream.host)
  const pusher = staticCredentials('pusher', a.users.pusher as string, { registry: a.host })
  await pushSmall(new FixtureBuilder(a.host, pusher), 'private/app', 'v1')
  const upstream = new FixtureBuilder(bUpstream.host)
  await pushSmall(upstream, 'other/app', 'v1')
  await pushSmall(upstream, 'other/base', 'main')
  refs = {
    a: `${a.host}/private/app:v1`,
    b: `${b.host}/other/app:v1`,
    baseline: `${b.host}/other/base:main`,
  }
}, 120_000)
afterAll(async () => {
  await b?.close()
  await bUpstream?.stop()
  await a?.stop()
})

describe('registry-username/registry-password reach only their own host (dist/index.js)', () => {
  it('the base-image check and Trivy send them to the first image host, never to the second host or the baseline', async () => {
    const report = fixturePath('alpine-310.json.golden')
    const trivy = standIn({
      [refs.a]: reportFor(report, refs.a),
      [refs.b]: reportFor(report, refs.b),
      [refs.baseline]: reportFor(report, refs.baseline),
    })
    const password = a.users.reader as string
    const r = await runAction(
      {
        image: `${refs.a}\n${refs.b}`,
        'compare-to': refs.baseline,
        'registry-username': 'reader',
        'registry-password': password,
        'fail-on': 'none',
        'cache-db': 'false',
        'base-image-policy': 'warn',
      },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    // B invited credentials on every request and got none.
    expect(b.requests.length).toBeGreaterThan(0)
    expect(b.authorizations).toEqual([])
    // A, which needs the login, was read with it: its base-image facts are there.
    const bases = JSON.parse(r.outputs['base-image'] ?? '[]') as { image: string; source: string }[]
    expect(
      bases.find((x) => x.image === refs.a),
      r.stdout,
    ).toMatchObject({ source: 'registry' })
    // Trivy: the login for the image on A only; nothing for B's image or B's baseline.
    const scans = trivy.invocations().filter((i) => i.argv[0] === 'image')
    const forImage = (ref: string) => scans.filter((i) => i.argv.at(-1) === ref)
    expect(forImage(refs.a).map((i) => i.env)).toEqual([
      expect.objectContaining({ TRIVY_USERNAME: 'reader', TRIVY_PASSWORD: password }),
    ])
    for (const ref of [refs.b, refs.baseline]) {
      expect(forImage(ref).length).toBeGreaterThan(0)
      for (const { env } of forImage(ref)) {
        expect(env).not.toHaveProperty('TRIVY_USERNAME')
        expect(env).not.toHaveProperty('TRIVY_PASSWORD')
      }
    }
  }, 120_000)

  it('with `registry` naming B, the login goes to B: Basic to B and TRIVY_* for the image on B', async () => {
    const trivy = standIn({ [refs.b]: reportFor(fixturePath('alpine-310.json.golden'), refs.b) })
    const before = b.authorizations.length
    const r = await runAction(
      {
        image: refs.b,
        registry: b.host,
        'registry-username': 'bob',
        'registry-password': 'secret-for-b',
        'fail-on': 'none',
        'cache-db': 'false',
        'base-image-policy': 'warn',
      },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode, r.stdout).toBe(0)
    const sent = b.authorizations.slice(before)
    expect(sent.length).toBeGreaterThan(0)
    expect(new Set(sent)).toEqual(
      new Set([`Basic ${Buffer.from('bob:secret-for-b').toString('base64')}`]),
    )
    expect(trivy.invocations().find((i) => i.argv.at(-1) === refs.b)?.env).toMatchObject({
      TRIVY_USERNAME: 'bob',
    })
  }, 120_000)
})

describe('REGISTRY_USERNAME/REGISTRY_PASSWORD in the CLI (dist/cli.js)', () => {
  it('go to the first image host only: the base-image check and Trivy for it, nothing for the second', async () => {
    const report = fixturePath('alpine-310.json.golden')
    const trivy = standIn({
      [refs.a]: reportFor(report, refs.a),
      [refs.b]: reportFor(report, refs.b),
    })
    const before = b.authorizations.length
    const password = a.users.reader as string
    const r = await runCli(
      ['scan', refs.a, refs.b, '--fail-on', 'none', '--format', 'json', '--forbid', 'shell'],
      { ...trivy.env, REGISTRY_USERNAME: 'reader', REGISTRY_PASSWORD: password },
    )
    expect(b.authorizations.slice(before)).toEqual([])
    const images =
      (
        JSON.parse(r.stdout || '{}') as {
          images?: { image: string; baseImage?: { source: string } }[]
        }
      ).images ?? []
    expect(images.find((i) => i.image === refs.a)?.baseImage, r.stderr).toMatchObject({
      source: 'registry',
    })
    const env = (ref: string) => trivy.invocations().find((i) => i.argv.at(-1) === ref)?.env
    expect(env(refs.a)).toMatchObject({ TRIVY_USERNAME: 'reader', TRIVY_PASSWORD: password })
    expect(env(refs.b)).toBeDefined()
    expect(env(refs.b)).not.toHaveProperty('TRIVY_USERNAME')
    expect(env(refs.b)).not.toHaveProperty('TRIVY_PASSWORD')
  }, 120_000)
})

describe('the login scope (pure parts)', () => {
  it('parses the registry input as a host and refuses URLs, paths and bare words', () => {
    expect(parseRegistryHost('', 'registry')).toBeUndefined()
    expect(parseRegistryHost(' ghcr.io ', 'registry')).toBe('ghcr.io')
    expect(parseRegistryHost('127.0.0.1:5000', 'registry')).toBe('127.0.0.1:5000')
    expect(parseRegistryHost('index.docker.io', 'registry')).toBe('docker.io')
    expect(() => parseRegistryHost('https://ghcr.io', 'registry')).toThrow(
      /Input `registry`.*no https/,
    )
    expect(() => parseRegistryHost('ghcr.io/acme', 'registry')).toThrow(/no path/)
    expect(() => parseRegistryHost('acme', 'registry')).toThrow(/no dot or port/)
  })

  it('defaults to the first image host; Trivy gets the login only for images on that host', () => {
    const login = registryLogin({
      username: 'u',
      password: 'p',
      images: ['ghcr.io/acme/app:1', 'docker.io/library/nginx'],
    })
    expect(login?.host).toBe('ghcr.io')
    expect(trivyLoginEnv('ghcr.io/acme/base:main', login)).toEqual({
      TRIVY_USERNAME: 'u',
      TRIVY_PASSWORD: 'p',
    })
    expect(trivyLoginEnv('nginx', login)).toEqual({})
    expect(trivyLoginEnv('ghcr.io/acme/app:1', undefined)).toEqual({})
  })

  it('explicit credentials without a host are never handed out; docker config is per host', async () => {
    const none = defaultCredentials({ username: 'u', password: 'p', env: { HOME: '/nonexistent' } })
    expect(await none.get('ghcr.io')).toBeUndefined()
    const scoped = defaultCredentials({
      username: 'u',
      password: 'p',
      registry: 'ghcr.io',
      env: { HOME: '/nonexistent' },
    })
    expect(await scoped.get('ghcr.io')).toMatchObject({ username: 'u' })
    expect(await scoped.get('quay.io')).toBeUndefined()
    // docker login's config: each host gets the entry written for it, nothing else.
    const dir = mkdtempSync(join(tmpdir(), 'docker-config-'))
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: { '127.0.0.1:5000': { auth: Buffer.from('a-user:a-pass').toString('base64') } },
      }),
    )
    const docker = defaultCredentials({ env: { DOCKER_CONFIG: dir } })
    expect(await docker.get('127.0.0.1:5000')).toMatchObject({ username: 'a-user' })
    expect(await docker.get('127.0.0.1:5001')).toBeUndefined()
    expect(await docker.get('localhost:5000')).toBeUndefined()
  })
})
