/**
 * The environment a child tool (Trivy, a Docker credential helper) runs with: the runner's, minus
 * what only Shipgate may hold. The runner hands every action input to the action as `INPUT_*`
 * (`github-token`, `registry-password`, `trivy-server-token`), and its own job credentials as
 * `ACTIONS_*`; a child inherits all of them by default, so a scanner that fetches plugins, VEX
 * documents or DBs from the network would carry the job's tokens with it.
 */
const RUNNER_CREDENTIALS = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
])

/** True for a variable a child must never see. */
export function isShipgateOnly(name: string): boolean {
  return name.toUpperCase().startsWith('INPUT_') || RUNNER_CREDENTIALS.has(name.toUpperCase())
}

/** `env` without the runner's credentials and the action's inputs; use with `extendEnv: false`. */
export function childEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && !isShipgateOnly(k)) out[k] = v
  }
  return out
}
