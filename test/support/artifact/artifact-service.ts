/**
 * A local stand-in for the workflow-artifact service @actions/artifact v6 talks to, over real
 * HTTP on 127.0.0.1, so the action's SBOM upload runs the toolkit's own code end to end:
 *
 * - the results service (`ACTIONS_RESULTS_URL`): Twirp JSON at
 *   `/twirp/github.actions.results.api.v1.ArtifactService/<Method>`, bearer-authenticated with
 *   the runtime token (`ACTIONS_RUNTIME_TOKEN`, a JWT whose `scp` claim carries
 *   `Actions.Results:<workflow run backend id>:<job run backend id>`, the ids the client sends
 *   back). Errors use Twirp's JSON shape `{"code","msg","meta"}` and its HTTP statuses.
 * - blob storage, on a second server (another origin, as on GitHub where the signed URL points
 *   at Azure): the signed upload URL CreateArtifact hands out, a SAS-like query whose `sig` is an
 *   HMAC this stand-in checks. The Azure SDK uploads a stream as staged blocks
 *   (`PUT ?comp=block&blockid=…`) and a block list (`PUT ?comp=blocklist`); a single
 *   `PUT` with `x-ms-blob-type: BlockBlob` is accepted too. Errors are Azure's XML.
 *
 * Tests read back what was uploaded (name, size, hash, the bytes, and the zip's entries: v6
 * uploads a zip unless `skipArchive` is set) and inject faults. Every request is recorded with
 * the origin it reached and its Authorization header, so a test can prove where the token went.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { crc32, inflateRawSync } from 'node:zlib'

const SERVICE = 'github.actions.results.api.v1.ArtifactService'
const METHODS = [
  'CreateArtifact',
  'FinalizeArtifact',
  'ListArtifacts',
  'GetSignedArtifactURL',
  'DeleteArtifact',
] as const

/** What a test can make the service do; change it between runs (it is read per request). */
export interface ArtifactFaults {
  /** Every Twirp route answers 404 `bad_route`, as where this service does not exist. */
  missing: boolean
  /** The next N CreateArtifact calls answer 500 `internal` (`Infinity`: always). */
  createArtifact500: number
  /** The next N staged-block PUTs lose their connection half-way through the body. */
  blockReset: number
  /** The block list commit is refused (403 AuthenticationFailed, which the SDK does not retry). */
  refuseCommit: boolean
  /** FinalizeArtifact answers 200 `{"ok": false}`. */
  finalizeNotOk: boolean
  /** Error messages echo the request's Authorization header (a service that leaks it back). */
  echoAuthorization: boolean
}

export interface RecordedRequest {
  server: 'results' | 'blob'
  method: string
  url: string
  authorization?: string
  status: number
}

export interface UploadedArtifact {
  id: number
  name: string
  mimeType?: string
  /** What FinalizeArtifact declared. */
  size: number
  hash?: string
  /** The blob as stored. */
  bytes: Buffer
  /** The zip's entries (name → content), CRC-checked; throws if the blob is not a zip. */
  entries(): Map<string, Buffer>
}

export interface ArtifactService {
  /** ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN as the runner sets them. */
  env: { ACTIONS_RESULTS_URL: string; ACTIONS_RUNTIME_TOKEN: string }
  token: string
  resultsOrigin: string
  blobOrigin: string
  faults: ArtifactFaults
  requests: RecordedRequest[]
  /** Finalized artifacts, in order. */
  artifacts(): UploadedArtifact[]
  /** CreateArtifact calls that reached the handler (after auth), for retry counts. */
  calls: Record<(typeof METHODS)[number], number>
  reset(): void
  close(): Promise<void>
}

interface PendingArtifact {
  name: string
  mimeType?: string
  blobPath: string
  finalized?: { id: number; size: number; hash?: string }
}

const noFaults = (): ArtifactFaults => ({
  missing: false,
  createArtifact500: 0,
  blockReset: 0,
  refuseCommit: false,
  finalizeNotOk: false,
  echoAuthorization: false,
})

/** An HS256 JWT like the runner's: only its `scp` claim matters to the client. */
function runtimeJwt(key: Buffer, runId: string, jobId: string): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const body = `${b64({ typ: 'JWT', alg: 'HS256' })}.${b64({
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runId}:${jobId} Actions.UploadArtifacts:00000000-0000-0000-0000-000000000000/1:Build/Build/${jobId}`,
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vso:00000000-0000-0000-0000-000000000000',
    nbf: now - 60,
    exp: now + 3600,
  })}`
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })
}

export async function startArtifactService(): Promise<ArtifactService> {
  const key = randomBytes(32)
  const runId = randomUUID()
  const jobId = randomUUID()
  const token = runtimeJwt(key, runId, jobId)
  const faults = noFaults()
  const requests: RecordedRequest[] = []
  const calls = Object.fromEntries(METHODS.map((m) => [m, 0])) as ArtifactService['calls']
  let pending = new Map<string, PendingArtifact>()
  let blobs = new Map<string, Buffer>()
  let blocks = new Map<string, Map<string, Buffer>>()
  let nextId = 1000
  let blobOrigin = ''

  const sasSignature = (path: string, expiry: string, permissions: string) =>
    createHmac('sha256', key).update(`${permissions}\n${expiry}\n${path}`).digest('base64')

  // --- results service (Twirp JSON) ---------------------------------------------------------
  const twirp = (
    res: ServerResponse,
    status: number,
    code: string,
    msg: string,
    meta?: Record<string, string>,
  ) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ code, msg, ...(meta ? { meta } : {}) }))
  }
  const ok = (res: ServerResponse, body: object) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  const results = createServer(async (req, res) => {
    const auth = req.headers.authorization
    res.on('finish', () =>
      requests.push({
        server: 'results',
        method: req.method ?? '',
        url: req.url ?? '',
        ...(auth ? { authorization: auth } : {}),
        status: res.statusCode,
      }),
    )
    // Every Twirp error of this request; with echoAuthorization it carries the header back.
    const fail = (status: number, code: string, msg: string, meta?: Record<string, string>) =>
      twirp(
        res,
        status,
        code,
        faults.echoAuthorization ? `${msg} (request had Authorization: ${auth ?? 'none'})` : msg,
        meta,
      )
    const body = await readBody(req)
    const route = `${req.method} ${req.url}`
    const method = new RegExp(`^/twirp/${SERVICE.replace(/\./g, '\\.')}/(\\w+)$`).exec(
      req.url ?? '',
    )?.[1] as (typeof METHODS)[number] | undefined
    if (
      faults.missing ||
      req.method !== 'POST' ||
      !method ||
      !METHODS.includes(method) ||
      !/^application\/json\b/.test(req.headers['content-type'] ?? '')
    ) {
      return fail(404, 'bad_route', `no handler for path "${req.url}"`, {
        twirp_invalid_route: route,
      })
    }
    if (auth !== `Bearer ${token}`)
      return fail(401, 'unauthenticated', 'invalid or missing runtime token')
    let input: Record<string, unknown>
    try {
      input = JSON.parse(body.toString('utf8'))
    } catch {
      return fail(400, 'malformed', 'the json request could not be decoded')
    }
    const invalid = (argument: string, why: string) =>
      fail(400, 'invalid_argument', `${argument} ${why}`, { argument })
    if (input.workflow_run_backend_id !== runId || input.workflow_job_run_backend_id !== jobId)
      return fail(403, 'permission_denied', 'the backend ids do not match the token')
    const name = input.name
    if (typeof name !== 'string' || name === '') return invalid('name', 'is required')
    calls[method]++

    if (method === 'CreateArtifact') {
      if (faults.createArtifact500 > 0) {
        faults.createArtifact500--
        return fail(500, 'internal', 'failed to create artifact')
      }
      if (input.version !== 7) return invalid('version', 'must be 7')
      if (input.mime_type !== undefined && typeof input.mime_type !== 'string')
        return invalid('mime_type', 'must be a string')
      if (pending.has(name))
        return fail(409, 'already_exists', 'an artifact with this name already exists')
      const blobPath = `/devstoreaccount1/actions-results/${runId}/workflow-job-run-${jobId}/artifacts/${createHash('sha256').update(name).digest('hex')}.zip`
      pending.set(name, {
        name,
        blobPath,
        ...(typeof input.mime_type === 'string' ? { mimeType: input.mime_type } : {}),
      })
      const expiry = new Date(Date.now() + 3600_000).toISOString()
      const sas = new URLSearchParams({
        sv: '2024-11-04',
        sr: 'b',
        sp: 'cw',
        se: expiry,
        sig: sasSignature(blobPath, expiry, 'cw'),
      })
      return ok(res, { ok: true, signed_upload_url: `${blobOrigin}${blobPath}?${sas}` })
    }
    if (method === 'FinalizeArtifact') {
      const artifact = pending.get(name)
      if (!artifact || artifact.finalized)
        return fail(404, 'not_found', 'no artifact with this name is being uploaded')
      if (faults.finalizeNotOk) return ok(res, { ok: false })
      const blob = blobs.get(artifact.blobPath)
      if (!blob) return invalid('name', 'has no uploaded content')
      // int64 travels as a JSON string; the stand-in checks what the client declares.
      if (String(input.size) !== String(blob.length))
        return invalid('size', `is ${input.size}, the blob has ${blob.length} bytes`)
      const hash = `sha256:${createHash('sha256').update(blob).digest('hex')}`
      if (input.hash !== undefined && input.hash !== hash)
        return invalid('hash', `is ${input.hash}, the blob is ${hash}`)
      artifact.finalized = {
        id: nextId++,
        size: blob.length,
        ...(typeof input.hash === 'string' ? { hash: input.hash } : {}),
      }
      return ok(res, { ok: true, artifact_id: String(artifact.finalized.id) })
    }
    return fail(501, 'unimplemented', `${method} is not implemented by the stand-in`)
  })

  // --- blob storage (the signed URL) --------------------------------------------------------
  const azureError = (res: ServerResponse, status: number, code: string, message: string) => {
    res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code })
    res.end(
      `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    )
  }
  const created = (res: ServerResponse, extra: Record<string, string> = {}) => {
    res.writeHead(201, {
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2024-11-04',
      'x-ms-request-server-encrypted': 'true',
      date: new Date().toUTCString(),
      ...extra,
    })
    res.end()
  }

  const blob = createServer(async (req, res) => {
    const auth = req.headers.authorization
    res.on('finish', () =>
      requests.push({
        server: 'blob',
        method: req.method ?? '',
        url: req.url ?? '',
        ...(auth ? { authorization: auth } : {}),
        status: res.statusCode,
      }),
    )
    const url = new URL(req.url ?? '/', blobOrigin)
    const q = url.searchParams
    const expected = sasSignature(url.pathname, q.get('se') ?? '', q.get('sp') ?? '')
    const given = Buffer.from(q.get('sig') ?? '')
    if (
      req.method !== 'PUT' ||
      given.length !== Buffer.byteLength(expected) ||
      !timingSafeEqual(given, Buffer.from(expected)) ||
      !(q.get('sp') ?? '').includes('w') ||
      Date.parse(q.get('se') ?? '') < Date.now()
    ) {
      await readBody(req).catch(() => undefined)
      return azureError(
        res,
        403,
        'AuthenticationFailed',
        'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
      )
    }
    const comp = q.get('comp')
    if (comp === 'block') {
      const id = q.get('blockid')
      if (!id) return azureError(res, 400, 'InvalidQueryParameterValue', 'blockid is required')
      if (faults.blockReset > 0) {
        faults.blockReset--
        // Half the body, then the connection drops: an upload failing mid-way.
        const length = Number(req.headers['content-length'] ?? 0)
        let seen = 0
        req.on('data', (chunk: Buffer) => {
          seen += chunk.length
          if (seen >= length / 2) req.socket.destroy()
        })
        return
      }
      const bytes = await readBody(req)
      const staged = blocks.get(url.pathname) ?? new Map<string, Buffer>()
      staged.set(id, bytes)
      blocks.set(url.pathname, staged)
      return created(res, {
        'content-md5': createHash('md5').update(bytes).digest('base64'),
      })
    }
    if (comp === 'blocklist') {
      const xml = (await readBody(req)).toString('utf8')
      if (faults.refuseCommit)
        return azureError(
          res,
          403,
          'AuthorizationPermissionMismatch',
          'This request is not authorized to perform this operation using this permission.',
        )
      const ids = [...xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map(
        (m) => m[2] as string,
      )
      const staged = blocks.get(url.pathname) ?? new Map<string, Buffer>()
      const parts: Buffer[] = []
      for (const id of ids) {
        const part = staged.get(id)
        if (!part)
          return azureError(res, 400, 'InvalidBlockList', 'The specified block list is invalid.')
        parts.push(part)
      }
      blobs.set(url.pathname, Buffer.concat(parts))
      blocks.delete(url.pathname)
      return created(res, {
        etag: `"0x${randomBytes(8).toString('hex')}"`,
        'last-modified': new Date().toUTCString(),
      })
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      blobs.set(url.pathname, await readBody(req))
      return created(res, { etag: `"0x${randomBytes(8).toString('hex')}"` })
    }
    await readBody(req)
    return azureError(
      res,
      400,
      'UnsupportedQueryParameter',
      `comp=${comp} is not supported by the stand-in`,
    )
  })

  const resultsOrigin = await listen(results)
  blobOrigin = await listen(blob)

  return {
    env: { ACTIONS_RESULTS_URL: `${resultsOrigin}/`, ACTIONS_RUNTIME_TOKEN: token },
    token,
    resultsOrigin,
    blobOrigin,
    faults,
    requests,
    calls,
    artifacts() {
      return [...pending.values()].flatMap((a) => {
        const bytes = blobs.get(a.blobPath)
        if (!a.finalized || !bytes) return []
        return [
          {
            id: a.finalized.id,
            name: a.name,
            ...(a.mimeType ? { mimeType: a.mimeType } : {}),
            size: a.finalized.size,
            ...(a.finalized.hash ? { hash: a.finalized.hash } : {}),
            bytes,
            entries: () => readZip(bytes),
          },
        ]
      })
    },
    reset() {
      Object.assign(faults, noFaults())
      requests.length = 0
      for (const m of METHODS) calls[m] = 0
      pending = new Map()
      blobs = new Map()
      blocks = new Map()
    },
    close: async () => {
      await Promise.all([stop(results), stop(blob)])
    },
  }
}

/**
 * The entries of a zip (what the toolkit's archiver writes: streamed, so sizes live in the
 * central directory), each inflated and checked against its CRC-32.
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Error('not a zip: no end-of-central-directory record')
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const out = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry')
    const method = zip.readUInt16LE(at + 10)
    const crc = zip.readUInt32LE(at + 16)
    const compressed = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`)
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(start, start + compressed)
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : undefined
    if (!data) throw new Error(`${name}: compression method ${method} is not supported`)
    if (crc32(data) !== crc) throw new Error(`${name}: CRC-32 mismatch`)
    if (!name.endsWith('/')) out.set(name, data)
    at += 46 + nameLength + extraLength + commentLength
  }
  return out
}
