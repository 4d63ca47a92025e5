/**
 * A run that does not sign never loads Sigstore (issue 13), so signStage reports "nothing
 * signed" without sign/step.js: those outputs must be exactly what signingOutputs says for no
 * signatures, or a workflow reading `attestations` would see two different empties.
 */
import { describe, expect, it } from 'vitest'
import { recordingLogger } from '../../src/logger.js'
import type { ShipgateReport } from '../../src/model.js'
import { signingOutputs } from '../../src/sign/step.js'
import { signStage } from '../../src/stages/sign.js'

const unused = () => {
  throw new Error('a run that does not sign must not reach signing dependencies')
}

describe('signStage without signing', () => {
  it('sets the outputs signingOutputs gives for nothing signed, without touching the signer', async () => {
    const report = { images: [{ image: 'a:1', artifacts: {} }], warnings: [] }
    const result = await signStage(
      report as unknown as ShipgateReport,
      { sign: false, sbomFormat: 'none' },
      { store: unused, identity: unused, trustedRoot: unused, logger: recordingLogger() },
    )
    expect(result).toEqual({
      failed: [],
      outputs: { ...signingOutputs([]), sbom: '', 'github-attestations': '[]' },
    })
  })
})
