/**
 * Turning the `vex` sources into the files Trivy is given: each document read once (a path in the
 * checkout, or fetched by URL), hashed, checked for format and author, and written to Shipgate's
 * own output directory. Trivy reads only those files, so what it applied is what was hashed and
 * listed. A document whose author is not `vex-required-author` is not written: its findings count.
 */
import { createHash } from 'node:crypto'
import { mkdir, open, writeFile } from 'node:fs/promises'
import { basename, isAbsolute, join, relative, resolve } from 'node:path'
import type { VexSourceRecord } from '../model.js'
import { workspacePath } from '../workspace-path.js'
import { readVexDocument, VexDocumentError } from './document.js'
import { type FetchOptions, fetchVexDocument, MAX_VEX_BYTES, shownUrl } from './fetch.js'
import { describeVexSource, type VexSource } from './sources.js'

export class VexSourceError extends Error {
  override name = 'VexSourceError'
}

/** The documents of one run, ready for Trivy's `--vex`. */
export interface PreparedVex {
  /** Every source read, in the order given (Trivy's priority order), applied or not. */
  sources: VexSourceRecord[]
  /** The files handed to Trivy, each with the index of its record in `sources`. */
  files: { path: string; source: number }[]
  warnings: string[]
}

/** On a pull request: a path's text at the base commit (`undefined`: no such file there). */
export type BaseReader = (path: string) => Promise<string | undefined>

export interface PrepareOptions {
  workspace: string
  /** Where the files for Trivy are written (Shipgate's output directory). */
  outputDir: string
  requiredAuthors?: string[]
  fetch?: FetchOptions
  /** Pull requests only: documents in the checkout are compared with the base commit. */
  base?: BaseReader
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A document in the checkout: bounded, and never a symlink out of the repository. */
async function readInWorkspace(workspace: string, path: string): Promise<Uint8Array> {
  const where = await workspacePath(workspace, path)
  if (where.kind === 'missing') {
    throw new VexSourceError(
      'does not exist; give the path of the VEX document relative to the repository root.',
    )
  }
  if (where.kind === 'unreadable') throw new VexSourceError(`cannot be read (${where.error.code}).`)
  if (where.kind === 'escapes') {
    throw new VexSourceError(
      'is a symbolic link to a file outside the repository; a VEX document must live in it.',
    )
  }
  const real = where.real
  const handle = await open(real, 'r')
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) throw new VexSourceError('is not a file.')
    if (stat.size > MAX_VEX_BYTES) {
      throw new VexSourceError(
        `is larger than ${MAX_VEX_BYTES / 1024 / 1024} MiB; a VEX document is far smaller.`,
      )
    }
    const buffer = Buffer.alloc(stat.size)
    await handle.read(buffer, 0, stat.size, 0)
    return buffer
  } finally {
    await handle.close()
  }
}

/** Which required author a document's authors name, if any (exact match). */
export function authorMatch(authors: string[], required: string[] | undefined): string | undefined {
  if (!required) return authors[0]
  return authors.find((a) => required.includes(a))
}

export function authorRefusal(authors: string[], required: string[]): string {
  const named = authors.length
    ? `its author ${authors.map((a) => JSON.stringify(a.slice(0, 100))).join(', ')} is not`
    : 'it names no author, and none is'
  return `${named} one of vex-required-author (${required.map((a) => JSON.stringify(a)).join(', ')})`
}

/** Reads, checks and writes every path and URL source; `oci` is per image (see oci.ts). */
export async function prepareVex(sources: VexSource[], opts: PrepareOptions): Promise<PreparedVex> {
  const out: PreparedVex = { sources: [], files: [], warnings: [] }
  const dir = join(opts.outputDir, 'vex')
  for (const source of sources) {
    if (source.kind === 'oci') continue
    const name = describeVexSource(source)
    const shown = source.kind === 'url' ? shownUrl(source.url) : name
    let bytes: Uint8Array
    try {
      bytes =
        source.kind === 'file'
          ? await readInWorkspace(opts.workspace, source.path)
          : (await fetchVexDocument(source.url, opts.fetch)).bytes
    } catch (error) {
      // A listed VEX source that cannot be read is an error, never a silent "no suppressions".
      const message = (error as Error).message
      throw new VexSourceError(
        `VEX source ${shown} ${source.kind === 'file' ? message : `could not be read: ${message}`}`,
      )
    }
    let doc: ReturnType<typeof readVexDocument>
    try {
      doc = readVexDocument(bytes)
    } catch (error) {
      if (!(error instanceof VexDocumentError)) throw error
      throw new VexSourceError(`VEX source ${shown} ${error.message}`)
    }
    const record: VexSourceRecord = {
      source: source.kind === 'url' ? shown : name,
      kind: source.kind,
      sha256: sha256Hex(bytes),
      format: doc.format,
      authors: doc.authors,
      statements: doc.statements,
      applied: false,
    }
    if (source.kind === 'file' && opts.base) {
      record.change = await compareWithBase(opts.base, opts.workspace, source.path, bytes)
    }
    for (const note of doc.notes) out.warnings.push(`VEX source ${shown}: ${note}.`)
    const index = out.sources.push(record) - 1
    if (opts.requiredAuthors && !authorMatch(doc.authors, opts.requiredAuthors)) {
      record.skipped = authorRefusal(doc.authors, opts.requiredAuthors)
      out.warnings.push(
        `VEX source ${shown} is not applied: ${record.skipped}. The findings it marks count.`,
      )
      continue
    }
    await mkdir(dir, { recursive: true })
    const file = join(
      dir,
      `${index + 1}-${safeName(name)}.${doc.forTrivy ? 'openvex' : doc.format}.json`,
    )
    await writeFile(file, doc.forTrivy ?? bytes)
    if (doc.forTrivy) record.appliedAs = { sha256: sha256Hex(doc.forTrivy), format: 'openvex' }
    record.applied = true
    out.files.push({ path: file, source: index })
  }
  return out
}

function safeName(name: string): string {
  return (
    basename(name.replace(/[?#].*$/, ''))
      .replace(/\.json$/i, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(0, 60) || 'vex'
  )
}

/** The path inside the repository, for the contents API. */
function repoPath(workspace: string, path: string): string | undefined {
  const rel = relative(workspace, resolve(workspace, path)).split('\\').join('/')
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined
  return rel
}

async function compareWithBase(
  base: BaseReader,
  workspace: string,
  path: string,
  bytes: Uint8Array,
): Promise<VexSourceRecord['change']> {
  const inRepo = repoPath(workspace, path)
  // Outside the checkout the pull request cannot have written it; nothing to compare.
  if (!inRepo) return undefined
  let before: string | undefined
  try {
    before = await base(inRepo)
  } catch {
    // Said in the comment as "could not compare": never read as unchanged.
    return 'unknown'
  }
  if (before === undefined) return 'new'
  return sha256Hex(before) === sha256Hex(bytes) ? 'unchanged' : 'changed'
}
