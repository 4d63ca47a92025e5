/**
 * A Rekor v2 stand-in that accepts and refuses exactly what rekor-tiles does, because the
 * stock `@sigstore/mock` v2 handler (0.13.0 `createEntryV2Handler` / `TLogImpl.logV2`) takes
 * DSSE requests real Rekor v2 rejects and logs the request verbatim instead of the entry.
 *
 * Source of every rule (github.com/sigstore/rekor-tiles at 74e3eb0e, 2026-08-19):
 * - internal/server/service.go `CreateEntry`: only `hashedRekordRequestV002`; anything else is
 *   gRPC InvalidArgument "invalid type, must be hashedrekord" (HTTP 400); a request that fails
 *   validation is InvalidArgument "invalid hashedrekord request"; the stored entry is the JCS
 *   canonical protojson of `Entry{kind: hashedrekord, apiVersion: 0.0.2, spec.hashedRekordV002
 *   {data: {digest, algorithm}, signature}}`; the answer is a TransparencyLogEntry (201) with
 *   kindVersion and logId set, integratedTime 0 and no inclusion promise.
 * - pkg/types/hashedrekord/hashedrekord.go `ToLogEntry`: `validate` (signature content,
 *   verifier, digest present; pkg/types/verifier `Validate`: a public key or an X.509
 *   certificate with raw bytes), `verifySupportedAlgorithm` (internal/algorithmregistry
 *   `AllowedClientSigningAlgorithms`; the key must match key_details), digest length equal to
 *   the algorithm's hash size, then the signature verified over the digest as given (prehashed).
 * - internal/server/http.go: protojson with `DiscardUnknown: false` (unknown fields are
 *   refused) and `EmitUnpopulated: true` in answers; 4 MiB request limit (httpconfig.go).
 * - CLIENTS.md: checkpoint = C2SP signed note; the log ID is the full SHA-256 of the C2SP
 *   key ID, for Ed25519 `SHA-256(origin || 0x0A || 0x01 || public key)`.
 * The log is a real RFC 6962 Merkle tree (entries accumulate, proofs grow), so inclusion
 * proofs are checked beyond the trivial one-leaf tree.
 */
import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  X509Certificate,
} from 'node:crypto'

const MAX_REQUEST_BYTES = 4 * 1024 * 1024

/** internal/algorithmregistry AllowedClientSigningAlgorithms, with the hash each one implies. */
const ALLOWED: Record<string, { hash: string; size: number; key: string; curve?: string }> = {
  PKIX_RSA_PKCS1V15_2048_SHA256: { hash: 'sha256', size: 32, key: 'rsa' },
  PKIX_RSA_PKCS1V15_3072_SHA256: { hash: 'sha256', size: 32, key: 'rsa' },
  PKIX_RSA_PKCS1V15_4096_SHA256: { hash: 'sha256', size: 32, key: 'rsa' },
  PKIX_ECDSA_P256_SHA_256: { hash: 'sha256', size: 32, key: 'ec', curve: 'prime256v1' },
  PKIX_ECDSA_P384_SHA_384: { hash: 'sha384', size: 48, key: 'ec', curve: 'secp384r1' },
  PKIX_ECDSA_P521_SHA_512: { hash: 'sha512', size: 64, key: 'ec', curve: 'secp521r1' },
  PKIX_ED25519_PH: { hash: 'sha512', size: 64, key: 'ed25519' },
}

export interface RekorV2Answer {
  statusCode: number
  response: string
  contentType: string
}

export interface RekorV2Log {
  /** The C2SP origin: the log's host name (no port), as rekor-tiles names shards. */
  origin: string
  /** Full C2SP key ID, used as the entry's logId and the trusted root's checkpointKeyId. */
  logId: Buffer
  /** Every request body received, parsed, accepted or not. */
  requests: unknown[]
  /** Every entry logged (canonical JSON), in log order. */
  entries: string[]
  handle(body: Buffer): RekorV2Answer
  /** The trusted root `tlogs[]` element for this log. */
  trustedRootTlog(baseUrl: string): Record<string, unknown>
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')
const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest()
}

function grpcError(message: string, statusCode = 400, code = 3): RekorV2Answer {
  // grpc-gateway's error body for gRPC status `code` (3 = InvalidArgument).
  return {
    statusCode,
    response: JSON.stringify({ code, message, details: [] }),
    contentType: 'application/json',
  }
}

class Invalid extends Error {}

/** protojson accepts the JSON name or the proto field name; nothing else (DiscardUnknown false). */
function field(obj: Record<string, unknown>, json: string, proto: string): unknown {
  return obj[json] ?? obj[proto]
}

function onlyKnown(obj: unknown, allowed: string[], where: string): Record<string, unknown> {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
    throw new Invalid(`${where}: not an object`)
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw new Invalid(`${where}: unknown field "${key}"`)
  }
  return obj as Record<string, unknown>
}

function bytes(value: unknown, where: string): Buffer {
  if (value === undefined || value === null) return Buffer.alloc(0)
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value))
    throw new Invalid(`${where}: not base64`)
  return Buffer.from(value, 'base64')
}

// --- ECDSA over a prehashed digest (Node's crypto always hashes the input itself) -----------

const CURVES: Record<string, { p: bigint; n: bigint; a: bigint; gx: bigint; gy: bigint }> = {
  prime256v1: {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  },
}

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m
function inv(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n]
  while (r1 !== 0n) {
    const q = r0 / r1
    ;[r0, r1] = [r1, r0 - q * r1]
    ;[s0, s1] = [s1, s0 - q * s1]
  }
  return mod(s0, m)
}
type Point = [bigint, bigint] | null
function add(P: Point, Q: Point, c: { p: bigint; a: bigint }): Point {
  if (!P) return Q
  if (!Q) return P
  const [x1, y1] = P
  const [x2, y2] = Q
  if (x1 === x2 && mod(y1 + y2, c.p) === 0n) return null
  const l =
    x1 === x2 && y1 === y2
      ? mod((3n * x1 * x1 + c.a) * inv(2n * y1, c.p), c.p)
      : mod((y2 - y1) * inv(x2 - x1, c.p), c.p)
  const x3 = mod(l * l - x1 - x2, c.p)
  return [x3, mod(l * (x1 - x3) - y1, c.p)]
}
function mul(k: bigint, P: Point, c: { p: bigint; a: bigint }): Point {
  let R: Point = null
  let Q = P
  while (k > 0n) {
    if (k & 1n) R = add(R, Q, c)
    Q = add(Q, Q, c)
    k >>= 1n
  }
  return R
}
function derInts(sig: Buffer): [bigint, bigint] {
  // SEQUENCE { INTEGER r, INTEGER s } with short lengths (P-256 signatures are < 128 bytes)
  if (sig[0] !== 0x30) throw new Invalid('signature is not DER')
  let i = 2
  const out: bigint[] = []
  for (let k = 0; k < 2; k++) {
    if (sig[i] !== 0x02) throw new Invalid('signature is not DER')
    const len = sig[i + 1] as number
    out.push(BigInt(`0x${sig.subarray(i + 2, i + 2 + len).toString('hex') || '0'}`))
    i += 2 + len
  }
  return [out[0] as bigint, out[1] as bigint]
}
function verifyEcdsaPrehashed(key: KeyObject, digest: Buffer, sig: Buffer, curve: string): boolean {
  const c = CURVES[curve]
  if (!c) throw new Invalid(`curve ${curve} not supported by the stand-in`)
  const jwk = key.export({ format: 'jwk' })
  const Q: Point = [
    BigInt(`0x${Buffer.from(jwk.x as string, 'base64url').toString('hex')}`),
    BigInt(`0x${Buffer.from(jwk.y as string, 'base64url').toString('hex')}`),
  ]
  const [r, s] = derInts(sig)
  if (r <= 0n || r >= c.n || s <= 0n || s >= c.n) return false
  const e = BigInt(`0x${digest.toString('hex')}`)
  const w = inv(s, c.n)
  const X = add(mul(mod(e * w, c.n), [c.gx, c.gy], c), mul(mod(r * w, c.n), Q, c), c)
  return X !== null && mod(X[0], c.n) === r
}

// --- RFC 6962 Merkle tree ---------------------------------------------------------------

const leafHash = (data: Buffer) => sha256(Buffer.from([0]), data)
const nodeHash = (l: Buffer, r: Buffer) => sha256(Buffer.from([1]), l, r)
const split = (n: number) => 2 ** Math.floor(Math.log2(n - 1))
function root(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0] as Buffer
  const k = split(leaves.length)
  return nodeHash(root(leaves.slice(0, k)), root(leaves.slice(k)))
}
function path(m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length <= 1) return []
  const k = split(leaves.length)
  return m < k
    ? [...path(m, leaves.slice(0, k)), root(leaves.slice(k))]
    : [...path(m - k, leaves.slice(k)), root(leaves.slice(0, k))]
}

export function startRekorV2Log(origin: string): RekorV2Log {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const spki = publicKey.export({ format: 'der', type: 'spki' })
  const raw = spki.subarray(spki.length - 32)
  const logId = sha256(Buffer.from(origin), Buffer.from([0x0a, 0x01]), raw)
  const requests: unknown[] = []
  const entries: string[] = []
  const leaves: Buffer[] = []

  function toEntry(request: Record<string, unknown>): Record<string, unknown> {
    const hr = onlyKnown(request, ['digest', 'signature'], 'hashedRekordRequestV002')
    const signature = field(hr, 'signature', 'signature')
    if (!signature) throw new Invalid('missing signature')
    const sig = onlyKnown(signature, ['content', 'verifier'], 'signature')
    const content = bytes(sig.content, 'signature.content')
    if (!content.length) throw new Invalid('missing signature')
    if (!sig.verifier) throw new Invalid('missing verifier')
    const digest = bytes(hr.digest, 'digest')
    if (!digest.length) throw new Invalid('missing digest')
    const verifier = onlyKnown(
      sig.verifier,
      [
        'publicKey',
        'public_key',
        'x509Certificate',
        'x509_certificate',
        'keyDetails',
        'key_details',
      ],
      'verifier',
    )
    const pub = field(verifier, 'publicKey', 'public_key') as Record<string, unknown> | undefined
    const cert = field(verifier, 'x509Certificate', 'x509_certificate') as
      | Record<string, unknown>
      | undefined
    if (!pub && !cert) throw new Invalid('missing signature public key or X.509 certificate')
    const der = bytes(
      field(
        onlyKnown(pub ?? cert, ['rawBytes', 'raw_bytes'], 'verifier key'),
        'rawBytes',
        'raw_bytes',
      ),
      'rawBytes',
    )
    if (!der.length)
      throw new Invalid(
        pub ? 'missing public key raw bytes' : 'missing X.509 certificate raw bytes',
      )
    let key: KeyObject
    try {
      key = cert
        ? new X509Certificate(der).publicKey
        : createPublicKey({ key: der, format: 'der', type: 'spki' })
    } catch (error) {
      throw new Invalid(`parsing verifier: ${(error as Error).message}`)
    }
    const keyDetails = String(field(verifier, 'keyDetails', 'key_details') ?? '')
    const alg = ALLOWED[keyDetails]
    if (!alg) throw new Invalid(`unsupported key details ${keyDetails || '(none)'}`)
    if (
      key.asymmetricKeyType !== alg.key ||
      (alg.curve && key.asymmetricKeyDetails?.namedCurve !== alg.curve)
    )
      throw new Invalid(`unsupported entry algorithm for this key, digest ${alg.hash}`)
    if (digest.length !== alg.size)
      throw new Invalid(
        `digest length (${digest.length}) does not match expected size (${alg.size})`,
      )
    if (alg.key !== 'ec') throw new Invalid(`the stand-in verifies ECDSA only, not ${keyDetails}`)
    if (!verifyEcdsaPrehashed(key, digest, content, alg.curve as string))
      throw new Invalid('verifying signature: invalid signature')
    // protojson of Entry; JCS below sorts the keys.
    return {
      kind: 'hashedrekord',
      apiVersion: '0.0.2',
      spec: {
        hashedRekordV002: {
          data: { algorithm: alg.hash === 'sha256' ? 'SHA2_256' : alg.hash, digest: b64(digest) },
          signature: {
            content: b64(content),
            verifier: {
              [cert ? 'x509Certificate' : 'publicKey']: { rawBytes: b64(der) },
              keyDetails,
            },
          },
        },
      },
    }
  }

  function checkpoint(size: number, rootHash: Buffer): string {
    const note = `${origin}\n${size}\n${b64(rootHash)}\n`
    const signature = sign(null, Buffer.from(note), privateKey)
    return `${note}\n\u2014 ${origin} ${b64(Buffer.concat([logId.subarray(0, 4), signature]))}\n`
  }

  return {
    origin,
    logId,
    requests,
    entries,
    handle(body) {
      if (body.length > MAX_REQUEST_BYTES) return grpcError('request body too large', 413)
      let request: Record<string, unknown>
      try {
        request = JSON.parse(body.toString('utf8'))
      } catch {
        return grpcError('invalid JSON')
      }
      requests.push(request)
      try {
        onlyKnown(
          request,
          [
            'hashedRekordRequestV002',
            'hashed_rekord_request_v002',
            'dsseRequestV002',
            'dsse_request_v002',
          ],
          'CreateEntryRequest',
        )
      } catch (error) {
        return grpcError((error as Error).message)
      }
      const hr = field(request, 'hashedRekordRequestV002', 'hashed_rekord_request_v002')
      if (!hr) return grpcError('invalid type, must be hashedrekord')
      let entry: Record<string, unknown>
      try {
        entry = toEntry(hr as Record<string, unknown>)
      } catch (error) {
        if (error instanceof Invalid) return grpcError('invalid hashedrekord request')
        throw error
      }
      const canonical = canonicalize(entry)
      const index = leaves.length
      leaves.push(leafHash(Buffer.from(canonical)))
      entries.push(canonical)
      const rootHash = root(leaves)
      const response = {
        logIndex: String(index),
        logId: { keyId: b64(logId) },
        kindVersion: { kind: 'hashedrekord', version: '0.0.2' },
        integratedTime: '0',
        inclusionPromise: null,
        inclusionProof: {
          logIndex: String(index),
          rootHash: b64(rootHash),
          treeSize: String(leaves.length),
          hashes: path(index, leaves).map(b64),
          checkpoint: { envelope: checkpoint(leaves.length, rootHash) },
        },
        canonicalizedBody: b64(Buffer.from(canonical)),
      }
      return {
        statusCode: 201,
        response: JSON.stringify(response),
        contentType: 'application/json',
      }
    },
    trustedRootTlog(baseUrl) {
      return {
        baseUrl,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: b64(spki),
          keyDetails: 'PKIX_ED25519',
          validFor: { start: '2000-01-01T00:00:00Z' },
        },
        logId: { keyId: b64(logId) },
        checkpointKeyId: { keyId: b64(logId) },
      }
    },
  }
}

/** RFC 8785 for the JSON this file builds (strings and objects only). */
function canonicalize(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`
  const obj = value as Record<string, unknown>
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalize(obj[k])}`)
    .join(',')}}`
}
