/**
 * What every Trivy invocation shares: the error it raises and how its binary and stderr are
 * handled. Small on purpose: `trivy convert` (convert.ts) needs neither the scanner's schema
 * nor its registry code.
 */
import { resolve } from 'node:path'

/** Trivy did not produce a usable report: an operational error, never a pass. */
export class TrivyRunError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TrivyRunError'
  }
}

/** The last `lines` non-empty lines of Trivy's stderr: where it says what went wrong. */
export function tail(text: string, lines = 15): string {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(-lines)
    .join('\n')
}

/** A relative binary path (`--trivy ./bin/trivy`) must not move with the working directory. */
export function command(trivyPath: string): string {
  return trivyPath.includes('/') || trivyPath.includes('\\') ? resolve(trivyPath) : trivyPath
}
