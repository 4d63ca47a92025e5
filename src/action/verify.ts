import * as core from '@actions/core'
import { InputError, parseImages } from '../inputs.js'
import { registryStore } from '../sign/registry-store.js'
import { loadTrustedRoot } from '../sign/trust-root.js'
import { parseDuration } from '../sign/verdict.js'
import { parseRequire, runVerify } from '../sign/verify-command.js'
import { actionLogger, getInput, registryClient } from './context.js'

/**
 * Verify-mode inputs, checked before any registry or TUF request and named as the action's
 * inputs (the shared verify command words its errors for the CLI's flags).
 */
function readVerifyInputs() {
  const identity = getInput('certificate-identity')
  const identityRegexp = getInput('certificate-identity-regexp')
  if (identity && identityRegexp) {
    throw new InputError(
      'certificate-identity',
      'give either `certificate-identity` or `certificate-identity-regexp`, not both.',
    )
  }
  if (!identity && !identityRegexp) {
    throw new InputError(
      'certificate-identity',
      'verify mode needs the workflow identity that must have signed, e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main (or `certificate-identity-regexp`).',
    )
  }
  if (identityRegexp) {
    try {
      new RegExp(identityRegexp)
    } catch (error) {
      throw new InputError(
        'certificate-identity-regexp',
        `not a valid regular expression: ${(error as Error).message}`,
      )
    }
  }
  const issuer = getInput('certificate-oidc-issuer')
  if (!issuer) {
    throw new InputError(
      'certificate-oidc-issuer',
      'verify mode needs the OIDC issuer of the signer: https://token.actions.githubusercontent.com for GitHub Actions.',
    )
  }
  const require = getInput('verify-require') || 'any'
  const maxDbAge = getInput('verify-max-db-age') || undefined
  // The shared parsers, with messages that name the action's inputs.
  for (const check of [
    () => parseRequire(require, 'Input `verify-require`'),
    () => maxDbAge && parseDuration(maxDbAge, 'Input `verify-max-db-age`'),
  ]) {
    try {
      check()
    } catch (error) {
      const [, name, rest] = /^Input `([^`]+)`: (.*)$/s.exec((error as Error).message) ?? []
      throw new InputError(name ?? 'verify-require', rest ?? (error as Error).message)
    }
  }
  const attestations = getInput('verify-attestations')
    .split(/[\s,]+/)
    .filter(Boolean)
  return {
    certificateIdentity: identity || undefined,
    certificateIdentityRegexp: identityRegexp || undefined,
    certificateOidcIssuer: issuer,
    require,
    maxDbAge,
    attestations: attestations.length ? attestations : undefined,
  }
}

/** A fence no line of `text` can close. */
function codeBlock(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}text\n${text}\n${fence}`
}

/** `mode: verify`: check the signatures of images signed earlier (e.g. before a deploy). */
export async function verifyMode(): Promise<void> {
  const images = parseImages(getInput('image'))
  if (!images.length) {
    throw new InputError(
      'image',
      'verify mode needs the image references whose signatures to check.',
    )
  }
  const options = readVerifyInputs()
  const trustedRootPath = getInput('trusted-root') || undefined
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
          core.info(t)
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
