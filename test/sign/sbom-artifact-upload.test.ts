/**
 * Where the toolkit's artifact service can be used (the GHES rule), and the artifact-service
 * stand-in refusing what the real service refuses: the e2e tests in
 * test/e2e/sbom-artifact-action.test.ts only mean something if it does.
 */
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordingLogger } from '../../src/logger.js'
import { artifactServiceUnavailable } from '../../src/sign/actions-artifact.js'
import { ArtifactServiceUnavailable, uploadSbom } from '../../src/sign/sbom-artifact.js'
import { type ArtifactService, startArtifactService } from '../support/artifact/artifact-service.js'

describe('artifactServiceUnavailable', () => {
  const runner = { ACTIONS_RUNTIME_TOKEN: 'x.y.z', ACTIONS_RESULTS_URL: 'https://results.example/' }

  it.each([
    ['https://github.com', undefined],
    ['https://octo.ghe.com', undefined],
    ['http://github.localhost', undefined],
    ['', undefined],
  ])('%s has the service', (server, expected) => {
    expect(artifactServiceUnavailable({ ...runner, GITHUB_SERVER_URL: server })).toBe(expected)
  })

  it.each([
    'https://ghe.example.com',
    'https://github.example.com',
    'https://github.com.evil.example',
  ])('%s is GitHub Enterprise Server', (server) => {
    expect(artifactServiceUnavailable({ ...runner, GITHUB_SERVER_URL: server })).toMatch(
      /is GitHub Enterprise Server/,
    )
  })

  it('agrees with the toolkit itself on which servers are GHES (catches drift on an upgrade)', async () => {
    const { DefaultArtifactClient, GHESNotSupportedError } = await import('@actions/artifact')
    const saved = process.env.GITHUB_SERVER_URL
    const write = process.stdout.write
    // The toolkit's own failure warning would be a workflow command in this test's output.
    process.stdout.write = (() => true) as typeof process.stdout.write
    const seen = new Set<string>()
    try {
      for (const server of [
        'https://github.com',
        'https://octo.ghe.com',
        'http://github.localhost',
        'https://ghe.example.com',
        'https://github.com.evil.example',
        'https://GitHub.com',
      ]) {
        process.env.GITHUB_SERVER_URL = server
        // No files: past the GHES check the client stops at "No files were found".
        const error = await new DefaultArtifactClient()
          .uploadArtifact('probe', [], tmpdir())
          .catch((e: unknown) => e)
        const ours = artifactServiceUnavailable({ ...runner, GITHUB_SERVER_URL: server })
        expect(error instanceof GHESNotSupportedError, server).toBe(
          /GitHub Enterprise Server/.test(ours ?? ''),
        )
        seen.add(error instanceof GHESNotSupportedError ? 'ghes' : (error as Error).name)
      }
      // Both answers were given by the toolkit, else this compared nothing.
      expect([...seen].sort()).toEqual(['FilesNotFoundError', 'ghes'])
    } finally {
      process.stdout.write = write
      if (saved === undefined) delete process.env.GITHUB_SERVER_URL
      else process.env.GITHUB_SERVER_URL = saved
    }
  })

  it('names what is missing outside a workflow run or without a results URL', () => {
    expect(artifactServiceUnavailable({})).toMatch(/ACTIONS_RUNTIME_TOKEN is not set/)
    expect(artifactServiceUnavailable({ ACTIONS_RUNTIME_TOKEN: 't' })).toMatch(
      /ACTIONS_RESULTS_URL is not set/,
    )
    expect(artifactServiceUnavailable({ ...runner, GITHUB_SERVER_URL: 'not a url' })).toMatch(
      /GITHUB_SERVER_URL "not a url" is not a URL/,
    )
  })

  it('sends the runtime token over HTTPS only (plain HTTP only to this machine)', () => {
    const at = (url: string) => artifactServiceUnavailable({ ...runner, ACTIONS_RESULTS_URL: url })
    expect(at('http://results.example/')).toMatch(
      /ACTIONS_RESULTS_URL http:\/\/results\.example is not HTTPS/,
    )
    expect(at('http://127.0.0.1.example/')).toMatch(/is not HTTPS/)
    expect(at('ftp://results.example/')).toMatch(/is not HTTPS/)
    expect(at('results.example')).toMatch(/is not a URL/)
    expect(at('https://results-receiver.actions.githubusercontent.com/')).toBeUndefined()
    expect(at('http://127.0.0.1:8080/')).toBeUndefined()
    expect(at('http://[::1]:8080/')).toBeUndefined()
  })
})

describe('uploadSbom with an unavailable service', () => {
  it('warns once per uploader, then only says where each later SBOM is', async () => {
    const logger = recordingLogger()
    let calls = 0
    const uploader = {
      upload: async () => {
        calls++
        throw new ArtifactServiceUnavailable('ghe.example.com is GitHub Enterprise Server')
      },
    }
    await uploadSbom(uploader, '/tmp/a/sbom.cdx.json', 'a:1', 'cyclonedx', logger)
    await uploadSbom(uploader, '/tmp/b/sbom.cdx.json', 'b:1', 'cyclonedx', logger)
    expect(calls).toBe(1)
    expect(logger.lines.map((l) => l.level)).toEqual(['warning', 'info'])
    expect(logger.lines[0]?.message).toContain('/tmp/a/sbom.cdx.json')
    expect(logger.lines[1]?.message).toContain('/tmp/b/sbom.cdx.json')
  })

  it('an error about one artifact does not stop the next upload', async () => {
    const logger = recordingLogger()
    let calls = 0
    const uploader = {
      upload: async () => {
        calls++
        throw new Error('Failed to FinalizeArtifact: 409')
      },
    }
    await uploadSbom(uploader, '/tmp/a/sbom.cdx.json', 'a:1', 'cyclonedx', logger)
    await uploadSbom(uploader, '/tmp/b/sbom.cdx.json', 'b:1', 'cyclonedx', logger)
    expect(calls).toBe(2)
    expect(logger.lines.map((l) => l.level)).toEqual(['warning', 'warning'])
  })
})

describe('the artifact-service stand-in refuses what the real one refuses', () => {
  let service: ArtifactService
  beforeAll(async () => {
    service = await startArtifactService()
  })
  afterAll(async () => {
    await service?.close()
  })

  const twirp = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(
      `${service.resultsOrigin}/twirp/github.actions.results.api.v1.ArtifactService/${method}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${service.token}`,
          ...headers,
        },
        body: JSON.stringify(body),
      },
    )
  const ids = () => {
    const payload = JSON.parse(
      Buffer.from(service.token.split('.')[1] as string, 'base64url').toString('utf8'),
    ) as { scp: string }
    const [, run, job] = /Actions\.Results:([^:]+):(\S+)/.exec(payload.scp) ?? []
    return { workflow_run_backend_id: run, workflow_job_run_backend_id: job }
  }

  it('a wrong or missing bearer token: 401 in Twirp error JSON', async () => {
    const r = await twirp(
      'CreateArtifact',
      { ...ids(), name: 'a', version: 7 },
      {
        authorization: 'Bearer nope',
      },
    )
    expect(r.status).toBe(401)
    expect(await r.json()).toEqual({ code: 'unauthenticated', msg: expect.any(String) })
  })

  it('an unknown method: 404 bad_route', async () => {
    const r = await twirp('UploadEverything', {})
    expect(r.status).toBe(404)
    expect(await r.json()).toMatchObject({ code: 'bad_route' })
  })

  it('backend ids that are not the token’s: 403; no name: 400 invalid_argument', async () => {
    const other = await twirp('CreateArtifact', {
      workflow_run_backend_id: 'x',
      workflow_job_run_backend_id: 'y',
      name: 'a',
      version: 7,
    })
    expect(other.status).toBe(403)
    const unnamed = await twirp('CreateArtifact', { ...ids(), version: 7 })
    expect(unnamed.status).toBe(400)
    expect(await unnamed.json()).toMatchObject({
      code: 'invalid_argument',
      meta: { argument: 'name' },
    })
  })

  it('the signed URL: a forged or stripped signature is 403 AuthenticationFailed; the real one stores', async () => {
    const created = await twirp('CreateArtifact', { ...ids(), name: 'sig-test', version: 7 })
    const { signed_upload_url: url } = (await created.json()) as { signed_upload_url: string }
    const put = (target: string) =>
      fetch(target, {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob' },
        body: 'hello',
      })
    const forged = new URL(url)
    forged.searchParams.set('sig', Buffer.alloc(32).toString('base64'))
    const f = await put(forged.href)
    expect(f.status).toBe(403)
    expect(await f.text()).toContain('<Code>AuthenticationFailed</Code>')
    const stripped = new URL(url)
    stripped.searchParams.delete('sig')
    expect((await put(stripped.href)).status).toBe(403)
    // Another blob path with this signature is not this artifact's.
    const moved = new URL(url)
    moved.pathname = moved.pathname.replace(/\.zip$/, '-other.zip')
    expect((await put(moved.href)).status).toBe(403)
    expect((await put(url)).status).toBe(201)
    const finalized = await twirp('FinalizeArtifact', { ...ids(), name: 'sig-test', size: '5' })
    expect(await finalized.json()).toEqual({ ok: true, artifact_id: expect.any(String) })
    expect(service.artifacts().map((a) => [a.name, a.bytes.toString()])).toEqual([
      ['sig-test', 'hello'],
    ])
  })

  it('FinalizeArtifact with a size that is not the blob’s: 400', async () => {
    service.reset()
    const created = await twirp('CreateArtifact', { ...ids(), name: 'size-test', version: 7 })
    const { signed_upload_url: url } = (await created.json()) as { signed_upload_url: string }
    await fetch(url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'hello' })
    const r = await twirp('FinalizeArtifact', { ...ids(), name: 'size-test', size: '6' })
    expect(r.status).toBe(400)
    expect(service.artifacts()).toEqual([])
  })
})
