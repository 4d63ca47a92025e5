/**
 * The SBOM as a workflow artifact, end to end through dist/index.js: @actions/artifact v6 talks
 * to a local stand-in of the results service and its blob storage (test/support/artifact/), so
 * the toolkit's own Twirp calls and Azure block uploads run. What is checked is what a user and a
 * reviewer rely on: the artifact holds the very bytes of the SBOM on disk; where the service is
 * missing (GHES) or failing, the step warns once, keeps the SBOM on disk with its path in `sbom`,
 * and its exit status is the gate's; the runtime token reaches only the results service and never
 * any output.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type ArtifactService, startArtifactService } from '../support/artifact/artifact-service.js'
import { type ActionRun, runAction } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { standIn } from '../support/trivy-stand-in/index.js'

let service: ArtifactService
beforeAll(async () => {
  service = await startArtifactService()
})
afterAll(async () => {
  await service?.close()
})
beforeEach(() => service.reset())

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** A passing scan of one or more images (the stand-in Trivy answers every one with alpine 3.10). */
function scan(images: string[], env: Record<string, string> = {}) {
  const trivy = standIn(
    Object.fromEntries(images.map((i) => [i, fixturePath('alpine-310.json.golden')])),
  )
  return runAction(
    {
      image: images.join('\n'),
      'fail-on': 'high',
      'cache-db': 'false',
      'base-image-policy': 'off',
    },
    { ...trivy.env, STANDIN_VERSION: '0.75.0', ...service.env, ...env },
  )
}

/** Every file the run left in its workspace (report, summary, outputs, SARIF, SBOM). */
function filesOf(r: ActionRun): string[] {
  const root = join(r.outputs.report as string, '..', '..', '..')
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(path)
    }
  }
  walk(root)
  return out
}

/** The token shows up once, in the `::add-mask::` command that hides it, or not at all. */
function expectTokenNowhere(r: ActionRun, token: string) {
  const masked = r.stdout.split('\n').filter((l) => l === `::add-mask::${token}`).length
  expect(r.stdout.split(token).length - 1, 'the runtime token in stdout').toBe(masked)
  expect(r.stderr).not.toContain(token)
  expect(r.summary).not.toContain(token)
  expect(JSON.stringify(r.outputs)).not.toContain(token)
  const files = filesOf(r)
  expect(files.length).toBeGreaterThan(2)
  for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(token)
}

/**
 * Every warning but those the fixture itself earns: alpine-310.json.golden was made without
 * --list-all-pkgs, and its images' registries do not exist here, so their platforms cannot be
 * listed (platform: all). Whatever the artifact upload says, Shipgate's or the toolkit's, is in here.
 */
const warningsOf = (r: ActionRun) =>
  r.warnings.filter(
    (w) => !/the Trivy report lists no packages|its platforms could not be listed/.test(w),
  )

describe('the SBOM as a workflow artifact (dist/index.js, @actions/artifact v6)', () => {
  it('uploads the SBOM as a zip holding the exact file on disk, with the token only on the results service', async () => {
    const r = await scan(['alpine:3.10'])
    expect(r.exitCode, r.stdout).toBe(0)
    expect(r.outputs.verdict).toBe('pass')
    expect(warningsOf(r)).toEqual([])
    const sbomPath = r.outputs.sbom as string
    const onDisk = readFileSync(sbomPath)
    expect(JSON.parse(onDisk.toString('utf8')).bomFormat).toBe('CycloneDX')

    const [artifact, ...more] = service.artifacts()
    expect(more).toEqual([])
    expect(artifact?.name).toBe('sbom-cyclonedx-alpine_3.10')
    expect(artifact?.mimeType).toBe('application/zip')
    // v6 uploads a zip (no skipArchive): one entry, the SBOM under its own name, byte for byte.
    const entries = artifact?.entries() as Map<string, Buffer>
    expect([...entries.keys()]).toEqual([basename(sbomPath)])
    expect(entries.get(basename(sbomPath))?.equals(onDisk)).toBe(true)
    // What FinalizeArtifact declared is what was stored.
    expect(artifact?.size).toBe(artifact?.bytes.length)
    expect(artifact?.hash).toBe(`sha256:${sha256(artifact?.bytes as Buffer)}`)
    // The log names the SBOM's own digest and the artifact it went into.
    expect(r.stdout).toContain(
      `Uploaded SBOM ${basename(sbomPath)} (sha256:${sha256(onDisk)}) as workflow artifact sbom-cyclonedx-alpine_3.10 (id ${artifact?.id})`,
    )

    // The bearer token went to the results service and nowhere else: the signed URL is the key.
    const blob = service.requests.filter((q) => q.server === 'blob')
    expect(blob.map((q) => new URL(q.url, service.blobOrigin).searchParams.get('comp'))).toEqual([
      'block',
      'blocklist',
    ])
    expect(blob.filter((q) => q.authorization !== undefined)).toEqual([])
    const results = service.requests.filter((q) => q.server === 'results')
    expect(results.map((q) => q.url.split('/').pop())).toEqual([
      'CreateArtifact',
      'FinalizeArtifact',
    ])
    expect(results.every((q) => q.authorization === `Bearer ${service.token}`)).toBe(true)
    expectTokenNowhere(r, service.token)
    // The signed URL is a write credential too: its `sig` only in the commands that mask it.
    const sig = new URL(blob[0]?.url as string, service.blobOrigin).searchParams.get('sig')
    // A run of letters and digits: the same in every encoding the log could carry it in.
    const stem = /[A-Za-z0-9]{12}/.exec(sig as string)?.[0] as string
    expect(stem).toBeDefined()
    const carrying = r.stdout.split('\n').filter((l) => l.includes(stem))
    expect(carrying.length).toBeGreaterThan(0)
    expect(carrying.filter((l) => !l.startsWith('::add-mask::'))).toEqual([])
  })

  it("two images: two artifacts, each holding its own image's SBOM", async () => {
    const r = await scan(['alpine:3.10', 'ghcr.io/acme/base:2'])
    expect(r.exitCode, r.stdout).toBe(0)
    expect(warningsOf(r)).toEqual([])
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    const byName = new Map(service.artifacts().map((a) => [a.name, a]))
    expect([...byName.keys()].sort()).toEqual([
      'sbom-cyclonedx-alpine_3.10',
      'sbom-cyclonedx-ghcr.io_acme_base_2',
    ])
    for (const image of report.images as { image: string; artifacts: { cyclonedx: string } }[]) {
      const artifact = byName.get(`sbom-cyclonedx-${image.image.replace(/[/:]/g, '_')}`)
      const path = image.artifacts.cyclonedx
      expect(artifact?.entries().get(basename(path))?.equals(readFileSync(path))).toBe(true)
    }
  })

  it('on GHES: one warning, no request to any artifact service, the SBOMs stay on disk and `sbom` names the first', async () => {
    const r = await scan(['alpine:3.10', 'alpine:3.11'], {
      GITHUB_SERVER_URL: 'https://ghe.example.com',
    })
    expect(r.exitCode, r.stdout).toBe(0)
    expect(r.outputs.verdict).toBe('pass')
    expect(warningsOf(r)).toHaveLength(1)
    const [warning] = warningsOf(r)
    expect(warning).toContain('GitHub Enterprise Server')
    expect(warning).toContain(r.outputs.sbom)
    expect(warning).toMatch(/actions\/upload-artifact@v3/)
    expect(service.requests).toEqual([])
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    const paths = report.images.map(
      (i: { artifacts: { cyclonedx: string } }) => i.artifacts.cyclonedx,
    )
    expect(paths).toHaveLength(2)
    expect(paths[0]).toBe(r.outputs.sbom)
    for (const path of paths) expect(existsSync(path)).toBe(true)
    // The second SBOM is not a second warning, but the log still says where it is.
    expect(r.stdout).toContain(paths[1])
    expectTokenNowhere(r, service.token)
  })

  it('where the service is missing (Twirp 404 bad_route): one warning, one request for two images, the SBOMs kept', async () => {
    service.faults.missing = true
    const r = await scan(['alpine:3.10', 'alpine:3.11'])
    expect(r.exitCode, r.stdout).toBe(0)
    expect(warningsOf(r)).toHaveLength(1)
    expect(warningsOf(r)[0]).toMatch(/404/)
    expect(warningsOf(r)[0]).toContain(r.outputs.sbom)
    // A 404 is not retried, and a service that is not there is not asked again for the second.
    expect(service.requests.map((q) => `${q.status} ${q.url.split('/').pop()}`)).toEqual([
      '404 CreateArtifact',
    ])
    expect(service.artifacts()).toEqual([])
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    for (const image of report.images as { artifacts: { cyclonedx: string } }[]) {
      expect(existsSync(image.artifacts.cyclonedx)).toBe(true)
      expect(r.stdout).toContain(image.artifacts.cyclonedx)
    }
  })

  it('a service that echoes the Authorization header into its error text: the token reaches no output', async () => {
    service.faults.missing = true
    service.faults.echoAuthorization = true
    const r = await scan(['alpine:3.10'])
    expect(r.exitCode, r.stdout).toBe(0)
    // The service did leak it back (else this test proves nothing).
    expect(service.requests).toHaveLength(1)
    expect(warningsOf(r)).toHaveLength(1)
    expect(warningsOf(r)[0]).toContain('[REDACTED]')
    expectTokenNowhere(r, service.token)
  })

  it('a results URL in plain HTTP off this machine: the token is not sent, one warning says why', async () => {
    const r = await scan(['alpine:3.10'], {
      ACTIONS_RESULTS_URL: 'http://results.example.invalid/',
    })
    expect(r.exitCode, r.stdout).toBe(0)
    expect(warningsOf(r)).toHaveLength(1)
    expect(warningsOf(r)[0]).toContain(
      'ACTIONS_RESULTS_URL http://results.example.invalid is not HTTPS, and the runtime token is not sent in clear text',
    )
    expect(warningsOf(r)[0]).toContain(r.outputs.sbom)
    // Refused before the client was loaded: it never tried (a lookup of results.example.invalid
    // would say ENOTFOUND; docker.io's, from listing the image's platforms, is not the upload's).
    expect(r.stdout).not.toMatch(
      /ENOTFOUND[^\n]*results\.example|results\.example[^\n]*ENOTFOUND|Artifact name is valid/,
    )
    expectTokenNowhere(r, service.token)
  })

  it('one 500 from CreateArtifact is retried by the toolkit and the SBOM arrives', async () => {
    service.faults.createArtifact500 = 1
    const r = await scan(['alpine:3.10'])
    expect(r.exitCode, r.stdout).toBe(0)
    expect(warningsOf(r)).toEqual([])
    expect(service.calls.CreateArtifact).toBe(2)
    const [artifact] = service.artifacts()
    const sbom = readFileSync(r.outputs.sbom as string)
    expect(
      artifact
        ?.entries()
        .get(basename(r.outputs.sbom as string))
        ?.equals(sbom),
    ).toBe(true)
  })

  it('a service that keeps answering 500: a warning after the retries, the gate verdict and exit status unchanged', async () => {
    service.faults.createArtifact500 = Number.POSITIVE_INFINITY
    const r = await scan(['alpine:3.10'])
    expect(r.exitCode, r.stdout).toBe(0)
    expect(r.outputs.verdict).toBe('pass')
    expect(service.calls.CreateArtifact).toBe(5)
    expect(warningsOf(r)).toHaveLength(1)
    expect(warningsOf(r)[0]).toMatch(/500/)
    expect(warningsOf(r)[0]).toContain(r.outputs.sbom)
    expect(existsSync(r.outputs.sbom as string)).toBe(true)
    expect(r.summary).toMatch(/Passed/)
    expectTokenNowhere(r, service.token)
  }, 120_000)

  it('a blob upload cut off half-way is retried by the storage SDK and the SBOM arrives whole', async () => {
    service.faults.blockReset = 1
    const r = await scan(['alpine:3.10'])
    expect(r.exitCode, r.stdout).toBe(0)
    // The cut did happen (the fault was used up), and the retry carried the whole block.
    expect(service.faults.blockReset).toBe(0)
    expect(warningsOf(r)).toEqual([])
    const [artifact] = service.artifacts()
    const sbom = readFileSync(r.outputs.sbom as string)
    expect(
      artifact
        ?.entries()
        .get(basename(r.outputs.sbom as string))
        ?.equals(sbom),
    ).toBe(true)
  })

  it('blob storage refusing the upload: one warning, nothing finalized, the SBOM kept', async () => {
    service.faults.refuseCommit = true
    const r = await scan(['alpine:3.10'])
    expect(r.exitCode, r.stdout).toBe(0)
    expect(warningsOf(r)).toHaveLength(1)
    expect(warningsOf(r)[0]).toContain(r.outputs.sbom)
    expect(service.calls.FinalizeArtifact).toBe(0)
    expect(service.artifacts()).toEqual([])
    expect(existsSync(r.outputs.sbom as string)).toBe(true)
    expectTokenNowhere(r, service.token)
  })

  it('FinalizeArtifact answering ok: false: one warning, no claim of an uploaded artifact', async () => {
    service.faults.finalizeNotOk = true
    const r = await scan(['alpine:3.10'])
    expect(r.exitCode, r.stdout).toBe(0)
    expect(warningsOf(r)).toHaveLength(1)
    expect(warningsOf(r)[0]).toMatch(/FinalizeArtifact/)
    expect(warningsOf(r)[0]).toContain(r.outputs.sbom)
    expect(r.stdout).not.toMatch(/Uploaded SBOM/)
    expect(service.artifacts()).toEqual([])
  })

  it('a failing gate still uploads its SBOM, and the upload does not change the failure', async () => {
    const trivy = standIn({
      'ghcr.io/acme/api:1': fixturePath('securecodebox__juice-shop-v10.2.0.json'),
    })
    const r = await runAction(
      {
        image: 'ghcr.io/acme/api:1',
        'fail-on': 'critical',
        'cache-db': 'false',
        'base-image-policy': 'off',
      },
      { ...trivy.env, STANDIN_VERSION: '0.75.0', ...service.env },
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    const [artifact] = service.artifacts()
    expect(artifact?.name).toBe('sbom-cyclonedx-ghcr.io_acme_api_1')
    const sbom = readFileSync(r.outputs.sbom as string)
    expect(
      artifact
        ?.entries()
        .get(basename(r.outputs.sbom as string))
        ?.equals(sbom),
    ).toBe(true)
  })
})
