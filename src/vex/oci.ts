/**
 * `vex: oci`: the image's own OpenVEX attestations, kept only when signed by the expected
 * identity. Trivy's `--vex oci` verifies no signature (pkg/vex/oci: "Trivy does not verify the
 * signature of the discovered VEX attestation"), so Shipgate finds them itself, in both formats
 * (`.att` and Sigstore bundle referrers), verifies each with the code `shipgate verify` uses
 * (src/sign/verify.ts, bundle-verify.ts), and hands Trivy only the verified predicates as files.
 * Anything else is ignored with a warning saying why: its statements suppress nothing.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Bundle } from '@sigstore/bundle'
import type { VexSourceRecord } from '../model.js'
import type { ImageManifest } from '../registry/media-types.js'
import { formatRepository, parseReference, type RepositoryRef } from '../registry/reference.js'
import { bundleVerifier, type IdentityPolicy, verifyBundle } from '../sign/bundle-verify.js'
import {
  bundleFromCosignLayer,
  cosignTag,
  DSSE_LAYER_MEDIA_TYPE,
  sha256,
} from '../sign/cosign-format.js'
import type { OciStore } from '../sign/oci-store.js'
import { findBundleReferrers } from '../sign/referrers.js'
import type { TrustedRoot } from '../sign/trust-root.js'
import { checkEnvelopeHash, readBundleReferrer } from '../sign/verify.js'
import { readVexDocument } from './document.js'
import { authorMatch, authorRefusal, sha256Hex } from './prepare.js'
import type { OciVexReader } from './stage.js'

/** OpenVEX predicate types (openvex/spec: the namespace, and its v0.2.0 form). */
export const OPENVEX_PREDICATE_TYPES: ReadonlySet<string> = new Set([
  'https://openvex.dev/ns',
  'https://openvex.dev/ns/v0.2.0',
])

/** Trivy caps OCI VEX at 100 attestations; so does Shipgate. */
const MAX_ATTESTATIONS = 100

export interface OciVexOptions {
  store: () => OciStore
  trustedRoot: () => Promise<TrustedRoot>
  /** Who must have signed: `certificate-identity`/`-regexp` and `certificate-oidc-issuer`. */
  policy: IdentityPolicy
  requiredAuthors?: string[]
}

interface Candidate {
  reference: string
  /** The bundle, and for `.att` layers the layer bytes (cosign's envelope-hash check). */
  read: () => Promise<{ bundle: Bundle; layer?: Uint8Array }>
}

const parseJson = <T>(bytes: Uint8Array): T => JSON.parse(Buffer.from(bytes).toString('utf8')) as T

/** What an unverified DSSE bundle claims to carry: only to decide whether to say why it was ignored. */
function claimedPredicateType(bundle: Bundle): string | undefined {
  if (bundle.content.$case !== 'dsseEnvelope') return undefined
  try {
    return parseJson<{ predicateType?: unknown }>(bundle.content.dsseEnvelope.payload)
      .predicateType as string | undefined
  } catch {
    return undefined
  }
}

async function candidates(store: OciStore, repo: RepositoryRef, digest: string) {
  const where = formatRepository(repo)
  const out: Candidate[] = []
  const tag = cosignTag(digest, 'att')
  const manifest = await store.getManifest(repo, tag)
  if (manifest) {
    const layers = parseJson<ImageManifest>(manifest.bytes).layers ?? []
    for (const [i, descriptor] of layers.entries()) {
      if (descriptor.mediaType !== DSSE_LAYER_MEDIA_TYPE) continue
      out.push({
        reference: `${where}:${tag}#${i}`,
        read: async () => {
          const layer = await store.getBlob(repo, descriptor.digest)
          if (sha256(layer) !== descriptor.digest)
            throw new Error('layer content does not match its digest')
          return { bundle: bundleFromCosignLayer(descriptor, layer), layer }
        },
      })
    }
  }
  const { referrers } = await findBundleReferrers(store, repo, digest)
  for (const descriptor of referrers) {
    out.push({
      reference: `${where}@${descriptor.digest}`,
      read: async () => ({ bundle: await readBundleReferrer(store, repo, descriptor) }),
    })
  }
  return out
}

export function ociVexReader(opts: OciVexOptions): OciVexReader {
  let verifier: ReturnType<typeof bundleVerifier> | undefined
  return async (image, dir) => {
    const records: VexSourceRecord[] = []
    const files: { path: string; record: number }[] = []
    const warnings: string[] = []
    const store = opts.store()
    const ref = parseReference(image)
    const repo: RepositoryRef = { registry: ref.registry, repository: ref.repository }
    const found = await store.headManifest(repo, ref.digest ?? ref.tag ?? 'latest')
    if (!found) throw new Error(`vex: oci: ${image} does not exist in the registry.`)
    const digest = ref.digest ?? found.digest
    verifier ??= bundleVerifier(await opts.trustedRoot())
    const all = await candidates(store, repo, digest)
    for (const c of all.slice(0, MAX_ATTESTATIONS)) {
      let bundle: Bundle
      let layer: Uint8Array | undefined
      try {
        ;({ bundle, layer } = await c.read())
      } catch (error) {
        warnings.push(
          `${image}: attestation ${c.reference} ignored for VEX: ${(error as Error).message}.`,
        )
        continue
      }
      const claimed = claimedPredicateType(bundle)
      if (!claimed || !OPENVEX_PREDICATE_TYPES.has(claimed)) continue
      let statement: { predicateType?: string; predicate?: unknown }
      let signer: { subject?: string; issuer?: string }
      try {
        const verified = verifyBundle(verifier, bundle, opts.policy, digest)
        if (layer) checkEnvelopeHash(bundle as never, layer)
        if (!verified.statement) throw new Error('no in-toto statement')
        statement = verified.statement
        signer = verified.signer
      } catch (error) {
        warnings.push(
          `${image}: OpenVEX attestation ${c.reference} ignored, its statements suppress nothing: ${(error as Error).message}.`,
        )
        continue
      }
      const bytes = Buffer.from(JSON.stringify(statement.predicate ?? null))
      const record: VexSourceRecord = {
        source: 'oci',
        kind: 'oci',
        image,
        reference: c.reference,
        sha256: sha256Hex(bytes),
        format: 'openvex',
        authors: [],
        statements: 0,
        applied: false,
        signer: { identity: signer.subject ?? '', issuer: signer.issuer ?? '' },
      }
      try {
        const doc = readVexDocument(bytes)
        if (doc.format !== 'openvex') throw new Error(`its predicate is ${doc.format}, not OpenVEX`)
        record.authors = doc.authors
        record.statements = doc.statements
      } catch (error) {
        record.skipped = (error as Error).message.replace(/^is /, 'the predicate is ')
        records.push(record)
        warnings.push(
          `${image}: OpenVEX attestation ${c.reference} is signed but not applied: ${record.skipped}`,
        )
        continue
      }
      const index = records.push(record) - 1
      if (opts.requiredAuthors && !authorMatch(record.authors, opts.requiredAuthors)) {
        record.skipped = authorRefusal(record.authors, opts.requiredAuthors)
        warnings.push(
          `${image}: OpenVEX attestation ${c.reference} is not applied: ${record.skipped}.`,
        )
        continue
      }
      await mkdir(dir, { recursive: true })
      const path = join(dir, `vex-oci-${index + 1}.openvex.json`)
      await writeFile(path, bytes)
      record.applied = true
      files.push({ path, record: index })
    }
    if (all.length > MAX_ATTESTATIONS) {
      warnings.push(
        `${image}: more than ${MAX_ATTESTATIONS} attestations; only the first ${MAX_ATTESTATIONS} were read for VEX.`,
      )
    }
    return { records, files, warnings }
  }
}
