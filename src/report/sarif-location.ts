/**
 * The place in the repository SARIF points vulnerabilities at when the Dockerfile is known: the
 * line of its final `FROM` (through stage aliases), the instruction that brought the base image
 * in. Code scanning shows results only at files of the repository, never "in an image".
 */
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { analyzeDockerfile } from '../../scanners/base-image/dockerfile.js'
import type { SarifSourceLocation } from './sarif.js'

export async function dockerfileLocation(
  dockerfile: string,
  root: string,
): Promise<SarifSourceLocation | { warning: string }> {
  const fallback = 'so SARIF points at the image instead.'
  const rel = relative(resolve(root), resolve(root, dockerfile))
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    return {
      warning: `The dockerfile ${JSON.stringify(dockerfile)} is outside the repository (${root}), ${fallback}`,
    }
  }
  let text: string
  try {
    text = await readFile(resolve(root, dockerfile), 'utf8')
  } catch (error) {
    return {
      warning: `Could not read the dockerfile ${JSON.stringify(dockerfile)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}), ${fallback}`,
    }
  }
  let line: number | undefined
  try {
    line = analyzeDockerfile(text, dockerfile).finalBaseLine
  } catch (error) {
    return { warning: `${(error as Error).message} SARIF points at the image instead.` }
  }
  if (!line) return { warning: `The dockerfile has no FROM line, ${fallback}` }
  return { path: rel.split(sep).join('/'), line }
}
