/**
 * `shipgate verify`: finds an image's signatures and attestations in both formats (cosign's
 * `.sig`/`.att` tags and Sigstore bundle referrers), verifies each against the trust root and
 * the expected identity, and says what was verified. Exit status 0 verified, 1 not, 2 error.
 */
import { bundleFromJSON } from '@sigstore/bundle'
import type { Logger } from '../logger.js'
import type { Descriptor, ImageManifest } from '../registry/media-types.js'
import { formatRepository, parseReference, type RepositoryRef } from '../registry/reference.js'
import { bundleVerifier, type IdentityPolicy, verifyBundle } from './bundle-verify.js'
import type { CertificateIdentity } from './certificate.js'
import {
  Annotation,
  bundleFromCosignLayer,
  cosignTag,
  DSSE_LAYER_MEDIA_TYPE,
  leafCertificatePem,
  SIMPLESIGNING_MEDIA_TYPE,
  sha256,
} from './cosign-format.js'
import { checkLayerTimestamp, timestampAuthoritiesOf } from './layer-timestamp.js'
import type { OciStore } from './oci-store.js'
import { PredicateType } from './payloads.js'
import { BundleAnnotation, findBundleReferrers } from './referrers.js'
import type { TrustedRoot } from './trust-root.js'
import { GATE_VERDICT_PREDICATE_TYPE, verdictProblems } from './verdict.js'

export type RequiredFormats = 'any' | 'cosign' | 'bundle' | 'both'

export interface VerifyOptions {
  image: string
  policy: IdentityPolicy
  /** Which formats must each hold at least one verified signature. Default `any`. */
  require?: RequiredFormats
  /** Predicate types that must each be attested (verified) too, e.g. the vuln predicate. */
  requireAttestations?: string[]
  /**
   * A verified gate verdict (src/sign/verdict.ts) must say PASSED for this digest, with a DB
   * built at most `maxDbAgeMs` before the gate ran.
   */
  requireVerdict?: { maxDbAgeMs?: number }
}

export interface VerifiedItem {
  format: 'cosign' | 'bundle'
  kind: 'signature' | 'attestation'
  predicateType?: string
  /** Where it was found: `repo:sha256-….sig` or `repo@sha256:…` (referrer manifest). */
  reference: string
  signer: CertificateIdentity
  logIndex?: string
}

export interface RejectedItem {
  format: 'cosign' | 'bundle'
  reference: string
  reason: string
}

export interface VerifyResult {
  image: string
  digest: string
  verified: VerifiedItem[]
  rejected: RejectedItem[]
  /** Why the result is "not verified", empty when it is verified. */
  missing: string[]
  ok: boolean
  referrersVia: 'referrers-api' | 'tag-schema'
}

export class VerifyError extends Error {
  override name = 'VerifyError'
}

const parseJson = <T>(bytes: Uint8Array): T => JSON.parse(Buffer.from(bytes).toString('utf8')) as T

export async function verifyImage(
  options: VerifyOptions,
  deps: { store: OciStore; trustedRoot: TrustedRoot; logger: Logger },
): Promise<VerifyResult> {
  const ref = parseReference(options.image)
  const repo: RepositoryRef = { registry: ref.registry, repository: ref.repository }
  const where = formatRepository(repo)
  const found = await deps.store.headManifest(repo, ref.digest ?? ref.tag ?? 'latest')
  if (!found) throw new VerifyError(`${options.image} does not exist in the registry.`)
  const digest = ref.digest ?? found.digest
  const verifier = bundleVerifier(deps.trustedRoot)
  let tsas: ReturnType<typeof timestampAuthoritiesOf> | undefined
  const verified: VerifiedItem[] = []
  const rejected: RejectedItem[] = []
  // Verified verdicts and what keeps each from accepting the image ([] = accepts).
  const verdicts: { reference: string; problems: string[] }[] = []
  const noteVerdict = (
    reference: string,
    statement: { predicateType?: string; predicate?: unknown } | undefined,
  ) => {
    if (statement?.predicateType !== GATE_VERDICT_PREDICATE_TYPE) return
    verdicts.push({
      reference,
      problems: verdictProblems(statement, digest, options.requireVerdict?.maxDbAgeMs),
    })
  }

  // Classic: .sig and .att
  for (const suffix of ['sig', 'att'] as const) {
    const tag = cosignTag(digest, suffix)
    const manifest = await deps.store.getManifest(repo, tag)
    if (!manifest) continue
    const layers = parseJson<ImageManifest>(manifest.bytes).layers ?? []
    for (const [i, layer] of layers.entries()) {
      const reference = `${where}:${tag}#${i}`
      const expected = suffix === 'sig' ? SIMPLESIGNING_MEDIA_TYPE : DSSE_LAYER_MEDIA_TYPE
      if (layer.mediaType !== expected) continue
      try {
        const blob = await deps.store.getBlob(repo, layer.digest)
        if (sha256(blob) !== layer.digest)
          throw new Error('layer content does not match its digest')
        const bundle = bundleFromCosignLayer(layer, blob)
        const result = verifyBundle(
          verifier,
          bundle,
          options.policy,
          digest,
          suffix === 'sig' ? blob : undefined,
        )
        if (suffix === 'att') {
          checkEnvelopeHash(bundle, blob)
          // cosign checks this timestamp over the layer bytes; the rebuilt bundle cannot carry it.
          const stamp = layer.annotations?.[Annotation.timestamp]
          if (stamp !== undefined) {
            tsas ??= timestampAuthoritiesOf(deps.trustedRoot)
            checkLayerTimestamp(stamp, blob, leafCertificatePem(bundle), tsas)
          }
        }
        const item: VerifiedItem = {
          format: 'cosign',
          kind: suffix === 'sig' ? 'signature' : 'attestation',
          reference,
          signer: result.signer,
        }
        if (result.statement) item.predicateType = result.statement.predicateType
        if (result.logIndex) item.logIndex = result.logIndex
        verified.push(item)
        noteVerdict(reference, result.statement)
      } catch (error) {
        rejected.push({ format: 'cosign', reference, reason: (error as Error).message })
      }
    }
  }

  // Bundles as referrers (API or tag schema).
  const { referrers, via } = await findBundleReferrers(deps.store, repo, digest)
  for (const descriptor of referrers) {
    const reference = `${where}@${descriptor.digest}`
    try {
      const bundle = await readBundleReferrer(deps.store, repo, descriptor)
      const result = verifyBundle(verifier, bundle, options.policy, digest)
      const predicateType = result.statement?.predicateType
      const item: VerifiedItem = {
        format: 'bundle',
        kind: predicateType === PredicateType.cosignSign ? 'signature' : 'attestation',
        reference,
        signer: result.signer,
      }
      if (predicateType) item.predicateType = predicateType
      if (result.logIndex) item.logIndex = result.logIndex
      verified.push(item)
      noteVerdict(reference, result.statement)
    } catch (error) {
      rejected.push({ format: 'bundle', reference, reason: (error as Error).message })
    }
  }

  const missing: string[] = []
  const signed = (format: 'cosign' | 'bundle') =>
    verified.some((v) => v.format === format && v.kind === 'signature')
  const require = options.require ?? 'any'
  if (require === 'any' && !signed('cosign') && !signed('bundle')) {
    missing.push('no verified signature in either format')
  }
  if ((require === 'cosign' || require === 'both') && !signed('cosign')) {
    missing.push(`no verified cosign signature (${cosignTag(digest, 'sig')})`)
  }
  if ((require === 'bundle' || require === 'both') && !signed('bundle')) {
    missing.push('no verified Sigstore bundle signature among the referrers')
  }
  for (const type of options.requireAttestations ?? []) {
    if (!verified.some((v) => v.kind === 'attestation' && v.predicateType === type)) {
      missing.push(`no verified attestation of type ${type}`)
    }
  }
  if (options.requireVerdict && !verdicts.some((v) => v.problems.length === 0)) {
    missing.push(
      verdicts.length
        ? `no accepting gate verdict (${verdicts.map((v) => `${v.reference}: ${v.problems.join(', ')}`).join('; ')})`
        : `no verified gate verdict (${GATE_VERDICT_PREDICATE_TYPE})`,
    )
  }
  return {
    image: options.image,
    digest,
    verified,
    rejected,
    missing,
    ok: missing.length === 0,
    referrersVia: via,
  }
}

export async function readBundleReferrer(
  store: OciStore,
  repo: RepositoryRef,
  descriptor: Descriptor,
) {
  const fetched = await store.getManifest(repo, descriptor.digest)
  if (!fetched) throw new Error('the referrer manifest is gone')
  if (sha256(fetched.bytes) !== descriptor.digest)
    throw new Error('manifest content does not match its digest')
  const manifest = parseJson<ImageManifest>(fetched.bytes)
  const layer = manifest.layers?.[0]
  if (!layer) throw new Error('the referrer has no layer')
  const blob = await store.getBlob(repo, layer.digest)
  if (sha256(blob) !== layer.digest) throw new Error('bundle content does not match its digest')
  const bundle = bundleFromJSON(parseJson(blob))
  const annotated = manifest.annotations?.[BundleAnnotation.predicateType]
  if (bundle.content.$case === 'dsseEnvelope' && annotated) {
    const type = parseJson<{ predicateType?: string }>(
      bundle.content.dsseEnvelope.payload,
    ).predicateType
    if (type !== annotated)
      throw new Error(`annotated as ${annotated} but the statement is ${type}`)
  }
  return bundle
}

/** cosign's check for `.att` layers: the Rekor dsse entry's envelopeHash is sha256 of the layer. */
export function checkEnvelopeHash(
  bundle: ReturnType<typeof bundleFromCosignLayer>,
  blob: Uint8Array,
): void {
  const entry = bundle.verificationMaterial.tlogEntries[0]
  if (!entry) return
  const body = JSON.parse(Buffer.from(entry.canonicalizedBody).toString('utf8')) as {
    kind: string
    spec?: { envelopeHash?: { value?: string } }
  }
  if (body.kind !== 'dsse') return
  if (`sha256:${body.spec?.envelopeHash?.value}` !== sha256(blob)) {
    throw new Error('the Rekor entry was made for a different envelope than this layer')
  }
}

/** What the CLI prints: one line per artifact, then the verdict. */
export function renderVerifyResult(result: VerifyResult): string {
  const lines = [`${result.image} -> ${result.digest}`]
  for (const v of result.verified) {
    const what = v.kind === 'signature' ? 'signature' : `attestation ${v.predicateType}`
    lines.push(
      `  verified  ${v.format.padEnd(6)} ${what}  signer ${v.signer.subject} (issuer ${v.signer.issuer})${v.logIndex ? ` rekor #${v.logIndex}` : ''}  ${v.reference}`,
    )
  }
  for (const r of result.rejected) {
    lines.push(`  REJECTED  ${r.format.padEnd(6)} ${r.reference}: ${r.reason}`)
  }
  lines.push(
    result.ok
      ? `Verified: ${result.verified.filter((v) => v.kind === 'signature').length} signature(s), ${result.verified.filter((v) => v.kind === 'attestation').length} attestation(s).`
      : `NOT verified: ${result.missing.join('; ')}.`,
  )
  return lines.join('\n')
}

export function verifyExitCode(outcome: VerifyResult | Error): 0 | 1 | 2 {
  if (outcome instanceof Error) return 2
  return outcome.ok ? 0 : 1
}
