/**
 * Finding, reading and resolving the policy: the repository file (or `policy:`), the central
 * files it `extends:`, the lock check, exception hygiene and, on a pull request, the policy of
 * the base commit (which applies) against the pull request's own (shown as a diff).
 */
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { InputError } from '../inputs.js'
import { workspacePath } from '../workspace-path.js'
import { effectivePolicyDocument, policySha256 } from './canonical.js'
import { compareKey, effectiveValue } from './compare.js'
import { ContentsError, type ContentsReader } from './contents.js'
import { type PolicyDiff, policyDiff } from './diff.js'
import { PolicyFileError } from './errors.js'
import { type ExceptionEntry, type ExceptionStatus, exceptionStatus } from './exceptions.js'
import { describeLocation, type PolicyLocation, parsePolicyLocation } from './location.js'
import { lockMessage, type MergedPolicy, mergePolicies, type Place } from './merge.js'
import { type ParsedPolicy, parsePolicy } from './parse.js'
import { keysLockedBy, POLICY_KEY_NAMES, type PolicyKey, type PolicyValues } from './schema.js'

/** A chain deeper than this is a mistake (or a loop through mutable refs). */
const MAX_EXTENDS_DEPTH = 4

export interface PullRequestContext {
  /** The repository the pull request merges into, and its base commit. */
  owner: string
  repo: string
  baseSha: string
}

export interface LoadPolicyOptions {
  /** The `policy` input or `--policy` flag; '' for .github/shipgate.yml. */
  policy: string
  /** What the user typed it as, for messages: `policy` or `--policy`. */
  label: string
  /** `policy-allow-mutable`: accept a tag or branch instead of a commit SHA. */
  allowMutable: boolean
  /** The checkout's root: where repository paths are read when no pull request is involved. */
  workspace: string
  /** The GitHub contents API; needed for owner/repo/path@sha and on pull requests. */
  contents?: ContentsReader
  /**
   * On pull_request(_target) events: the repository's policy is read at the base commit. An Error
   * when the event names no usable base commit: thrown as soon as a repository policy is needed.
   */
  pullRequest?: PullRequestContext | Error
  now: Date
}

export interface PolicySource {
  /** How messages name it: a path, `path@<base sha>` or `owner/repo/path@ref`. */
  file: string
  location: PolicyLocation
  /** For repository paths read at a commit (pull requests): the commit. */
  commit?: string
}

export interface PolicyChange {
  /** The pull request's own policy file (not applied until merge). */
  headFile: string
  diff: PolicyDiff
  /** The pull request's policy would not load after merge (invalid, or it loosens a locked key). */
  headError?: string
}

export interface LoadedPolicy {
  values: PolicyValues
  /** The effective policy, normalised, in the file's shape: what the report records. */
  document: Record<string, unknown>
  /** SHA-256 (hex) of the canonical serialisation of `document`. */
  sha256: string
  /** The file named by `policy` (or the default); `chain` lists it last, after what it extends. */
  source: PolicySource
  chain: PolicySource[]
  /** Where each effective value was set: file and line. */
  origins: Map<PolicyKey, Place>
  /** Locked keys and the `locked:` entry that locks them. */
  locks: Map<PolicyKey, Place>
  exceptions: ExceptionStatus
  warnExpiryDays: number
  /**
   * May an action input or CLI flag named `input` (e.g. `fail-on`) override the file? Yes when no
   * file locks the key; when it is locked, only with a `value` (in the file's terms) that does
   * not loosen it.
   */
  mayOverride(input: string, value?: unknown): boolean
  /** Why `input` may not override, for the error message (undefined when it may). */
  overrideRefusal(input: string, value?: unknown): string | undefined
}

export interface PolicyLoad {
  /** Undefined when there is no policy file (none at the default path, nothing named). */
  policy?: LoadedPolicy
  /** On pull requests whose checkout changes the policy: what the change would do. */
  change?: PolicyChange
  warnings: string[]
}

type Reader = (
  loc: PolicyLocation,
  relativeTo: PolicySource | undefined,
) => Promise<{ text?: string; source: PolicySource }>

function readerFor(
  opts: LoadPolicyOptions & { pullRequest?: PullRequestContext },
  useBase: boolean,
  warnings: string[],
): Reader {
  const need = (why: string) => {
    if (!opts.contents)
      throw new InputError(
        opts.label,
        `${why} is read through the GitHub API, but there is no token: set github-token (it needs contents: read).`,
      )
    return opts.contents
  }
  return async (loc, relativeTo) => {
    if (loc.kind === 'repo') {
      if (!loc.pinned)
        warnings.push(
          `The policy ${describeLocation(loc)} is read at a tag or branch (policy-allow-mutable: true): it can change without a change here.`,
        )
      const text = await need(describeLocation(loc)).readFile(
        loc.owner,
        loc.repo,
        loc.path,
        loc.ref,
      )
      return { text, source: { file: describeLocation(loc), location: loc } }
    }
    // A path inside a central file's repository resolves in that repository, at that commit.
    const parent = relativeTo?.location
    if (parent?.kind === 'repo') {
      const inner: PolicyLocation = { ...parent, path: loc.path }
      const text = await need(describeLocation(inner)).readFile(
        parent.owner,
        parent.repo,
        loc.path,
        parent.ref,
      )
      return { text, source: { file: describeLocation(inner), location: inner } }
    }
    const commit = relativeTo?.commit ?? (useBase ? opts.pullRequest?.baseSha : undefined)
    if (commit && opts.pullRequest) {
      const { owner, repo } = opts.pullRequest
      const inRepo = relative(opts.workspace, resolve(opts.workspace, loc.path))
        .split(sep)
        .join('/')
      if (inRepo === '' || inRepo.startsWith('..') || isAbsolute(inRepo))
        throw new InputError(
          opts.label,
          `"${loc.path}" is outside the repository, so its version on the base branch cannot be read. On pull requests give a path inside the repository (e.g. .github/shipgate.yml) or owner/repo/path@<commit SHA>.`,
        )
      const text = await need(
        `On pull requests the policy of the base branch (${inRepo})`,
      ).readFile(owner, repo, inRepo, commit)
      const location: PolicyLocation = { kind: 'file', path: inRepo }
      return { text, source: { file: `${inRepo}@${commit.slice(0, 12)}`, location, commit } }
    }
    return {
      text: await readLocal(opts.workspace, loc.path),
      source: { file: loc.path, location: loc },
    }
  }
}

/** A local file; a path inside the checkout must not be a symlink that leads out of it. */
async function readLocal(workspace: string, path: string): Promise<string | undefined> {
  const where = await workspacePath(workspace, path)
  switch (where.kind) {
    case 'missing':
      return undefined
    case 'unreadable':
      throw where.error
    case 'escapes':
      throw new PolicyFileError(
        path,
        undefined,
        undefined,
        'is a symbolic link to a file outside the repository; a policy file must live in the repository.',
      )
    case 'file':
      return readFile(where.real, 'utf8')
  }
}

interface Resolved {
  merged: MergedPolicy
  layers: ParsedPolicy[]
  chain: PolicySource[]
}

async function resolveChain(
  top: { text: string; source: PolicySource },
  read: Reader,
  allowMutable: boolean,
): Promise<Resolved> {
  const layers: ParsedPolicy[] = []
  const chain: PolicySource[] = []
  const seen = new Set<string>()
  let current: { text: string; source: PolicySource } | undefined = top
  while (current) {
    const { text, source } = current
    if (seen.has(source.file))
      throw new PolicyFileError(
        source.file,
        'extends',
        undefined,
        `extends itself through ${[...seen].join(' → ')}; remove the loop.`,
      )
    seen.add(source.file)
    if (layers.length > MAX_EXTENDS_DEPTH)
      throw new PolicyFileError(
        source.file,
        'extends',
        undefined,
        `the extends chain is deeper than ${MAX_EXTENDS_DEPTH} files; extend the central file directly.`,
      )
    const parsed = parsePolicy(text, source.file)
    layers.unshift(parsed)
    chain.unshift(source)
    current = undefined
    if (parsed.extends) {
      const line = parsed.lines.get('extends')
      let loc: PolicyLocation
      try {
        loc = parsePolicyLocation(parsed.extends, 'extends', allowMutable, true)
      } catch (error) {
        throw new PolicyFileError(
          source.file,
          'extends',
          line,
          (error as Error).message.replace(/^Input `extends`: /, ''),
        )
      }
      const next = await read(loc, source)
      if (next.text === undefined)
        throw new PolicyFileError(
          source.file,
          'extends',
          line,
          `${next.source.file} does not exist (or the token cannot read it).`,
        )
      current = { text: next.text, source: next.source }
    }
  }
  return { merged: mergePolicies(layers), layers, chain }
}

function exceptionEntries(resolved: Resolved): ExceptionEntry[] {
  const origin = resolved.merged.origins.get('exceptions')
  const layer = resolved.layers.find((l) => l.file === origin?.file)
  return (resolved.merged.values.exceptions ?? []).map((e, i) => {
    const line = layer?.lines.get(`exceptions.${i}`)
    return { ...e, source: `${origin?.file}${line ? `:${line}` : ''}` }
  })
}

function keysForInput(input: string): PolicyKey[] {
  return POLICY_KEY_NAMES.filter((k) => keysLockedBy(k).includes(input as PolicyKey))
}

function build(resolved: Resolved, now: Date): LoadedPolicy {
  const { merged } = resolved
  const locked = [...merged.locks.keys()]
  const warnExpiryDays = effectiveValue(merged.values, 'warn-expiry-days') as number
  const overrideRefusal = (input: string, value?: unknown) => {
    for (const key of keysForInput(input)) {
      const lock = merged.locks.get(key)
      if (!lock) continue
      if (value === undefined)
        return `\`${key}\` is locked by ${lock.file}${lock.line ? `:${lock.line}` : ''}; the input cannot change it.`
      const change = compareKey(key, merged.values, { [key]: value } as PolicyValues)
      if (change.direction === 'loosens' || change.direction === 'changes')
        return lockMessage(key, change.direction, change.detail, lock, 'An input')
    }
    return undefined
  }
  return {
    values: merged.values,
    document: effectivePolicyDocument(merged.values, locked),
    sha256: policySha256(merged.values, locked),
    source: resolved.chain[resolved.chain.length - 1] as PolicySource,
    chain: resolved.chain,
    origins: merged.origins,
    locks: merged.locks,
    exceptions: exceptionStatus(exceptionEntries(resolved), now, warnExpiryDays),
    warnExpiryDays,
    mayOverride: (input, value) => overrideRefusal(input, value) === undefined,
    overrideRefusal,
  }
}

/**
 * Loads the policy that applies to this run. On pull requests a repository path is read at the
 * base commit: the pull request's own edit of the policy is reported as `change`, never applied.
 */
export async function loadPolicy(options: LoadPolicyOptions): Promise<PolicyLoad> {
  const warnings: string[] = []
  const explicit = options.policy.trim() !== ''
  const loc = parsePolicyLocation(options.policy, options.label, options.allowMutable)
  const noBase = options.pullRequest instanceof Error ? options.pullRequest : undefined
  if (noBase && loc.kind === 'file') {
    // Without a base commit the base policy cannot be read; the checkout's must not stand in.
    const inCheckout = await readLocal(options.workspace, loc.path).catch(() => 'unreadable')
    if (explicit || inCheckout !== undefined) throw noBase
  }
  const opts: LoadPolicyOptions & { pullRequest?: PullRequestContext } = {
    ...options,
    pullRequest: noBase ? undefined : (options.pullRequest as PullRequestContext | undefined),
  }
  const read = readerFor(opts, true, warnings)
  const top = await read(loc, undefined)
  if (top.text === undefined && top.source.commit && opts.pullRequest && opts.contents) {
    // "No policy on the base branch" must not be a token that cannot see the repository.
    const { owner, repo, baseSha } = opts.pullRequest
    if (!(await opts.contents.canRead(owner, repo, baseSha)))
      throw new ContentsError(
        404,
        `cannot read ${owner}/${repo} at the base commit ${baseSha.slice(0, 12)} to find its policy (${loc.path}). Give github-token contents: read (permissions: contents: read).`,
      )
  }
  if (top.text === undefined && explicit)
    throw new InputError(
      opts.label,
      loc.kind === 'repo'
        ? `${top.source.file} does not exist (or the token cannot read it).`
        : `"${loc.path}" does not exist${opts.pullRequest ? ' on the base branch' : ''}. Give the path of a policy file (e.g. .github/shipgate.yml) or remove it.`,
    )
  const base =
    top.text === undefined
      ? undefined
      : await resolveChain({ text: top.text, source: top.source }, read, opts.allowMutable)
  const policy = base && build(base, opts.now)

  let change: PolicyChange | undefined
  if (opts.pullRequest && loc.kind === 'file') {
    change = await headChange(opts, loc, base, warnings)
  }
  return { policy, change, warnings }
}

/** The pull request's own policy (its checkout), compared with the base one; never applied. */
async function headChange(
  opts: LoadPolicyOptions & { pullRequest?: PullRequestContext },
  loc: Extract<PolicyLocation, { kind: 'file' }>,
  base: Resolved | undefined,
  warnings: string[],
): Promise<PolicyChange | undefined> {
  const readHead = readerFor({ ...opts, pullRequest: undefined }, false, [])
  const head = await readHead(loc, undefined)
  if (head.text === undefined && !base) return undefined
  let headValues: PolicyValues | undefined
  let headError: string | undefined
  if (head.text !== undefined) {
    try {
      headValues = (
        await resolveChain({ text: head.text, source: head.source }, readHead, opts.allowMutable)
      ).merged.values
    } catch (error) {
      headError = (error as Error).message
      warnings.push(`This pull request's policy would not load after merge: ${headError}`)
    }
  }
  const diff = policyDiff(base?.merged.values, headValues)
  if (!diff.changes.length && !headError) return undefined
  return { headFile: loc.path, diff, headError }
}
