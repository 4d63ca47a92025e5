/**
 * VEX for the pipeline: the run's documents (paths, URLs) prepared once, the image's own signed
 * attestations (`oci`) per image, and the record of every document read, which the report lists
 * and each suppression points into.
 */
import type { VexSourceRecord } from '../model.js'
import { type BaseReader, type PrepareOptions, prepareVex } from './prepare.js'
import type { VexSource } from './sources.js'

/** The image's verified VEX attestations, written as files for Trivy (src/vex/oci.ts). */
export type OciVexReader = (
  image: string,
  dir: string,
) => Promise<{
  records: VexSourceRecord[]
  files: { path: string; record: number }[]
  warnings: string[]
}>

export interface VexStage {
  /** Every document read, in the order given; oci ones appended per image. */
  records: VexSourceRecord[]
  requiredAuthors?: string[]
  warnings: string[]
  /** The files one analysis gets: the run's documents, then the image's verified attestations. */
  filesFor(image: string, dir: string): Promise<{ path: string; source: number }[]>
}

export interface VexStageOptions extends Omit<PrepareOptions, 'base'> {
  base?: BaseReader
  oci?: OciVexReader
}

export async function vexStage(
  sources: VexSource[],
  opts: VexStageOptions,
): Promise<VexStage | undefined> {
  if (!sources.length) return undefined
  const prepared = await prepareVex(sources, opts)
  const records = prepared.sources
  const warnings = [...prepared.warnings]
  const wantsOci = sources.some((s) => s.kind === 'oci')
  const stage: VexStage = {
    records,
    warnings,
    async filesFor(image, dir) {
      const files = [...prepared.files]
      if (!wantsOci) return files
      if (!opts.oci) {
        throw new Error(
          `vex lists \`oci\`, but ${image} cannot be read from a registry here: give the VEX documents as paths or URLs.`,
        )
      }
      const found = await opts.oci(image, dir)
      const offset = records.length
      records.push(...found.records)
      warnings.push(...found.warnings)
      for (const f of found.files) files.push({ path: f.path, source: offset + f.record })
      return files
    },
  }
  if (opts.requiredAuthors) stage.requiredAuthors = opts.requiredAuthors
  return stage
}

export { notFixedByVex } from './comparison.js'
