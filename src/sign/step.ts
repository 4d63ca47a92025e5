/**
 * The signing step of the pipeline: for one scanned image, sign its digest and attach its
 * SBOM and scan result, in cosign's classic layout and as Sigstore bundle referrers.
 * Everything is signed first and checked against the trust root, then pushed, so a registry
 * failure never leaves a half-signed state without saying exactly what did get through.
 */
import type { BundleWithDsseEnvelope } from '@sigstore/bundle'
import type { Logger } from '../logger.js'
import type { SigningReport } from '../model.js'
import { registerSecret } from '../redact.js'
import type { Descriptor } from '../registry/media-types.js'
import { formatRepository, parseReference, type RepositoryRef } from '../registry/reference.js'
import { bundleVerifier, verifyBundle } from './bundle-verify.js'
import { type CertificateIdentity, chainPemFor, identityFromPem } from './certificate.js'
import {
  attestationLayer,
  attestationLayerBytes,
  leafCertificatePem,
  signatureLayer,
} from './cosign-format.js'
import { appendCosignLayer } from './cosign-publish.js'
import { type IdentityProvider, tokenClaims } from './identity.js'
import type { OciStore } from './oci-store.js'
import {
  dockerReference,
  PredicateType,
  sbomPredicate,
  sbomPredicateType,
  simpleSigningPayload,
  statement,
  type VulnPredicateSource,
  vulnPredicate,
} from './payloads.js'
import { attachBundleReferrer } from './referrers.js'
import { type EnabledSigningSettings, privacyRefusal, type SigstoreEndpoints } from './settings.js'
import {
  DEFAULT_RETRY,
  type KeylessSigner,
  keylessSigner,
  type RetryPolicy,
} from './sigstore-signer.js'
import { caChains, type TrustedRoot } from './trust-root.js'
import { GATE_VERDICT_PREDICATE_TYPE, type GateVerdictPredicate } from './verdict.js'
import { verifyImage } from './verify.js'

export interface SignInput {
  /** The reference the user gave (tag or digest). */
  image: string
  /** `sha256:…` when the pipeline already resolved it; it then wins over the tag. */
  digest?: string
  /** SBOM file made by `trivy convert`, in `settings.sbomFormat`. */
  sbomPath?: string
  /** Trivy's JSON report, for the vulnerability attestation. */
  vuln?: VulnPredicateSource
  /**
   * The gate verdict, built once the signer is known (its workflow is the policy's URI).
   * Only PASSED verdicts are pushed: see signingSession.
   */
  verdict?: (signed: {
    policyUri: string
    repository: string
    digest: string
  }) => GateVerdictPredicate
}

export interface SigningDeps {
  store: OciStore
  identity: IdentityProvider
  logger: Logger
  /**
   * Checks every signature before it is pushed and fills cosign's chain annotation. Without it
   * signatures are pushed unchecked (a warning says so).
   */
  trustedRoot?: TrustedRoot
  retry?: RetryPolicy
  now?: () => Date
  /** The public-good endpoints from the signing config (TUF); used when `useSigningConfig`. */
  signingConfig?: () => Promise<SigstoreEndpoints>
  /** Called with the DSSE bundles of an image once they were read back and verified. */
  onVerified?: (
    digest: string,
    bundles: { predicateType: string; bundle: BundleWithDsseEnvelope }[],
  ) => Promise<void>
}

/** Signing failed part-way: `partial` lists what did reach the registry. */
export class SigningError extends Error {
  override name = 'SigningError'
  constructor(
    message: string,
    readonly partial: SigningReport | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export class ImageNotFoundError extends Error {
  override name = 'ImageNotFoundError'
}

export function transparencyLogLink(
  rekorURL: string,
  publicLog: boolean,
  logIndex: string,
  rekorVersion: 1 | 2 = 1,
): string {
  // Rekor v2 serves no entry lookup (tiles only) and search.sigstore.dev indexes v1: name it.
  if (rekorVersion === 2) return `${rekorURL} (Rekor v2) entry ${logIndex}`
  return publicLog
    ? `https://search.sigstore.dev/?logIndex=${logIndex}`
    : `${rekorURL}/api/v1/log/entries?logIndex=${logIndex}`
}

interface PendingAttestation {
  predicateType: string
  bundle: BundleWithDsseEnvelope
  /** RFC 3161 timestamp over the `.att` layer bytes (cosign's classic check), with a TSA. */
  layerTimestamp?: Uint8Array
}

export interface SigningSession {
  /** Signs one image; one Fulcio certificate is shared by every image of the session. */
  sign(input: SignInput): Promise<SigningReport>
}

export function signingSession(
  settings: EnabledSigningSettings,
  deps: SigningDeps,
): SigningSession {
  const now = deps.now ?? (() => new Date())
  let token: Promise<string> | undefined
  const getToken = () => {
    token ??= deps.identity.getToken().then((value) => {
      // Whatever provider gave it, the token never appears in a message from here on.
      registerSecret(value)
      checkPrivacy(settings, value)
      return value
    })
    return token
  }
  let signer: KeylessSigner | undefined
  let endpoints: Promise<SigstoreEndpoints> | undefined
  const verifier = deps.trustedRoot ? bundleVerifier(deps.trustedRoot) : undefined
  const chains = deps.trustedRoot ? caChains(deps.trustedRoot) : []

  return {
    async sign(input) {
      // Before any work: no token, no signing (names the missing permission).
      deps.identity.preflight()
      const started = Date.now()
      const ref = parseReference(input.image)
      const repo: RepositoryRef = { registry: ref.registry, repository: ref.repository }
      const subject = await resolveSubject(deps.store, repo, input.digest ?? ref.digest, ref.tag)
      const digest = subject.digest
      const name = `${formatRepository(repo)}@${digest}`
      deps.logger.info(`Signing ${name}${ref.tag ? ` (tag ${ref.tag})` : ''}`)

      // Payloads first: a bad SBOM or report fails before any certificate is requested.
      const attestations: { predicateType: string; body: Buffer }[] = []
      if (settings.attestSbom && settings.sbomFormat !== 'none') {
        if (!input.sbomPath) {
          throw new SigningError(
            `No SBOM file for ${name}, but 'attest-sbom' is on; the scan step did not produce one.`,
            undefined,
          )
        }
        const predicateType = sbomPredicateType(settings.sbomFormat)
        const predicate = await sbomPredicate(input.sbomPath, settings.sbomFormat)
        attestations.push({
          predicateType,
          body: statement(repo, digest, predicateType, predicate),
        })
      }
      if (settings.attestVulnerabilities) {
        if (!input.vuln) {
          throw new SigningError(
            `No Trivy report for ${name}, but 'attest-vulnerabilities' is on.`,
            undefined,
          )
        }
        const predicate = await vulnPredicate(input.vuln, now())
        attestations.push({
          predicateType: PredicateType.vuln,
          body: statement(repo, digest, PredicateType.vuln, predicate),
        })
      }

      // The token first, on its own: a refused token or the privacy rule fail with their own message.
      const jwt = await getToken()
      // Once per session (one TUF fetch per job): the services the signing config lists.
      endpoints ??=
        settings.useSigningConfig && deps.signingConfig
          ? deps.signingConfig()
          : Promise.resolve(settings.endpoints)
      const services = await endpoints.catch((error: Error) => {
        throw new SigningError(error.message, undefined, { cause: error })
      })
      if (settings.attestVerdict) {
        if (!input.verdict) {
          throw new SigningError(
            `No gate verdict for ${name}, but 'attest-verdict' is on; the gate did not run for it.`,
            undefined,
          )
        }
        const predicate = input.verdict({
          policyUri: policyUri(jwt),
          repository: dockerReference(repo),
          digest,
        })
        // A FAILED verdict is never pushed: cosign 3 and Kyverno ImageValidatingPolicy count any
        // verified same-identity attestation as a signature, so it would let the image through.
        if (predicate.verificationResult !== 'PASSED') {
          throw new SigningError(
            `Refusing to attest a ${predicate.verificationResult} gate verdict for ${name}.`,
            undefined,
          )
        }
        attestations.push({
          predicateType: GATE_VERDICT_PREDICATE_TYPE,
          body: statement(repo, digest, GATE_VERDICT_PREDICATE_TYPE, predicate),
        })
      }
      signer ??= keylessSigner({
        endpoints: services,
        getToken,
        retry: deps.retry ?? DEFAULT_RETRY,
        rekorVersion: settings.rekorVersion,
      })
      const cosign = settings.signatureFormat !== 'bundle'
      const bundles = settings.signatureFormat !== 'cosign'

      const payload = simpleSigningPayload(repo, digest)
      const messageBundle = cosign ? await signer.signMessage(payload) : undefined
      const signBundle = bundles
        ? await signer.signStatement(statement(repo, digest, PredicateType.cosignSign, {}))
        : undefined
      const signed: PendingAttestation[] = []
      for (const a of attestations) {
        const bundle = await signer.signStatement(a.body)
        const pending: PendingAttestation = { predicateType: a.predicateType, bundle }
        if (cosign) {
          const stamp = await signer.timestamp(attestationLayerBytes(bundle))
          if (stamp) pending.layerTimestamp = stamp
        }
        signed.push(pending)
      }

      const anyBundle = messageBundle ?? signBundle ?? signed[0]?.bundle
      if (!anyBundle) throw new SigningError('Nothing to sign: check signature-format.', undefined)
      const certificatePem = leafCertificatePem(anyBundle)
      const signerIdentity: CertificateIdentity = identityFromPem(certificatePem) ?? {}
      deps.logger.info(
        `Signed as ${signerIdentity.subject ?? '(no SAN)'} (issuer ${signerIdentity.issuer ?? 'unknown'})`,
      )

      if (verifier) {
        const check = (bundle: typeof anyBundle, artifact?: Buffer) =>
          verifyBundle(verifier, bundle, undefined, digest, artifact)
        try {
          if (messageBundle) check(messageBundle, payload)
          if (signBundle) check(signBundle)
          for (const a of signed) check(a.bundle)
        } catch (error) {
          throw new SigningError(
            `The signatures Shipgate just made for ${name} do not verify against the trust root (${(error as Error).message}); nothing was pushed. Check that 'trusted-root' belongs to the Fulcio/Rekor in 'fulcio-url'/'rekor-url'.`,
            undefined,
            { cause: error },
          )
        }
      } else {
        deps.logger.warning(
          'No trust root available: pushing signatures without checking them first.',
        )
      }
      const chainPem = chains.length ? chainPemFor(certificatePem, chains) : ''

      const logIndex = anyBundle.verificationMaterial.tlogEntries[0]?.logIndex
      const report: SigningReport = { digest, signatures: [], attestations: [] }
      if (input.sbomPath) report.sbom = input.sbomPath
      if (logIndex !== undefined) {
        report.transparencyLog = transparencyLogLink(
          services.rekorURL,
          settings.publicTransparencyLog,
          String(logIndex),
          settings.rekorVersion,
        )
      }
      const where = formatRepository(repo)
      try {
        if (messageBundle) {
          const sig = await appendCosignLayer(
            deps.store,
            repo,
            digest,
            'sig',
            signatureLayer(messageBundle, payload, chainPem),
            signerIdentity,
          )
          report.signatures.push({ format: 'cosign', reference: `${where}:${sig.tag}` })
          deps.logger.info(
            `Pushed cosign signature ${where}:${sig.tag}${sig.replaced ? ` (replaced ${sig.replaced} earlier signature of this identity)` : ''}`,
          )
          for (const a of signed) {
            const att = await appendCosignLayer(
              deps.store,
              repo,
              digest,
              'att',
              attestationLayer(a.bundle, a.predicateType, chainPem, a.layerTimestamp),
              signerIdentity,
            )
            report.attestations.push({
              predicateType: a.predicateType,
              format: 'cosign',
              reference: `${where}:${att.tag}`,
            })
          }
          if (signed.length)
            deps.logger.info(
              `Pushed ${signed.length} cosign attestation(s) to ${where}:${digest.replace(':', '-')}.att`,
            )
        }
        if (signBundle) {
          const attached = await attachBundleReferrer(
            deps.store,
            repo,
            subject,
            signBundle,
            PredicateType.cosignSign,
            signerIdentity,
            now(),
          )
          if (attached.notReplaced) deps.logger.warning(`${where}: ${attached.notReplaced}`)
          report.signatures.push({ format: 'bundle', reference: `${where}@${attached.digest}` })
          deps.logger.info(
            `Pushed signature bundle ${where}@${attached.digest} (${attached.via === 'referrers-api' ? 'referrers API' : 'referrers tag schema'})`,
          )
          for (const a of signed) {
            const ref = await attachBundleReferrer(
              deps.store,
              repo,
              subject,
              a.bundle,
              a.predicateType,
              signerIdentity,
              now(),
            )
            if (ref.notReplaced) deps.logger.warning(`${where}: ${ref.notReplaced}`)
            report.attestations.push({
              predicateType: a.predicateType,
              format: 'bundle',
              reference: `${where}@${ref.digest}`,
            })
          }
        }
      } catch (error) {
        throw new SigningError(
          `Signed ${name}, but pushing to ${where} failed: ${(error as Error).message.replace(/\.$/, '')}. ` +
            `${report.signatures.length + report.attestations.length} of ${countExpected(cosign, bundles, signed.length)} signatures/attestations reached the registry; the SBOM and report are unaffected. Check that the job may push to ${where} (e.g. 'packages: write' for ghcr.io) and re-run.`,
          report,
          { cause: error },
        )
      }
      if (deps.trustedRoot) {
        await readBack(report, {
          where,
          digest,
          signer: signerIdentity,
          expected: [
            ...(cosign ? expectedIn('cosign', signed) : []),
            ...(bundles ? expectedIn('bundle', signed) : []),
          ],
          store: deps.store,
          trustedRoot: deps.trustedRoot,
          logger: deps.logger,
        })
      }
      if (report.verified && deps.onVerified) {
        await deps.onVerified(digest, [
          ...(signBundle ? [{ predicateType: PredicateType.cosignSign, bundle: signBundle }] : []),
          ...signed.map((a) => ({ predicateType: a.predicateType, bundle: a.bundle })),
        ])
      }
      deps.logger.info(`Signing ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`)
      return report
    },
  }
}

interface Expected {
  format: 'cosign' | 'bundle'
  /** Undefined: the image signature. */
  predicateType?: string
}

function expectedIn(format: Expected['format'], signed: PendingAttestation[]): Expected[] {
  return [{ format }, ...signed.map((a) => ({ format, predicateType: a.predicateType }))]
}

/**
 * Read back, then claim: what was pushed is fetched again from the registry (the `.sig`/`.att`
 * tags, the referrers API or tag schema) and verified with `shipgate verify`'s code against
 * the same trust root and this workflow's identity. Only then is the report marked verified;
 * anything missing or not verifying fails signing with the artifact named.
 */
async function readBack(
  report: SigningReport,
  o: {
    where: string
    digest: string
    signer: CertificateIdentity
    expected: Expected[]
    store: OciStore
    trustedRoot: TrustedRoot
    logger: Logger
  },
): Promise<void> {
  const image = `${o.where}@${o.digest}`
  if (!o.signer.subject || !o.signer.issuer) {
    throw new SigningError(
      `Pushed the signatures for ${image}, but the certificate names no identity to read them back against.`,
      report,
    )
  }
  const result = await verifyImage(
    {
      image,
      policy: { identity: { exact: o.signer.subject }, issuer: o.signer.issuer },
      require: 'any',
    },
    { store: o.store, trustedRoot: o.trustedRoot, logger: o.logger },
  )
  const absent = o.expected.filter(
    (e) =>
      !result.verified.some(
        (v) =>
          v.format === e.format &&
          (e.predicateType === undefined
            ? v.kind === 'signature'
            : v.kind === 'attestation' && v.predicateType === e.predicateType),
      ),
  )
  if (absent.length) {
    const what = absent
      .map(
        (e) =>
          `${e.format === 'cosign' ? 'cosign' : 'bundle'} ${e.predicateType ? `attestation ${e.predicateType}` : 'signature'}`,
      )
      .join(', ')
    const rejected = result.rejected.map((r) => `${r.reference}: ${r.reason}`).join('; ')
    throw new SigningError(
      `Pushed the signatures for ${image}, but reading them back from the registry did not verify: ${what}${rejected ? ` (rejected: ${rejected})` : ' (not found)'}. The registry did not keep what was pushed; do not rely on these signatures, and re-run or check the registry.`,
      report,
    )
  }
  report.verified = true
  o.logger.info(
    `Read back and verified ${o.expected.length} signature(s)/attestation(s) of ${image} from the registry`,
  )
}

function countExpected(cosign: boolean, bundles: boolean, attestations: number): number {
  return (cosign ? 1 + attestations : 0) + (bundles ? 1 + attestations : 0)
}

/** The workflow that ran (and holds the gate's inputs): `https://github.com/<job_workflow_ref>`. */
function policyUri(token: string): string {
  try {
    const claims = tokenClaims(token)
    const ref = claims.job_workflow_ref
    if (typeof ref === 'string' && ref) return `https://github.com/${ref}`
    if (typeof claims.sub === 'string' && claims.sub) return `urn:shipgate:signer:${claims.sub}`
  } catch {
    // not a JWT we can read: fall through
  }
  return 'urn:shipgate:inputs'
}

/** Signing from a non-public repository into the public log needs the explicit opt-in; the token knows the truth. */
function checkPrivacy(settings: EnabledSigningSettings, token: string): void {
  if (!settings.publicTransparencyLog || settings.publicTransparencyLogOptIn) return
  const visibility = tokenClaims(token).repository_visibility
  if (typeof visibility === 'string' && visibility !== 'public') {
    throw new SigningError(privacyRefusal(visibility), undefined)
  }
}

async function resolveSubject(
  store: OciStore,
  repo: RepositoryRef,
  digest: string | undefined,
  tag: string | undefined,
): Promise<Descriptor> {
  const wanted = digest ?? tag ?? 'latest'
  const found = await store.headManifest(repo, wanted)
  if (!found) {
    throw new ImageNotFoundError(
      `${formatRepository(repo)}${digest ? `@${digest}` : `:${wanted}`} does not exist in the registry, so it cannot be signed. Push the image before Shipgate runs (or pass the digest docker/build-push-action printed).`,
    )
  }
  return digest ? { ...found, digest } : found
}

/** Convenience for one image. */
export function signAndAttest(
  input: SignInput,
  settings: EnabledSigningSettings,
  deps: SigningDeps,
): Promise<SigningReport> {
  return signingSession(settings, deps).sign(input)
}

/**
 * Action outputs for the signed images. `signature`/`attestations` name only what was read
 * back from the registry and verified: nothing else is claimed.
 */
export function signingOutputs(all: SigningReport[]): {
  digest: string
  signature: string
  attestations: string
  'signature-verified': string
} {
  const reports = all.filter((r) => r.verified === true)
  const first = reports[0]
  return {
    digest: all[0]?.digest ?? '',
    signature:
      first?.signatures.find((s) => s.format === 'cosign')?.reference ??
      first?.signatures[0]?.reference ??
      '',
    attestations: JSON.stringify(
      reports.flatMap((r) => r.attestations.map((a) => ({ digest: r.digest, ...a }))),
    ),
    // Measured, never assumed: true only when every signed image was read back and verified.
    'signature-verified': all.length ? String(reports.length === all.length) : '',
  }
}
