/**
 * The action's registry client, in a module of its own: the registry code (auth, manifests,
 * blobs, uploads) loads with it, so the paths that never read a registry (a report judged
 * offline, a rejected input) never load it (issue 13).
 */
import * as core from '@actions/core'
import { RegistryClient } from '../registry/client.js'
import { defaultCredentials } from '../registry/credentials.js'
import { actionLogger, actionRegistryLogin } from './context.js'

/** Registry access for signing, verifying and the base-image check: docker login, inputs, GITHUB_TOKEN. */
export function registryClient(): RegistryClient {
  const login = actionRegistryLogin()
  return new RegistryClient({
    credentials: defaultCredentials({
      ...(login ?? {}),
      ...(login ? { registry: login.host } : {}),
      env: {
        ...process.env,
        GITHUB_TOKEN: process.env.GITHUB_TOKEN || core.getInput('github-token'),
      },
    }),
    logger: actionLogger,
    insecure: true, // plain HTTP is only ever used for loopback registries
  })
}
