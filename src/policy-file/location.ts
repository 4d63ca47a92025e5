/**
 * Where a policy file lives: a path in the repository, or `owner/repo/path@ref` in another
 * repository, read through the GitHub contents API and pinned to a full commit SHA so that a
 * policy change is a reviewable, pinned change. Pure.
 */
import { InputError } from '../inputs.js'

export const DEFAULT_POLICY_PATH = '.github/shipgate.yml'

export type PolicyLocation =
  | { kind: 'file'; path: string }
  | { kind: 'repo'; owner: string; repo: string; path: string; ref: string; pinned: boolean }

const REMOTE = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})\/(.+)@([^@]+)$/
const FULL_SHA = /^[0-9a-fA-F]{40}$/

/** How the user names the file in messages: the path, or `owner/repo/path@ref`. */
export function describeLocation(loc: PolicyLocation): string {
  return loc.kind === 'file' ? loc.path : `${loc.owner}/${loc.repo}/${loc.path}@${loc.ref}`
}

/** A path inside a repository (the contents API's terms): relative, no `..`, no empty segment. */
function checkRepoPath(path: string, label: string, raw: string): string {
  const clean = path.replace(/^\.\//, '')
  if (
    clean === '' ||
    clean.startsWith('/') ||
    clean.split('/').some((s) => s === '..' || s === '' || s === '.') ||
    /[\0\r\n\\]/.test(clean)
  ) {
    throw new InputError(
      label,
      `"${raw}" is not a path inside a repository; write it relative to the repository root, without "..", e.g. .github/shipgate.yml.`,
    )
  }
  return clean
}

/**
 * `policy` (or `extends:`) → a location. A value with `@` names another repository; a tag or
 * branch there is refused unless `allowMutable` (then the caller records a warning).
 * `label` names what the user typed (`policy`, `--policy`, `file:line \`extends\``).
 */
export function parsePolicyLocation(
  raw: string,
  label: string,
  allowMutable: boolean,
  /** `extends:` names a file in a repository (this one, or the central file's), never a local path. */
  repoPathOnly = false,
): PolicyLocation {
  const value = raw.trim()
  if (!value) return { kind: 'file', path: DEFAULT_POLICY_PATH }
  if (!value.includes('@') && repoPathOnly)
    return { kind: 'file', path: checkRepoPath(value, label, raw) }
  if (!value.includes('@')) {
    // A local path: relative to the repository root (the action) or the working directory (the
    // CLI), or absolute. On pull requests the loader reads it at the base commit, so it must
    // then lie inside the repository.
    if (/[\0\r\n]/.test(value))
      throw new InputError(label, 'the path holds a control character; give a plain file path.')
    return { kind: 'file', path: value.replace(/^\.\/(?=.)/, '') }
  }
  const m = REMOTE.exec(value)
  if (!m) {
    throw new InputError(
      label,
      `"${raw}" is neither a path in this repository nor owner/repo/path@<commit SHA>; write e.g. acme/policies/shipgate.yml@0123456789abcdef0123456789abcdef01234567.`,
    )
  }
  const [, owner, repo, path, ref] = m as unknown as [string, string, string, string, string]
  const pinned = FULL_SHA.test(ref)
  if (!pinned && !allowMutable) {
    throw new InputError(
      label,
      `"${ref}" is not a full commit SHA. A tag or branch can change under you without review; pin the central policy to the 40-character commit SHA (git rev-parse ${ref}), or set policy-allow-mutable: true to accept that.`,
    )
  }
  return {
    kind: 'repo',
    owner,
    repo,
    path: checkRepoPath(path, label, raw),
    ref: pinned ? ref.toLowerCase() : ref,
    pinned,
  }
}
