/**
 * Where the SARIF files go, and writing them so a checkout cannot redirect them.
 *
 * `sarif` names one file for one image (as before), or a directory with one file per image
 * (and platform) when it ends with `/` or several are written: code scanning wants one category
 * per run, and upload-sarif takes a directory as readily as a file.
 *
 * In a workflow the path is usually inside the checkout, which a pull request controls: a
 * committed symlink at `results.sarif` (or at a directory on the way) would otherwise make the
 * action overwrite whatever the link points to. So, given `roots` (the action passes the
 * workspace and the runner's temp directory): the real directory the files land in must be
 * inside one of them, and files are written to a fresh temporary name and renamed into place,
 * which replaces a link rather than writing through it.
 */
import { randomBytes } from 'node:crypto'
import {
  type FileHandle,
  lstat,
  mkdir,
  open,
  readFile,
  realpath,
  rename,
  rm,
} from 'node:fs/promises'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { InputError, type Label } from '../settings/origin.js'

/**
 * The `sarif` input or `--sarif` flag: one path, a directory when it ends with `/`. A newline
 * or control character is refused: it is two paths pasted into one, or an attempt to make the
 * log or the `sarif` output say something else.
 */
export function parseSarifPath(raw: string, label: Label): string | undefined {
  const value = raw.trim()
  if (!value) return undefined
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new InputError(
      label,
      `${JSON.stringify(raw)} holds a newline or control character; give one path, e.g. results.sarif, or sarif/ for a directory of one file per image.`,
    )
  }
  return value
}

export type SarifTarget = { kind: 'file'; path: string } | { kind: 'directory'; path: string }

/** A directory when the path says so (`/` at the end) or several files are written. */
export function sarifTarget(raw: string, files: number): SarifTarget {
  const directory = /[/\\]$/.test(raw) || files > 1
  return { kind: directory ? 'directory' : 'file', path: resolve(raw) }
}

export class SarifPathError extends Error {}

/** The nearest existing ancestor of `path`, resolved through links. */
async function realAncestor(path: string): Promise<string> {
  let p = path
  for (;;) {
    try {
      return await realpath(p)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      const up = dirname(p)
      if (up === p) throw error
      p = up
    }
  }
}

const inside = (path: string, root: string) => path === root || path.startsWith(`${root}${sep}`)

async function confine(path: string, roots: readonly string[] | undefined, raw: string) {
  if (!roots) return
  const real = await realAncestor(path)
  const realRoots = await Promise.all(roots.map((r) => realAncestor(resolve(r))))
  if (!realRoots.some((root) => inside(real, root))) {
    throw new SarifPathError(
      `the sarif path ${JSON.stringify(raw)} resolves to ${real}, outside ${roots.join(' and ')}; give a path inside the workspace (a symlink in the checkout cannot redirect it).`,
    )
  }
}

/**
 * Has `fill` write the file at `path` by a fresh name and a rename: never through an existing
 * link. For a path `openSarifTarget` placed (src/derive/run.ts).
 */
export async function replaceWith(
  path: string,
  fill: (file: FileHandle) => Promise<void> | void,
): Promise<void> {
  const existing = await lstat(path).catch(() => undefined)
  if (existing?.isDirectory()) {
    throw new SarifPathError(
      `${path} is a directory; end the sarif path with / to write one file per image into it.`,
    )
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const file = await open(temp, 'wx', 0o644)
  try {
    await fill(file)
  } catch (error) {
    // Half a file is no SARIF: nothing is left behind under a temporary name either.
    await file.close()
    await rm(temp, { force: true })
    throw error
  }
  await file.close()
  try {
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** A checked place to write SARIF: each file goes through `replaceWith` at `place(name)`. */
export interface SarifSink {
  /** Where one file goes (`name`, from sarif-category.ts, within a directory target). */
  place(name: string): string
}

/**
 * Checks and creates the target's directory. `roots`: the directories the files must really
 * land in; none (the CLI, paths the user typed) to allow any.
 */
export async function openSarifTarget(
  target: SarifTarget,
  raw: string,
  roots?: readonly string[],
): Promise<SarifSink> {
  const dir = target.kind === 'file' ? dirname(target.path) : target.path
  // Checked before creating anything and again after: mkdir follows links on the way.
  await confine(dir, roots, raw)
  await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new SarifPathError(
      `cannot create the directory ${dir} for SARIF (${error.code ?? error.message}); ${target.kind === 'directory' && (error.code === 'EEXIST' || error.code === 'ENOTDIR') ? 'a file is in the way: give another sarif path.' : 'check the sarif path.'}`,
    )
  })
  await confine(dir, roots, raw)
  let placed = 0
  const place = (name: string) => {
    if (target.kind === 'file' && placed > 0) {
      throw new Error('internal: a SARIF file target takes one file')
    }
    placed++
    return target.kind === 'file' ? target.path : join(dir, name)
  }
  return { place }
}

/**
 * The SARIF files as one document for stdout (`shipgate scan --format sarif`): one file as
 * written, several as one log with each image's run, every run keeping its own category.
 */
export async function sarifForStdout(files: readonly { path: string }[]): Promise<string> {
  const texts = await Promise.all(files.map((f) => readFile(f.path, 'utf8')))
  if (texts.length === 1) return texts[0] as string
  const logs = texts.map(
    (t) => JSON.parse(t) as { version: string; $schema?: string; runs: unknown[] },
  )
  const first = logs[0]
  const combined = {
    version: first?.version ?? '2.1.0',
    ...(first?.$schema ? { $schema: first.$schema } : {}),
    runs: logs.flatMap((l) => l.runs),
  }
  return `${JSON.stringify(combined, null, 2)}\n`
}
