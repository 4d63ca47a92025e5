import type { Logger } from '../logger.js'
import type { ShipgateReport } from '../model.js'
import type { IdentityProvider } from '../sign/identity.js'
import type { OciStore } from '../sign/oci-store.js'
import { type ArtifactUploader, uploadSbom } from '../sign/sbom-artifact.js'
import type { SigningSettings } from '../sign/settings.js'
import type { TrustedRoot } from '../sign/trust-root.js'

export interface SignStageDeps {
  store: () => OciStore
  identity: () => IdentityProvider
  trustedRoot: () => Promise<TrustedRoot | undefined>
  uploader?: ArtifactUploader
  logger: Logger
}

export interface SignStageResult {
  /** Signing was asked for and did not complete for these images: the step must fail. */
  failed: { image: string; message: string }[]
  outputs: { digest: string; signature: string; attestations: string; sbom: string }
}

/**
 * After the verdict: upload each SBOM, then sign and attest each image's digest. Failures are
 * recorded in the report (partial results kept), never thrown, so the summary still shows all.
 */
export async function signStage(
  report: ShipgateReport,
  settings: SigningSettings,
  deps: SignStageDeps,
): Promise<SignStageResult> {
  const failed: SignStageResult['failed'] = []
  const sboms = report.images
    .map((i) => ({ image: i.image, path: i.artifacts.cyclonedx ?? i.artifacts.spdx }))
    .filter((s): s is { image: string; path: string } => Boolean(s.path))
  if (deps.uploader && settings.sbomFormat !== 'none') {
    for (const s of sboms)
      await uploadSbom(deps.uploader, s.path, s.image, settings.sbomFormat, deps.logger)
  }

  // Sigstore loads only when signing (issue 13: a run that does not sign never loads it).
  const step = settings.sign ? await import('../sign/step.js') : undefined
  if (settings.sign && step) {
    const { SigningError, signingSession } = step
    // Images that failed to scan are not in the report: they are never signed.
    let trustedRoot: TrustedRoot | undefined
    try {
      trustedRoot = await deps.trustedRoot()
    } catch (error) {
      const message = `The Sigstore trust root could not be loaded (${(error as Error).message}); signatures are pushed without the pre-push check.`
      deps.logger.warning(message)
      report.warnings.push(message)
    }
    let session: ReturnType<typeof signingSession> | undefined
    for (const image of report.images) {
      try {
        session ??= signingSession(settings, {
          store: deps.store(),
          identity: deps.identity(),
          logger: deps.logger,
          trustedRoot,
        })
        image.signing = await session.sign({
          image: image.image,
          digest: image.digest,
          sbomPath: settings.attestSbom
            ? (image.artifacts.cyclonedx ?? image.artifacts.spdx)
            : undefined,
          vuln: settings.attestVulnerabilities
            ? {
                trivyJsonPath: image.artifacts.trivyJson,
                trivyVersion: image.trivyVersion,
                scannedAt: image.scannedAt,
              }
            : undefined,
        })
        if (image.signing) image.digest ??= image.signing.digest
      } catch (error) {
        if (error instanceof SigningError && error.partial) image.signing = error.partial
        const message = `Signing ${image.image} failed: ${(error as Error).message}`
        failed.push({ image: image.image, message })
        report.warnings.push(message)
      }
    }
  }
  // Without signing nothing was signed: signingOutputs([]) (test/sign/stage-lazy.test.ts).
  const signed = step
    ? step.signingOutputs(report.images.flatMap((i) => (i.signing ? [i.signing] : [])))
    : { digest: '', signature: '', attestations: '[]' }
  return { failed, outputs: { ...signed, sbom: sboms[0]?.path ?? '' } }
}
