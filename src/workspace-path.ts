/**
 * Where a file named relative to the checkout really is. The checkout is the pull request's: a
 * path that reads as inside it (`.github/shipgate.yml`, `.vex/app.json`) may be a symlink the
 * author planted to make Shipgate read a file of the runner's instead. An absolute or `../` path
 * was written that way on purpose and is followed.
 */

import { realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'

export type WorkspacePath =
  | { kind: 'file'; real: string }
  | { kind: 'missing' }
  /** Reads as inside the checkout, but a symlink leads out of it. */
  | { kind: 'escapes' }
  | { kind: 'unreadable'; error: NodeJS.ErrnoException }

const outside = (rel: string) => rel.startsWith('..') || isAbsolute(rel)

export async function workspacePath(workspace: string, path: string): Promise<WorkspacePath> {
  const full = resolve(workspace, path)
  let real: string
  try {
    real = await realpath(full)
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    return e.code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', error: e }
  }
  if (!outside(relative(workspace, full)) && outside(relative(await realpath(workspace), real))) {
    return { kind: 'escapes' }
  }
  return { kind: 'file', real }
}
