/**
 * A child tool never holds what only Shipgate may hold. The runner gives every action input to
 * the action as INPUT_* (github-token, registry-password, trivy-server-token) and its job
 * credentials as ACTIONS_*; a child inherits them all unless told otherwise, and Trivy fetches
 * DBs, VEX documents and plugins from the network. End to end through dist/index.js.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const GITHUB_TOKEN = 'ghs_childEnvAttack000000000000000000000'
const RUNTIME = 'eyJhbGciOiJub25lIn0.child-env-runtime.x'

describe('child processes get neither the action inputs nor the runner job tokens', () => {
  it('Trivy (scan and convert) sees no INPUT_* and no ACTIONS_* credential', async () => {
    const trivy = standIn({ 'ghcr.io/acme/app:1': fixturePath('debian-buster.json.golden') })
    const r = await runAction(
      {
        image: 'ghcr.io/acme/app:1',
        'fail-on': 'none',
        'base-image-policy': 'off',
        'cache-db': 'false',
        'github-token': GITHUB_TOKEN,
        'registry-password': 'hunter2-child-env',
        'registry-username': 'acme',
        registry: 'registry.example.com',
      },
      {
        ...trivy.env,
        STANDIN_VERSION: '0.75.0',
        ACTIONS_RUNTIME_TOKEN: RUNTIME,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNTIME,
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc',
      },
    )
    expect(r.exitCode, r.stdout).toBe(0)
    const calls = trivy.invocations()
    expect(calls.map((c) => c.argv[0])).toEqual(expect.arrayContaining(['image', 'convert']))
    for (const call of calls) expect(call.leaked, call.argv.join(' ')).toEqual([])
    // What Trivy is meant to get still reaches it.
    const scan = calls.find((c) => c.argv[0] === 'image' && c.argv.includes('--output'))
    expect(scan?.env.TRIVY_DISABLE_TELEMETRY).toBe('true')
  })
})
