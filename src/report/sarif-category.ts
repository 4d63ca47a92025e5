/**
 * The code-scanning category and the file name of each image's SARIF. Code scanning keeps
 * analyses apart by tool and `runs[].automationDetails.id`: two uploads with the same id replace
 * each other's alerts, and since June 2025 one upload may not hold two runs with the same one.
 * So every image (and platform) gets its own id, `shipgate/<repository>[/<platform>]/`:
 * - stable across runs: the repository without tag or digest, as the sticky comment's key
 *   (a tag such as `:sha-1a2b3c` changes on every push and would leave the previous category's
 *   alerts open forever); images of one job that share a repository keep their tag;
 * - safe: only `[A-Za-z0-9._:-]` segments joined by `/`, no `.`/`..` segments, no `::`, bounded,
 *   because the name can come from a Trivy report's ArtifactName (anything at all);
 * - distinct: a name that sanitising changed gets a short hash of the original, and names that
 *   still meet get a hash of the full reference, so two images never share a category or file.
 */
import { createHash } from 'node:crypto'
import { repositoryOf } from '../github/comment-key.js'

export interface SarifSubject {
  /** The image as given, or the report's ArtifactName. */
  image: string
  /** Set when the image's results are split by platform (or one platform was asked for). */
  platform?: string
}

export interface SarifName {
  /** `runs[].automationDetails.id`, also what upload-sarif's `category` would be. */
  category: string
  /** A file name (no directory) for this subject's SARIF in a directory of them. */
  file: string
}

const SEGMENT_MAX = 64
const NAME_MAX = 160
const FILE_MAX = 120

const hash8 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8)

/** Path-like `text` → `/`-joined segments of `[A-Za-z0-9._:-]`, none empty or only dots. */
export function sanitizeSegments(text: string): string {
  const segments = text
    .split('/')
    .filter((s) => !/^\.*$/.test(s))
    // `::` could start a workflow command wherever a user echoes the category.
    .map((s) =>
      s
        .replace(/[^A-Za-z0-9._:-]+/g, '_')
        .replace(/:{2,}/g, '_')
        .slice(0, SEGMENT_MAX),
    )
  const joined = segments.join('/').slice(0, NAME_MAX).replace(/\/+$/, '')
  return joined || 'image'
}

/** What names an image across runs: its repository, or with a tag when that is needed. */
function stableName(image: string, keepTag: boolean): string {
  const withoutDigest = image.trim().replace(/@.*$/, '')
  return keepTag ? withoutDigest : repositoryOf(image) || withoutDigest
}

export function sarifNames(subjects: readonly SarifSubject[]): SarifName[] {
  const repos = subjects.map((s) => repositoryOf(s.image))
  const sharedRepo = (i: number) => repos.filter((r) => r === repos[i]).length > 1
  const names = subjects.map((s, i) => {
    const raw = stableName(s.image, sharedRepo(i))
    const safe = sanitizeSegments(raw)
    return safe === raw ? safe : `${safe}-${hash8(raw)}`
  })
  const platformOf = (i: number) => {
    const p = subjects[i]?.platform
    return p ? `/${sanitizeSegments(p)}` : ''
  }
  let bodies = names.map((n, i) => `${n}${platformOf(i)}`)
  // Still the same (same repository and tag, other digests; a report named like an image):
  // the full reference tells them apart, and the position when even that is the same.
  bodies = disambiguate(
    bodies,
    (i) => `${names[i]}-${hash8(`${subjects[i]?.image}`)}${platformOf(i)}`,
  )
  bodies = disambiguate(bodies, (i) => `${names[i]}-${i + 1}${platformOf(i)}`)
  const categories = bodies.map((b) => `shipgate/${b}/`)

  let files = bodies.map((b) => fileNameOf(b))
  // Flattening `/` and `:` can make two names meet (`a/b`, `a_b`), and so can a file system
  // that ignores case: the category's hash keeps the files apart.
  files = disambiguate(
    files,
    (i) => fileNameOf(bodies[i] as string, hash8(categories[i] as string)),
    true,
  )
  files = disambiguate(files, (i) => fileNameOf(bodies[i] as string, String(i + 1)), true)
  return categories.map((category, i) => ({ category, file: files[i] as string }))
}

function fileNameOf(body: string, suffix?: string): string {
  const flat = body
    .replace(/[/:]+/g, '_')
    .replace(/^[.-]+/, '_')
    .slice(0, FILE_MAX)
  return `${flat}${suffix ? `-${suffix}` : ''}.sarif`
}

/** Replaces every value that occurs more than once with `redo(i)`. */
function disambiguate(values: string[], redo: (i: number) => string, ignoreCase = false) {
  const key = (v: string) => (ignoreCase ? v.toLowerCase() : v)
  const count = new Map<string, number>()
  for (const v of values) count.set(key(v), (count.get(key(v)) ?? 0) + 1)
  return values.map((v, i) => ((count.get(key(v)) ?? 0) > 1 ? redo(i) : v))
}
