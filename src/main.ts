import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import * as github from '@actions/github'
import { PolicyInputError, parseBaseImagePolicy } from '../scanners/base-image/index.js'
import {
  createActionsCacheAdapter,
  parseDbRepositories,
  prepareTrivyDb,
} from '../scanners/trivy/db.js'
import { createToolCacheAdapter, execaExec, installTrivy } from '../scanners/trivy/install.js'
import { publishComment, shouldComment } from './github/comment.js'
import { commentMarker } from './github/marker.js'
import { createOctokitCommenter } from './github/octokit.js'
import {
  type CommentInputs,
  commentKey,
  InputError,
  parseBoolean,
  readCommentInputs,
  readScanInputs,
} from './inputs.js'
import type { Logger } from './logger.js'
import { SEVERITIES, type ShipgateReport } from './model.js'
import { type PipelineResult, runPipeline, type TrivyHandle } from './pipeline.js'
import { imageReport } from './policy/evaluate.js'
import { defaultCredentials, RegistryClient } from './registry/index.js'
import {
  COMMENT_MAX_LENGTH,
  renderReportMarkdown,
  SUMMARY_MAX_LENGTH,
} from './render/report-markdown.js'
import { actionsArtifactUploader } from './sign/actions-artifact.js'
import { githubIdentity } from './sign/github-identity.js'
import { MissingIdTokenPermissionError } from './sign/identity.js'
import { registryStore } from './sign/registry-store.js'
import { readSigningSettings, SigningInputError, type SigningSettings } from './sign/settings.js'
import { loadTrustedRoot, TrustRootError } from './sign/trust-root.js'
import { runVerify } from './sign/verify-command.js'
import { baseImageStage } from './stages/base-image.js'
import { signStage } from './stages/sign.js'
import { VERSION } from './version.js'

const actionLogger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
}

const getInput = (name: string) => core.getInput(name)

/** Install (or find) Trivy and prepare its DB once for the whole job, on first use. */
function trivyProvider(): () => Promise<TrivyHandle | undefined> {
  let handle: Promise<TrivyHandle> | undefined
  return () => {
    handle ??= (async () => {
      const installed = await core.group('Install Trivy', () =>
        installTrivy(
          { version: getInput('trivy-version'), checksum: getInput('trivy-checksum') },
          {
            toolCache: createToolCacheAdapter(),
            exec: execaExec,
            logger: actionLogger,
            env: process.env,
          },
        ),
      )
      core.info(`Trivy ${installed.version} from ${installed.source}: ${installed.path}`)
      const cacheDir = join(process.env.RUNNER_TEMP || tmpdir(), 'shipgate-trivy-cache')
      // A report-only run needs no DB: `trivy convert` works offline.
      if (getInput('trivy-report')) return { path: installed.path, skipDbUpdate: false, cacheDir }
      const db = await core.group('Prepare the vulnerability DB', () =>
        prepareTrivyDb(
          {
            trivyPath: installed.path,
            cacheDir,
            repositories: parseDbRepositories(getInput('db-repository')),
            useCache: parseBoolean(getInput('cache-db'), 'cache-db', true),
          },
          {
            cache: createActionsCacheAdapter(),
            exec: execaExec,
            logger: actionLogger,
            now: new Date(),
          },
        ),
      )
      if (db.dbAgeHours !== undefined) core.info(`Vulnerability DB built ${db.dbAgeHours} h ago`)
      return { path: installed.path, skipDbUpdate: db.ready, cacheDir: db.cacheDir }
    })()
    return handle
  }
}

function setOutputs(result: PipelineResult): void {
  const { report } = result
  core.setOutput('verdict', report.verdict)
  for (const s of SEVERITIES) core.setOutput(s.toLowerCase(), String(report.totals[s]))
  core.setOutput('report', result.reportPath)
  core.setOutput('sarif', result.sarifPath ?? '')
  core.setOutput('reason', report.reason)
  const bases = report.images.flatMap((i) =>
    i.baseImage ? [{ image: i.image, ...i.baseImage }] : [],
  )
  core.setOutput('base-image', JSON.stringify(bases))
  core.setOutput(
    'base-image-violations',
    String(bases.reduce((n, b) => n + b.violations.length, 0)),
  )
}

/** Where the full result can be read: the run page shows every job summary. */
function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env
  if (!server || !repo || !run) return undefined
  const attempt = process.env.GITHUB_RUN_ATTEMPT
  return `${server}/${repo}/actions/runs/${run}${attempt ? `/attempts/${attempt}` : ''}`
}

/**
 * Post or update the sticky comment. Never throws and never changes the exit status: a
 * failure becomes a warning that the summary and the report carry.
 */
async function comment(report: ShipgateReport, inputs: CommentInputs, key: string): Promise<void> {
  const decision =
    inputs.pullRequest !== undefined && inputs.when !== 'never'
      ? {
          comment: true,
          issueNumber: inputs.pullRequest,
          fromFork: false,
          why: `\`pull-request\` is ${inputs.pullRequest}.`,
        }
      : shouldComment(inputs.when, github.context.eventName, github.context.payload)
  core.info(`Pull-request comment: ${decision.why}`)
  if (!decision.comment || decision.issueNumber === undefined) {
    core.setOutput('comment-status', 'disabled')
    return
  }
  try {
    const { owner, repo } = github.context.repo
    const commenter = createOctokitCommenter({
      token: inputs.token,
      apiUrl: process.env.GITHUB_API_URL,
      owner,
      repo,
      issueNumber: decision.issueNumber,
      logger: actionLogger,
    })
    // `comment-per: image`: each image its own comment, verdict and key (`<key>:<image>`).
    const comments =
      inputs.per === 'image' && report.images.length > 1
        ? report.images.map((image) => ({
            body: imageReport(report, image),
            key: inputs.key ? `${inputs.key}:${image.image}` : image.image,
          }))
        : [{ body: report, key }]
    const statuses: string[] = []
    const urls: string[] = []
    for (const c of comments) {
      const body = renderReportMarkdown(c.body, {
        maxLength: COMMENT_MAX_LENGTH,
        summaryUrl: runUrl(),
        marker: commentMarker(c.key),
      })
      const result = await publishComment(
        { body, key: c.key, mode: inputs.mode, fromFork: decision.fromFork },
        { github: commenter, logger: actionLogger },
      )
      statuses.push(result.status)
      if (result.status === 'failed') {
        core.warning(result.reason)
        report.warnings.push(result.reason)
      } else {
        if (result.url) urls.push(result.url)
        core.info(`Pull-request comment ${result.status}${result.url ? `: ${result.url}` : ''}`)
      }
    }
    // One status for the step: the worst that happened.
    const order = ['failed', 'created', 'updated', 'skipped']
    core.setOutput('comment-status', order.find((s) => statuses.includes(s)) ?? 'skipped')
    core.setOutput('comment-url', urls.join('\n'))
  } catch (error) {
    const reason = `The pull-request comment was not written: ${(error as Error).message}`
    core.setOutput('comment-status', 'failed')
    core.warning(reason)
    report.warnings.push(reason)
  }
}

async function writeSummary(report: ShipgateReport): Promise<void> {
  try {
    await core.summary
      .addRaw(renderReportMarkdown(report, { maxLength: SUMMARY_MAX_LENGTH, summaryUrl: runUrl() }))
      .write()
  } catch (error) {
    // The summary is a convenience; the outputs and the report file still carry everything.
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}

/** Registry access for signing, verifying and the base-image check: docker login, inputs, GITHUB_TOKEN. */
function registryClient(): RegistryClient {
  const password = getInput('registry-password')
  if (password) core.setSecret(password)
  return new RegistryClient({
    credentials: defaultCredentials({
      username: getInput('registry-username') || undefined,
      password: password || undefined,
      env: { ...process.env, GITHUB_TOKEN: process.env.GITHUB_TOKEN || getInput('github-token') },
    }),
    logger: actionLogger,
    insecure: true, // plain HTTP is only ever used for loopback registries
  })
}

function readSigning(): SigningSettings {
  const raw = Object.fromEntries(
    [
      'sign',
      'attest-sbom',
      'attest-vulnerabilities',
      'sbom-format',
      'signature-format',
      'fulcio-url',
      'rekor-url',
      'tsa-url',
      'public-transparency-log',
      'trusted-root',
    ].map((name) => [name, getInput(name)]),
  )
  const repository = github.context.payload.repository as
    | { visibility?: string; private?: boolean }
    | undefined
  const visibility =
    repository?.visibility ??
    (repository?.private === true
      ? 'private'
      : repository?.private === false
        ? 'public'
        : undefined)
  const settings = readSigningSettings(raw, {
    repositoryVisibility: visibility as 'public' | 'private' | 'internal' | undefined,
  })
  // Fail before any work when signing cannot possibly succeed.
  if (settings.sign) githubIdentity().preflight()
  return settings
}

const VERIFY_REQUIRE = ['any', 'cosign', 'bundle', 'both']

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
  const require = (getInput('verify-require') || 'any').toLowerCase()
  if (!VERIFY_REQUIRE.includes(require)) {
    throw new InputError(
      'verify-require',
      `"${require}" is not one of ${VERIFY_REQUIRE.join(', ')} (which signature formats must verify).`,
    )
  }
  const attestations = getInput('verify-attestations')
    .split(/[\s,]+/)
    .filter(Boolean)
  return {
    certificateIdentity: identity || undefined,
    certificateIdentityRegexp: identityRegexp || undefined,
    certificateOidcIssuer: issuer,
    require,
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
async function verifyMode(): Promise<void> {
  const images = readScanInputs((name) => (name === 'trivy-report' ? '' : getInput(name))).images
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

export async function run(): Promise<void> {
  try {
    const mode = (getInput('mode') || 'scan').toLowerCase()
    if (mode === 'verify') return await verifyMode()
    if (mode !== 'scan')
      throw new InputError('mode', `"${mode}" is not a mode; use scan or verify.`)
    const inputs = readScanInputs(getInput)
    const signing = readSigning()
    const basePolicy = parseBaseImagePolicy({
      mode: getInput('base-image-policy'),
      allowedBaseImages: getInput('allowed-base-images'),
      forbid: getInput('forbid'),
      maxImageSize: getInput('max-image-size'),
    })
    const commentInputs = readCommentInputs(getInput, inputs.images.length)
    if (commentInputs.token) core.setSecret(commentInputs.token)
    const temp = process.env.RUNNER_TEMP || tmpdir()
    const outputDir = join(
      temp,
      `shipgate-${process.env.GITHUB_RUN_ID ?? 'local'}-${randomBytes(4).toString('hex')}`,
    )
    const sarifPath = inputs.sarif ?? join(outputDir, 'shipgate.sarif')

    const result = await runPipeline(
      {
        images: inputs.images,
        reportFile: inputs.trivyReport,
        failOn: inputs.failOn,
        ignoreUnfixed: inputs.ignoreUnfixed,
        ignoreFile: inputs.ignoreFile,
        scanners: inputs.scanners,
        timeout: inputs.timeout,
        platform: inputs.platform,
        sarifPath,
        outputDir,
        concurrency: inputs.maxParallel,
        compareTo: commentInputs.compareTo,
        gateScope: commentInputs.gateScope,
        sbomFormat: signing.sbomFormat === 'none' ? undefined : signing.sbomFormat,
      },
      {
        logger: actionLogger,
        trivy: trivyProvider(),
        now: () => new Date(),
        version: VERSION,
        baseImage: basePolicy
          ? baseImageStage(basePolicy, {
              client: registryClient,
              platform: inputs.platform,
              dockerfile: getInput('dockerfile') || undefined,
              logger: actionLogger,
              offline: inputs.images.length === 0,
            })
          : undefined,
      },
    )
    for (const warning of result.report.warnings) core.warning(warning)
    // `warn` reports violations without failing: as annotations on the run, not only in the
    // summary (enforced ones are in the failure line).
    for (const image of result.report.images) {
      const b = image.baseImage
      if (b?.mode === 'warn' && b.violations.length > 0) {
        core.warning(
          `Base image of ${image.image} (base-image-policy: warn, the step does not fail on it): ${b.violations.map((v) => v.message).join(' ')}`,
        )
      }
    }
    // A signature tells admission controllers "this passed the gate": sign only a passing,
    // complete scan. The SBOM is still uploaded.
    const signable = result.report.verdict === 'pass' && !result.errors.length
    if (signing.sign && !signable) {
      const note =
        'Not signed: the image did not pass the gate, and a signature would tell admission controllers it did.'
      core.warning(note)
      result.report.warnings.push(note)
    }
    const signed = await signStage(
      result.report,
      signable ? signing : { sign: false, sbomFormat: signing.sbomFormat },
      {
        store: () => registryStore(registryClient()),
        identity: () => githubIdentity(),
        trustedRoot: async () => {
          if (!signing.sign) return undefined
          return loadTrustedRoot(signing.trustedRootPath ? { path: signing.trustedRootPath } : {})
        },
        uploader: actionsArtifactUploader(),
        logger: actionLogger,
      },
    )
    for (const [name, value] of Object.entries(signed.outputs)) core.setOutput(name, value)
    if (signed.failed.length) {
      // The step fails; the verdict output must not say pass for an image left unsigned.
      result.report.verdict = 'fail'
      result.report.reason = `Not signed: ${signed.failed[0]}${signed.failed.length > 1 ? ` (+${signed.failed.length - 1} more)` : ''}`
    }
    const key = commentKey(
      commentInputs.key,
      inputs.images,
      result.report.images[0]?.image ?? 'report',
    )
    await comment(result.report, commentInputs, key)
    // The comment's outcome is part of the record: rewrite the report with its warnings.
    await writeFile(result.reportPath, `${JSON.stringify(result.report, null, 2)}\n`)
    setOutputs(result)
    await writeSummary(result.report)

    if (result.errors.length || signed.failed.length) {
      core.setFailed([...result.errors, ...signed.failed].join('\n'))
    } else if (result.report.verdict === 'fail') {
      core.setFailed(result.report.reason)
    } else {
      core.info(result.report.reason)
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const usage =
      error instanceof InputError ||
      error instanceof SigningInputError ||
      error instanceof PolicyInputError ||
      error instanceof MissingIdTokenPermissionError ||
      error instanceof TrustRootError
    core.setFailed(usage ? message : `Shipgate could not complete: ${message}`)
  }
}
