/**
 * Fulcio, Rekor (v1), a timestamp authority and a GitHub OIDC token endpoint from
 * `@sigstore/mock`, served over real HTTP on 127.0.0.1, plus the trusted root built
 * from the very same keys so `@sigstore/verify` checks what Shipgate produced.
 *
 * Two deliberate departures from the stock mock, both making it closer to the real services:
 * - Rekor canonicalizes `dsse` entries like the real one (the stock mock logs the
 *   proposed entry verbatim, which real verifiers reject: "signature count mismatch").
 * - Fulcio derives the SAN from `job_workflow_ref` like the real GitHub issuer
 *   configuration (`https://github.com/<job_workflow_ref>`), not from `sub`.
 * The TSA response is re-issued when its genTime has a fraction @sigstore/core rejects
 * (the mock's ~10 % "invalid time" flake described in the notes).
 */
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RFC3161Timestamp } from '@sigstore/core'
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
} from '@sigstore/mock'
import { type RekorV2Log, startRekorV2Log } from './rekor-v2.js'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

export interface WorkflowClaims {
  repository: string
  /** e.g. `octo-org/app/.github/workflows/release.yml@refs/heads/main` */
  job_workflow_ref: string
  ref?: string
  sha?: string
  event_name?: string
  repository_visibility?: 'public' | 'private' | 'internal'
  [claim: string]: unknown
}

export const DEFAULT_CLAIMS: WorkflowClaims = {
  repository: 'octo-org/app',
  job_workflow_ref: 'octo-org/app/.github/workflows/release.yml@refs/heads/main',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  event_name: 'push',
  workflow: 'release',
  repository_visibility: 'public',
}

export function identityOf(claims: WorkflowClaims): string {
  return `https://github.com/${claims.job_workflow_ref}`
}

/** Failure injection for one service: answer `status` (or stall `delayMs`) for the next `times` calls. */
export interface Fault {
  status?: number
  delayMs?: number
  times: number
  /**
   * Echo the caller's OIDC token (Fulcio: `credentials.oidcIdentityToken`) in the error body,
   * as a misbehaving service or proxy might: the text must never reach any output.
   */
  echoToken?: boolean
}

export type ServiceName = 'fulcio' | 'rekor' | 'rekorV2' | 'tsa' | 'oidc'

export interface MockSigstore {
  url: string
  fulcioURL: string
  rekorURL: string
  /** A Rekor v2 log (test/support/sigstore/rekor-v2.ts) on the same server, in the trusted root. */
  rekorV2URL: string
  rekorV2: RekorV2Log
  tsaURL: string
  /** What the runner would put in ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN. */
  oidcRequestURL: string
  oidcRequestToken: string
  /** TrustedRoot JSON (protobuf-specs JSON form), built from the mock's keys. */
  trustedRoot: Record<string, unknown>
  claims: WorkflowClaims
  /** A signed-looking JWT for `claims` (the mock Fulcio does not check JWT signatures). */
  token(audience?: string): string
  calls: Record<ServiceName, number>
  faults: Partial<Record<ServiceName, Fault>>
  close(): Promise<void>
}

const b64 = (data: Uint8Array | Buffer) => Buffer.from(data).toString('base64')
const b64url = (data: string) => Buffer.from(data).toString('base64url')

function keyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
}

function makeJwt(claims: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'mock' }))
  const payload = b64url(JSON.stringify(claims))
  return `${header}.${payload}.${b64url('not-a-real-signature')}`
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Rekor's canonical form of a dsse v0.0.1 entry (what real Rekor stores and returns). */
export function canonicalDsseEntry(proposed: {
  apiVersion: string
  kind: string
  spec: { proposedContent: { envelope: string; verifiers: string[] } }
}): object {
  const envelopeText = proposed.spec.proposedContent.envelope
  const envelope = JSON.parse(envelopeText) as {
    payload: string
    signatures: { sig: string }[]
  }
  const sha256 = (d: Buffer | string) => createHash('sha256').update(d).digest('hex')
  return {
    apiVersion: proposed.apiVersion,
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(envelopeText) },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(envelope.payload, 'base64')) },
      signatures: envelope.signatures.map((s, i) => ({
        signature: s.sig,
        verifier:
          proposed.spec.proposedContent.verifiers[i] ?? proposed.spec.proposedContent.verifiers[0],
      })),
    },
  }
}

export async function startMockSigstore(
  options: { claims?: Partial<WorkflowClaims> } = {},
): Promise<MockSigstore> {
  const claims = { ...DEFAULT_CLAIMS, ...options.claims } as WorkflowClaims
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`

  const ctlog = await initializeCTLog(keyPair())
  const ca = await initializeCA(keyPair(), ctlog)
  const tlog = await initializeTLog(url, keyPair())
  const tsa = await initializeTSA(keyPair())
  const fulcio = fulcioHandler(ca, { strict: true })
  const rekor = rekorHandler(tlog, { strict: true })
  const timestamp = tsaHandler(tsa, { strict: true })
  // The checkpoint origin is the log's host name without port: sigstore-go verifies the note
  // under `url.Parse(baseUrl).Hostname()` (pkg/verify/tlog.go), as rekor-tiles names shards.
  const rekorV2 = startRekorV2Log(new URL(url).hostname)

  const oidcRequestToken = 'runtime-token-for-tests'
  const calls: Record<ServiceName, number> = { fulcio: 0, rekor: 0, rekorV2: 0, tsa: 0, oidc: 0 }
  const faults: Partial<Record<ServiceName, Fault>> = {}

  const token = (audience = 'sigstore') =>
    makeJwt({
      iss: GITHUB_ISSUER,
      aud: audience,
      sub: `repo:${claims.repository}:ref:${claims.ref ?? 'refs/heads/main'}`,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 300,
      ...claims,
    })

  async function route(service: ServiceName, req: IncomingMessage, body: Buffer) {
    switch (service) {
      case 'oidc': {
        if (req.headers.authorization !== `Bearer ${oidcRequestToken}`) {
          return { statusCode: 401, response: '{"message":"bad runtime token"}' }
        }
        const audience = new URL(req.url ?? '/', url).searchParams.get('audience') ?? undefined
        return {
          statusCode: 200,
          response: JSON.stringify({ value: token(audience) }),
          contentType: 'application/json',
        }
      }
      case 'fulcio': {
        // Real Fulcio's GitHub issuer puts https://github.com/<job_workflow_ref> in the SAN.
        const request = JSON.parse(body.toString())
        const jwt: string = request.credentials.oidcIdentityToken
        const [, payload] = jwt.split('.')
        const tokenClaims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())
        if (tokenClaims.job_workflow_ref) {
          tokenClaims.sub = `https://github.com/${tokenClaims.job_workflow_ref}`
        }
        request.credentials.oidcIdentityToken = makeJwt(tokenClaims)
        return fulcio.fn(JSON.stringify(request))
      }
      case 'rekor': {
        const proposed = JSON.parse(body.toString())
        const entry = proposed.kind === 'dsse' ? canonicalDsseEntry(proposed) : proposed
        return rekor.fn(JSON.stringify(entry))
      }
      case 'rekorV2':
        return rekorV2.handle(body)
      case 'tsa': {
        for (let attempt = 0; ; attempt++) {
          const result = await timestamp.fn(body.toString())
          if (result.statusCode !== 201 || attempt >= 20) return result
          try {
            const parsed = RFC3161Timestamp.parse(Buffer.from(result.response as Uint8Array))
            void parsed.signingTime
            return result
          } catch {
            // genTime with 1-2 fractional digits: ask the mock TSA again
          }
        }
      }
    }
  }

  function serviceFor(req: IncomingMessage): ServiceName | undefined {
    const path = new URL(req.url ?? '/', url).pathname
    if (req.method === 'POST' && path === '/api/v2/signingCert') return 'fulcio'
    if (req.method === 'POST' && path === '/api/v1/log/entries') return 'rekor'
    if (req.method === 'POST' && path === '/api/v2/log/entries') return 'rekorV2'
    if (req.method === 'POST' && path === '/api/v1/timestamp') return 'tsa'
    if (req.method === 'GET' && path === '/oidc/token') return 'oidc'
    return undefined
  }

  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req)
    const service = serviceFor(req)
    if (!service) {
      res.writeHead(404).end('not found')
      return
    }
    calls[service]++
    const fault = faults[service]
    if (fault && fault.times > 0) {
      fault.times--
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
      if (fault.status) {
        let message = `injected ${service} failure`
        if (fault.echoToken) {
          let echoed = req.headers.authorization ?? ''
          try {
            echoed = JSON.parse(body.toString()).credentials?.oidcIdentityToken ?? echoed
          } catch {
            // not JSON: echo the Authorization header
          }
          message = `invalid identity token ${echoed}: token rejected`
        }
        res
          .writeHead(fault.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ code: fault.status, message }))
        return
      }
    }
    try {
      const result = await route(service, req, body)
      res.writeHead(result.statusCode, { 'content-type': result.contentType ?? 'text/plain' })
      res.end(
        typeof result.response === 'string'
          ? result.response
          : Buffer.from(
              result.response.buffer,
              result.response.byteOffset,
              result.response.byteLength,
            ),
      )
    } catch (error) {
      res.writeHead(500).end(String(error))
    }
  })

  const start = '2000-01-01T00:00:00Z'
  const tsaIntermediate = Buffer.from(tsa.intCertificate.buffer)
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: url,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: b64(tlog.publicKey),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor: { start },
        },
        logId: { keyId: b64(createHash('sha256').update(tlog.publicKey).digest()) },
      },
      rekorV2.trustedRootTlog(url),
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: url,
        certChain: { certificates: [{ rawBytes: b64(Buffer.from(ca.rootCertificate.buffer)) }] },
        validFor: { start },
      },
    ],
    ctlogs: [
      {
        baseUrl: url,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: b64(ctlog.publicKey),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor: { start },
        },
        logId: { keyId: b64(Buffer.from(ctlog.logID.buffer)) },
      },
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: url,
        certChain: {
          certificates: [
            { rawBytes: b64(tsaIntermediate) },
            { rawBytes: b64(Buffer.from(tsa.rootCertificate.buffer)) },
          ],
        },
        validFor: { start },
      },
    ],
  }

  return {
    url,
    fulcioURL: url,
    rekorURL: url,
    rekorV2URL: url,
    rekorV2,
    tsaURL: `${url}/api/v1/timestamp`,
    oidcRequestURL: `${url}/oidc/token?api-version=2.0`,
    oidcRequestToken,
    trustedRoot,
    claims,
    token,
    calls,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
