/**
 * Vitest global setup: every test's temporary files under one directory of this run, removed
 * when the run ends. Tests (and the programs they start, which inherit TMPDIR) make thousands
 * of `mkdtemp` directories; a run left ~4,000 in /tmp before this.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const previous = process.env.TMPDIR
  const root = mkdtempSync(join(tmpdir(), 'shipgate-tests-'))
  process.env.TMPDIR = root
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(root, { recursive: true, force: true })
  }
}
