import { createHash, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordingLogger } from '../../src/logger.js'
import { RegistryClient } from '../../src/registry/client.js'
import { staticCredentials } from '../../src/registry/credentials.js'
import { RegistryError } from '../../src/registry/errors.js'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import {
  addToReferrersTagIndex,
  listReferrers,
  pushReferrer,
  referrersTag,
} from '../../src/registry/referrers.js'
import { freePort, type RunningRegistry, startRegistry } from '../support/registry/server.js'

const digestOf = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** Pushes a one-layer image with the given client and returns its parts. */
async function pushImage(client: RegistryClient, ref: string, layer = randomBytes(2048)) {
  const r = parseReference(ref)
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {} }))
  const cfg = await client.putBlob(r, config, MediaType.ociConfig)
  const lay = await client.putBlob(r, layer, MediaType.ociLayerGzip)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: cfg,
      layers: [lay],
    }),
  )
  const digest = await client.putManifest(r, r.tag ?? 'latest', manifest, MediaType.ociManifest)
  return { ref: r, digest, manifest, layer, layerDigest: lay.digest }
}

async function rejection(p: Promise<unknown>): Promise<RegistryError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RegistryError)
  return error as RegistryError
}

describe('RegistryClient against distribution 2.8 over plain HTTP', () => {
  let reg: RunningRegistry
  let client: RegistryClient
  beforeAll(async () => {
    reg = await startRegistry('none')
    client = new RegistryClient({ insecure: true, retries: 0 })
  })
  afterAll(async () => {
    await reg?.stop()
  })

  it('pushes an image and reads back the same bytes, verified by digest', async () => {
    const img = await pushImage(client, `${reg.host}/push/roundtrip:v1`)
    expect(img.digest).toBe(digestOf(img.manifest))
    const got = await client.getManifest(img.ref, 'v1')
    expect(got.digest).toBe(img.digest)
    expect(got.bytes.equals(img.manifest)).toBe(true)
    expect(got.mediaType).toBe(MediaType.ociManifest)
    const head = await client.headManifest(img.ref, 'v1')
    expect(head?.digest).toBe(img.digest)
    expect(await client.getBlobBytes(img.ref, img.layerDigest)).toEqual(img.layer)
    const resolved = await client.resolve(img.ref)
    expect(resolved.digest).toBe(img.digest)
    expect(resolved.index).toBeUndefined()
  })

  it('skips the upload of a blob the registry already has', async () => {
    const logger = recordingLogger()
    const c = new RegistryClient({ insecure: true, logger })
    const r = parseReference(`${reg.host}/push/dedupe:v1`)
    const bytes = randomBytes(100)
    await c.putBlob(r, bytes)
    const before = logger.lines.filter((l) => l.message.includes('POST')).length
    const again = await c.putBlob(r, bytes)
    expect(again.digest).toBe(digestOf(bytes))
    expect(logger.lines.filter((l) => l.message.includes('POST')).length).toBe(before)
  })

  it('resolves a multi-platform index to the requested platform', async () => {
    const amd = await pushImage(client, `${reg.host}/push/multi:amd64`)
    const arm = await pushImage(client, `${reg.host}/push/multi:arm64`)
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociIndex,
        manifests: [
          {
            mediaType: MediaType.ociManifest,
            digest: amd.digest,
            size: amd.manifest.length,
            platform: { os: 'linux', architecture: 'amd64' },
          },
          {
            mediaType: MediaType.ociManifest,
            digest: arm.digest,
            size: arm.manifest.length,
            platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
          },
        ],
      }),
    )
    const r = parseReference(`${reg.host}/push/multi:both`)
    const indexDigest = await client.putManifest(r, 'both', index, MediaType.ociIndex)
    const a = await client.resolve(r, 'linux/amd64')
    expect(a.digest).toBe(amd.digest)
    expect(a.index?.digest).toBe(indexDigest)
    expect((await client.resolve(r, 'linux/arm64')).digest).toBe(arm.digest)
    const e = await rejection(client.resolve(r, 'linux/s390x'))
    expect(e.message).toContain('no image for platform linux/s390x')
    expect(e.message).toContain('linux/arm64/v8')
  })

  it('lists tags and says which image is missing, for a missing tag and a missing repository', async () => {
    await pushImage(client, `${reg.host}/push/tags:one`)
    await pushImage(client, `${reg.host}/push/tags:two`)
    expect(await client.listTags(parseReference(`${reg.host}/push/tags`))).toEqual(['one', 'two'])

    const missingTag = await rejection(
      client.resolve(parseReference(`${reg.host}/push/tags:three`)),
    )
    expect(missingTag.kind).toBe('not-found')
    expect(missingTag.status).toBe(404)
    expect(missingTag.message).toContain(`${reg.host}/push/tags:three`)
    expect(missingTag.message).toContain('tag or digest does not exist')

    const missingRepo = await rejection(client.resolve(parseReference(`${reg.host}/nope/never:v1`)))
    expect(missingRepo.kind).toBe('not-found')
    expect(missingRepo.message).toContain(`${reg.host}/nope/never`)
    expect(
      await client.headManifest(parseReference(`${reg.host}/push/tags`), 'three'),
    ).toBeUndefined()
  })

  it('detects a blob whose bytes do not match the digest asked for', async () => {
    const img = await pushImage(client, `${reg.host}/push/corrupt:v1`)
    const wrong = `sha256:${'0'.repeat(64)}`
    // distribution serves by digest, so ask for the right digest but claim another size.
    const stream = await client.getBlob(img.ref, img.layerDigest, { size: img.layer.length + 1 })
    const e = await rejection(
      (async () => {
        for await (const _ of stream) {
        }
      })(),
    )
    expect(e.kind).toBe('digest-mismatch')
    const missing = await rejection(client.getBlobBytes(img.ref, wrong))
    expect(missing.kind).toBe('not-found')
  })

  it('refuses to push a manifest over 4 MiB without sending it', async () => {
    const r = parseReference(`${reg.host}/push/huge:v1`)
    const huge = Buffer.from(JSON.stringify({ schemaVersion: 2, pad: 'x'.repeat(4 * 1024 * 1024) }))
    const e = await rejection(client.putManifest(r, 'v1', huge, MediaType.ociManifest))
    expect(e.kind).toBe('too-large')
    expect(e.message).toContain('4 MiB')
  })

  it('reports the referrers API as unsupported and falls back to the sha256-<hex> tag index', async () => {
    const img = await pushImage(client, `${reg.host}/push/signed:v1`)
    expect(await client.referrers(img.ref, img.digest)).toBe('unsupported')
    const empty = Buffer.from('{}')
    const cfg = await client.putBlob(img.ref, empty, MediaType.ociEmpty)
    const artifact = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociManifest,
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        config: cfg,
        layers: [cfg],
        subject: {
          mediaType: MediaType.ociManifest,
          digest: img.digest,
          size: img.manifest.length,
        },
      }),
    )
    const pushed = await pushReferrer(client, img.ref, artifact, {
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      subjectDigest: img.digest,
    })
    expect(pushed.via).toBe('tag-schema')
    expect(await client.listTags(img.ref)).toContain(referrersTag(img.digest))
    // A second, different referrer keeps the first.
    await addToReferrersTagIndex(client, img.ref, img.digest, {
      mediaType: MediaType.ociManifest,
      digest: img.digest,
      size: img.manifest.length,
      artifactType: 'application/example',
    })
    const listed = await listReferrers(client, img.ref, img.digest)
    expect(listed.via).toBe('tag-schema')
    expect(listed.referrers.map((d) => d.digest)).toEqual([pushed.digest, img.digest])
    const filtered = await listReferrers(client, img.ref, img.digest, 'application/example')
    expect(filtered.referrers).toHaveLength(1)
  })

  it('says the registry is unreachable once it is down', async () => {
    const other = await startRegistry('none')
    await other.stop()
    const e = await rejection(
      new RegistryClient({ insecure: true, retries: 1, retryDelayMs: 10 }).resolve(
        parseReference(`${other.host}/down/app:v1`),
      ),
    )
    expect(e.kind).toBe('unreachable')
    expect(e.message).toContain(other.host)
    expect(e.message).toContain('ECONNREFUSED')
  })
})

describe('RegistryClient with TLS and htpasswd basic auth', () => {
  let reg: RunningRegistry
  beforeAll(async () => {
    reg = await startRegistry('basic-tls')
  })
  afterAll(async () => {
    await reg?.stop()
  })

  it('pushes and pulls with the right password over TLS with a private CA', async () => {
    const client = new RegistryClient({
      caCert: reg.caCert,
      credentials: staticCredentials('testuser', reg.users.testuser ?? ''),
    })
    const img = await pushImage(client, `${reg.host}/tls/app:v1`)
    expect((await client.resolve(img.ref)).digest).toBe(img.digest)
  })

  it('fails with 401 naming the image and the credential source for a wrong password', async () => {
    const client = new RegistryClient({
      caCert: reg.caCert,
      credentials: staticCredentials('testuser', 'wrong'),
    })
    const e = await rejection(client.resolve(parseReference(`${reg.host}/tls/app:v1`)))
    expect(e.kind).toBe('unauthorized')
    expect(e.status).toBe(401)
    expect(e.message).toContain(`${reg.host}/tls/app`)
    expect(e.message).toContain('registry-username/registry-password')
    expect(e.message).not.toContain('wrong')
  })

  it('asks the user to log in when no credentials are given', async () => {
    const e = await rejection(
      new RegistryClient({ caCert: reg.caCert }).resolve(parseReference(`${reg.host}/tls/app:v1`)),
    )
    expect(e.kind).toBe('unauthorized')
    expect(e.message).toContain('Log in first')
  })

  it('refuses an untrusted certificate when no CA is given', async () => {
    const e = await rejection(
      new RegistryClient({ retries: 0 }).resolve(parseReference(`${reg.host}/tls/app:v1`)),
    )
    expect(e.kind).toBe('unreachable')
  })
})

describe('RegistryClient with bearer tokens', () => {
  let reg: RunningRegistry
  beforeAll(async () => {
    reg = await startRegistry('token')
  })
  afterAll(async () => {
    await reg?.stop()
  })

  it('gets a pull,push token for pushing and a pull token for reading', async () => {
    const pusher = new RegistryClient({
      insecure: true,
      credentials: staticCredentials('pusher', reg.users.pusher ?? ''),
    })
    const img = await pushImage(pusher, `${reg.host}/team/app:v1`)
    const reader = new RegistryClient({
      insecure: true,
      credentials: staticCredentials('reader', reg.users.reader ?? ''),
    })
    expect((await reader.resolve(img.ref)).digest).toBe(img.digest)
    const e = await rejection(
      reader.putManifest(img.ref, 'v2', img.manifest, MediaType.ociManifest),
    )
    expect(e.kind).toBe('denied')
    expect(e.message).toContain(`may not push to ${reg.host}/team/app`)
  })

  it('pulls public repositories anonymously and refuses private ones', async () => {
    const pusher = new RegistryClient({
      insecure: true,
      credentials: staticCredentials('pusher', reg.users.pusher ?? ''),
    })
    const pub = await pushImage(pusher, `${reg.host}/public/app:v1`)
    await pushImage(pusher, `${reg.host}/private/app:v1`)
    const anon = new RegistryClient({ insecure: true })
    expect((await anon.resolve(pub.ref)).digest).toBe(pub.digest)
    const e = await rejection(anon.resolve(parseReference(`${reg.host}/private/app:v1`)))
    expect(e.kind).toBe('unauthorized')
  })

  it('reports a wrong password at the token service', async () => {
    const client = new RegistryClient({
      insecure: true,
      credentials: staticCredentials('pusher', 'nope'),
    })
    const e = await rejection(client.resolve(parseReference(`${reg.host}/team/app:v1`)))
    expect(e.kind).toBe('unauthorized')
    expect(e.message).toContain('token service')
    expect(e.message).toContain('Check the user name and password')
  })
})

describe('RegistryClient against misbehaving servers', () => {
  let server: Server
  let host: string
  let hits = 0
  beforeAll(async () => {
    const port = await freePort()
    host = `127.0.0.1:${port}`
    server = createServer((req, res) => {
      hits++
      if (req.url?.includes('/flaky/')) {
        if (hits % 3 !== 0) {
          res.writeHead(429, { 'retry-after': '0' }).end()
          return
        }
      }
      if (req.url?.includes('/down/')) {
        res.writeHead(503).end()
        return
      }
      if (req.url?.includes('/huge/')) {
        const body = Buffer.alloc(5 * 1024 * 1024, 32)
        res.writeHead(200, { 'content-type': MediaType.ociManifest })
        res.end(body)
        return
      }
      const body = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MediaType.ociManifest,
          config: {},
          layers: [],
        }),
      )
      res.writeHead(200, { 'content-type': MediaType.ociManifest, 'content-length': body.length })
      res.end(body)
    })
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
  })
  afterAll(async () => {
    await new Promise((r) => server.close(r))
  })

  it('retries 429 honouring Retry-After, then succeeds', async () => {
    hits = 0
    const logger = recordingLogger()
    const c = new RegistryClient({ insecure: true, retries: 3, retryDelayMs: 5, logger })
    const got = await c.getManifest(parseReference(`${host}/flaky/app`), 'v1')
    expect(got.mediaType).toBe(MediaType.ociManifest)
    expect(hits).toBe(3)
    expect(logger.lines.filter((l) => l.message.includes('retrying'))).toHaveLength(2)
  })

  it('gives up on persistent 5xx with the status and the attempt count', async () => {
    const c = new RegistryClient({ insecure: true, retries: 2, retryDelayMs: 5 })
    const e = await rejection(c.getManifest(parseReference(`${host}/down/app`), 'v1'))
    expect(e.kind).toBe('server')
    expect(e.message).toContain('HTTP 503 after 3 attempts')
  })

  it('refuses a manifest over 4 MiB', async () => {
    const c = new RegistryClient({ insecure: true, retries: 0 })
    const e = await rejection(c.getManifest(parseReference(`${host}/huge/app`), 'v1'))
    expect(e.kind).toBe('too-large')
    expect(e.message).toContain('4 MiB')
  })

  it('uses https unless insecure is set for a loopback host', async () => {
    const e = await rejection(
      new RegistryClient({ retries: 0 }).getManifest(parseReference(`${host}/ok/app`), 'v1'),
    )
    expect(e.kind).toBe('unreachable')
  })
})
