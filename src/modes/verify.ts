/**
 * `mode: verify` in the action: check the signatures of images signed earlier (e.g. before a
 * deploy), from resolved settings. Options are checked before any registry or TUF request and
 * named as the action's inputs (the shared verify command words its errors for CLI flags).
 */
import * as core from '@actions/core'
import { actionLogger, info } from '../action/context.js'
import { registryClient } from '../action/registry-client.js'
import { InputError, type Setting } from '../settings/origin.js'
import type { VerifySettings } from '../settings/resolve.js'
import { VERIFY_SPEC } from '../settings/spec.js'
import { registryStore } from '../sign/registry-store.js'
import { loadTrustedRoot } from '../sign/trust-root.js'
import { runVerify } from '../sign/verify-command.js'

/** Where an error about `setting` points: where it came from, else the input to set. */
function at(setting: Setting<unknown>, key: string) {
  return setting.origin.kind === 'default' ? key : setting.origin
}

function verifyOptions(s: VerifySettings) {
  const identity = s.certificateIdentity.value
  const identityRegexp = s.certificateIdentityRegexp.value
  if (identity && identityRegexp) {
    throw new InputError(
      at(s.certificateIdentity, VERIFY_SPEC.certificateIdentity.key),
      'give either `certificate-identity` or `certificate-identity-regexp`, not both.',
    )
  }
  if (!identity && !identityRegexp) {
    throw new InputError(
      at(s.certificateIdentity, VERIFY_SPEC.certificateIdentity.key),
      'verify mode needs the workflow identity that must have signed, e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main (or `certificate-identity-regexp`).',
    )
  }
  const issuer = s.certificateOidcIssuer.value
  if (!issuer) {
    throw new InputError(
      at(s.certificateOidcIssuer, VERIFY_SPEC.certificateOidcIssuer.key),
      'verify mode needs the OIDC issuer of the signer: https://token.actions.githubusercontent.com for GitHub Actions.',
    )
  }
  const attestations = s.verifyAttestations.value
  return {
    certificateIdentity: identity,
    certificateIdentityRegexp: identityRegexp,
    certificateOidcIssuer: issuer,
    require: s.verifyRequire.value,
    maxDbAge: s.verifyMaxDbAge.value,
    attestations: attestations.length ? attestations : undefined,
  }
}

/** A fence no line of `text` can close. */
function codeBlock(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}text\n${text}\n${fence}`
}

export async function verifyMode(s: VerifySettings): Promise<void> {
  const images = s.images.value
  if (!images.length) {
    throw new InputError(
      at(s.images, VERIFY_SPEC.images.key),
      'verify mode needs the image references whose signatures to check.',
    )
  }
  const options = verifyOptions(s)
  const trustedRootPath = s.trustedRoot.value
  // Once for every image; a bad path or unreachable TUF is an error, not "did not verify".
  const trustedRoot = await loadTrustedRoot(trustedRootPath ? { path: trustedRootPath } : {})
  const client = registryClient()
  const notVerified: string[] = []
  const errored: string[] = []
  const sections: string[] = []
  let firstDigest = ''
  for (const image of images) {
    const printed: string[] = []
    const { exitCode, result } = await runVerify(
      { image, ...options },
      {
        store: registryStore(client),
        logger: actionLogger,
        trustedRoot,
        print: (t) => {
          printed.push(t)
          info(t)
        },
      },
    )
    firstDigest ||= result?.digest ?? ''
    if (exitCode === 1) notVerified.push(image)
    if (exitCode === 2) errored.push(image)
    const icon = exitCode === 0 ? '✅' : '❌'
    const status = exitCode === 0 ? 'verified' : exitCode === 1 ? 'NOT verified' : 'not checked'
    sections.push(
      `${icon} \`${image.replace(/`/g, '')}\` ${status}\n\n${codeBlock(printed.join('\n'))}`,
    )
  }
  const failed = notVerified.length + errored.length
  core.setOutput('verdict', failed ? 'fail' : 'pass')
  core.setOutput('digest', firstDigest)
  const problems = [
    notVerified.length
      ? `${notVerified.length} of ${images.length} image(s) did not verify (${notVerified.join(', ')}); see the lines above.`
      : '',
    errored.length
      ? `${errored.length} of ${images.length} image(s) could not be checked (${errored.join(', ')}); the error is in the lines above.`
      : '',
  ].filter(Boolean)
  const headline = failed
    ? '### ❌ Signature verification failed'
    : `### ✅ Signatures verified for ${images.length} image(s)`
  try {
    await core.summary.addRaw([headline, ...sections].join('\n\n')).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
  if (failed) core.setFailed(problems.join('\n'))
}
