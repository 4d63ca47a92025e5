/**
 * The rules every `uses:` and every workflow of Shipgate must follow, as pure checks over text,
 * so the test can run them on the real files and on forged ones.
 */
import { parse } from 'yaml'

export interface UsesRef {
  file: string
  line: number
  uses: string
  comment: string | undefined
}

const FULL_SHA = /^[0-9a-f]{40}$/
/** Shipgate's own releases have no SHA before they exist: documented placeholder, nothing else. */
const SELF_PLACEHOLDER = /^(<owner>|OWNER)\/shipgate@<release-commit-sha>$/

/** Every `uses:` key in YAML text (workflow steps, reusable-workflow jobs, Markdown code blocks). */
export function usesRefs(file: string, text: string): UsesRef[] {
  const refs: UsesRef[] = []
  for (const [i, line] of text.split('\n').entries()) {
    const match = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(?:#\s*(.*))?$/.exec(line)
    if (match?.[2]) refs.push({ file, line: i + 1, uses: match[2], comment: match[3]?.trim() })
  }
  return refs
}

/** Why a `uses:` is not acceptable, or undefined when it is pinned by full SHA with its version. */
export function pinProblem(ref: UsesRef): string | undefined {
  const { uses } = ref
  if (uses.startsWith('./')) return undefined
  if (uses.startsWith('docker://')) {
    return /@sha256:[0-9a-f]{64}$/.test(uses) ? undefined : 'docker image not pinned by digest'
  }
  const at = uses.lastIndexOf('@')
  if (at < 0) return 'no ref at all'
  const ref_ = uses.slice(at + 1)
  const pinned = FULL_SHA.test(ref_) || SELF_PLACEHOLDER.test(uses)
  if (!pinned) return `ref "${ref_}" is a tag, branch or short SHA, not a full commit SHA`
  if (!ref.comment || !/^v?\d+(\.\d+)*\S*$/.test(ref.comment.split(/\s/)[0] ?? '')) {
    return 'no version comment after the SHA (e.g. "# v4.2.0")'
  }
  return undefined
}

export function describeRef(ref: UsesRef): string {
  return `${ref.file}:${ref.line} uses: ${ref.uses}`
}

/** Top-level permissions exactly `contents: read`; jobs may widen, but never to write-all. */
export function permissionProblems(file: string, text: string): string[] {
  const doc = parse(text) as {
    permissions?: unknown
    jobs?: Record<string, { permissions?: unknown }>
  }
  const problems: string[] = []
  const top = doc?.permissions
  if (top === undefined) problems.push(`${file}: no top-level permissions (want contents: read)`)
  else if (
    typeof top !== 'object' ||
    top === null ||
    JSON.stringify(top) !== JSON.stringify({ contents: 'read' })
  ) {
    problems.push(
      `${file}: top-level permissions are ${JSON.stringify(top)}, want {contents: read}`,
    )
  }
  for (const [name, job] of Object.entries(doc?.jobs ?? {})) {
    const p = job?.permissions
    if (p === undefined) continue
    if (typeof p !== 'object' || p === null) {
      problems.push(`${file}: job ${name} permissions ${JSON.stringify(p)}: list each scope`)
    }
  }
  return problems
}
