import { describe, expect, it } from 'vitest'
import { recordingLogger } from '../../src/logger.js'
import { sbomArtifactName, uploadSbom } from '../../src/sign/sbom-artifact.js'
import { PUBLIC_GOOD, readSigningSettings, SigningInputError } from '../../src/sign/settings.js'
import { signingOutputs } from '../../src/sign/step.js'

const pub = { repositoryVisibility: 'public' as const }

describe('readSigningSettings', () => {
  it('is off by default and then needs nothing else', () => {
    expect(readSigningSettings({}, pub)).toEqual({ sign: false, sbomFormat: 'cyclonedx' })
  })

  it('defaults to public Sigstore, both formats, all three attestations', () => {
    expect(readSigningSettings({ sign: 'true' }, pub)).toEqual({
      sign: true,
      sbomFormat: 'cyclonedx',
      attestSbom: true,
      attestVulnerabilities: true,
      attestVerdict: true,
      githubAttestations: false,
      signatureFormat: 'both',
      rekorVersion: 1,
      endpoints: { fulcioURL: PUBLIC_GOOD.fulcioURL, rekorURL: PUBLIC_GOOD.rekorURL },
      // No service URL given: the public-good signing config (TUF) decides at signing time.
      useSigningConfig: true,
      publicTransparencyLog: true,
      publicTransparencyLogOptIn: false,
    })
  })

  it.each([
    [{ sign: 'maybe' }, 'sign', 'Input \'sign\' must be true or false, got "maybe".'],
    [
      { sign: 'true', 'sbom-format': 'xml' },
      'sbom-format',
      'Input \'sbom-format\' must be one of cyclonedx, spdx-json, none, got "xml".',
    ],
    [
      { sign: 'true', 'signature-format': 'gpg' },
      'signature-format',
      'Input \'signature-format\' must be one of both, cosign, bundle, got "gpg".',
    ],
    [{ sign: 'true', 'rekor-url': 'rekor.example' }, 'rekor-url', 'must be a URL'],
    [
      { sign: 'true', 'fulcio-url': 'http://fulcio.example.com' },
      'fulcio-url',
      'must use https://',
    ],
    [{ 'attest-sbom': 'true' }, 'attest-sbom', "needs 'sign: true'"],
    [
      { sign: 'true', 'sbom-format': 'none', 'attest-sbom': 'true' },
      'attest-sbom',
      "'sbom-format' is none",
    ],
    [
      { sign: 'true', 'fulcio-url': 'https://fulcio.corp.example' },
      'rekor-url',
      'mix the public Sigstore instance with a private one',
    ],
    [
      {
        sign: 'true',
        'fulcio-url': 'https://f.corp.example',
        'rekor-url': 'https://r.corp.example',
      },
      'trusted-root',
      "needs 'trusted-root'",
    ],
  ])('rejects %j naming input %s', (raw, input, message) => {
    let error: unknown
    try {
      readSigningSettings(raw, pub)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SigningInputError)
    expect((error as SigningInputError).input).toBe(input)
    expect((error as Error).message).toContain(message)
  })

  it('sbom-format none turns the SBOM attestation off unless asked for', () => {
    expect(readSigningSettings({ sign: 'true', 'sbom-format': 'none' }, pub)).toMatchObject({
      attestSbom: false,
      attestVulnerabilities: true,
    })
  })

  it('treats an unknown visibility like a private one (fail closed)', () => {
    expect(() => readSigningSettings({ sign: 'true' }, {})).toThrow(/whose visibility is unknown/)
    expect(
      readSigningSettings({ sign: 'true', 'public-transparency-log': 'true' }, {}),
    ).toMatchObject({ sign: true })
  })
})

describe('SBOM artifact and outputs', () => {
  it('names artifacts per image without characters artifacts refuse', () => {
    expect(sbomArtifactName('ghcr.io/octo-org/app:v1', 'cyclonedx')).toBe(
      'sbom-cyclonedx-ghcr.io_octo-org_app_v1',
    )
  })

  it('a failed upload is a warning, not a lost build', async () => {
    const logger = recordingLogger()
    const result = await uploadSbom(
      {
        upload: async () => {
          throw new Error('artifact service 503')
        },
      },
      '/tmp/x/sbom.cdx.json',
      'app:v1',
      'cyclonedx',
      logger,
    )
    expect(result).toBeUndefined()
    expect(logger.lines).toEqual([
      { level: 'warning', message: expect.stringContaining('artifact service 503') },
    ])
  })

  it('maps read-back-verified reports to the digest / signature / attestations outputs', () => {
    const out = signingOutputs([
      {
        digest: 'sha256:aa',
        verified: true,
        signatures: [
          { format: 'bundle', reference: 'r@sha256:bb' },
          { format: 'cosign', reference: 'r:sha256-aa.sig' },
        ],
        attestations: [
          {
            format: 'cosign',
            predicateType: 'https://cyclonedx.org/bom',
            reference: 'r:sha256-aa.att',
          },
        ],
      },
    ])
    expect(out.digest).toBe('sha256:aa')
    expect(out.signature).toBe('r:sha256-aa.sig')
    expect(JSON.parse(out.attestations)).toEqual([
      {
        digest: 'sha256:aa',
        format: 'cosign',
        predicateType: 'https://cyclonedx.org/bom',
        reference: 'r:sha256-aa.att',
      },
    ])
    expect(out['signature-verified']).toBe('true')
  })

  it('claims no signature that was not read back and verified', () => {
    const out = signingOutputs([
      {
        digest: 'sha256:aa',
        signatures: [{ format: 'cosign', reference: 'r:sha256-aa.sig' }],
        attestations: [],
      },
    ])
    expect(out).toEqual({
      digest: 'sha256:aa',
      signature: '',
      attestations: '[]',
      'signature-verified': 'false',
    })
    expect(signingOutputs([])['signature-verified']).toBe('')
  })
})
