/** Issue 9 item 10 through dist/index.js: a numeric input is refused before any work. */
import { describe, expect, it } from 'vitest'
import { runAction } from '../support/e2e/runner.js'
import { standIn } from '../support/trivy-stand-in/index.js'

describe('dist/index.js refuses numbers that mean nothing', () => {
  it.each([
    ['timeout', '0s', /^Input `timeout`: "0s" is out of range: give a duration from 1s to 6h/],
    ['timeout', '600h', /^Input `timeout`: "600h" is out of range/],
    ['max-parallel', '0x10', /^Input `max-parallel`: "0x10" must be a whole number from 1 to 64/],
    ['pull-request', '0', /^Input `pull-request`: "0" must be a whole number from 1 to/],
  ])('%s: %s', async (input, value, message) => {
    const trivy = standIn({ 'alpine:3.10': 'crash' })
    const r = await runAction(
      { image: 'alpine:3.10', [input]: value, 'base-image-policy': 'off', 'cache-db': 'false' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors[0]).toMatch(message)
    expect(r.outputs.verdict).toBe('fail')
    // Before any work: Trivy was never started.
    expect(trivy.calls()).toEqual([])
  })
})
