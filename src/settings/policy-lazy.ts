/**
 * The policy file, loaded only when a run can have one (issue 13). Most runs have none: no
 * `policy` given, no pull request whose base commit's policy must be read, and nothing at
 * `.github/shipgate.yml` in the checkout. Telling that from the file system alone spares the
 * run the policy loader (YAML, zod) and the contents API client (Octokit, TLS). Anything else,
 * including a path that exists in any form (a dangling symlink, a directory), goes to the
 * loader, which decides and words the errors exactly as before.
 */
import { lstat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ContentsReader } from '../policy-file/contents.js'
import type { PullRequestContext } from '../policy-file/load.js'
import { DEFAULT_POLICY_PATH } from '../policy-file/location.js'
import type { PolicyFile } from './policy-file.js'
import type { SettingsSource } from './resolve.js'
import { POLICY_ALLOW_MUTABLE_SPEC, POLICY_SPEC } from './spec.js'

export interface LazyPolicyContext {
  workspace: string
  /** The contents API reader, made only when the loader runs (a token is needed for it). */
  contents?: () => Promise<ContentsReader | undefined>
  pullRequest?: PullRequestContext | Error
  now: Date
}

/** True only when `policyFileOf` would return undefined without reading anything remote. */
export async function certainlyNoPolicy(
  source: SettingsSource,
  context: Pick<LazyPolicyContext, 'workspace' | 'pullRequest'>,
): Promise<boolean> {
  const origin = source.originOf(POLICY_SPEC)
  if ((origin ? source.read(POLICY_SPEC) : undefined)?.trim()) return false
  // A pull request's base commit may hold a policy the checkout does not show.
  if (context.pullRequest && !(context.pullRequest instanceof Error)) return false
  // Refused as the loader would refuse it, before anything else.
  const mutableOrigin = source.originOf(POLICY_ALLOW_MUTABLE_SPEC)
  const mutableRaw = mutableOrigin ? source.read(POLICY_ALLOW_MUTABLE_SPEC) : undefined
  if (mutableRaw && mutableOrigin) POLICY_ALLOW_MUTABLE_SPEC.parse(mutableRaw, mutableOrigin)
  try {
    await lstat(resolve(context.workspace, DEFAULT_POLICY_PATH))
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
  }
}

/** `policyFileOf`, with the loader and the contents client loaded only when they can matter. */
export async function policyFileLazily(
  source: SettingsSource,
  context: LazyPolicyContext,
): Promise<PolicyFile | undefined> {
  if (await certainlyNoPolicy(source, context)) return undefined
  const [{ policyFileOf }, contents] = await Promise.all([
    import('./policy-file.js'),
    context.contents?.(),
  ])
  return policyFileOf(source, { ...context, contents })
}
