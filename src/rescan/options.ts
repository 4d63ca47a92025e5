/**
 * Pure parsers of the settings only `rescan` has: `(raw, label) => T`, throwing InputError
 * whose text starts with the label (action input, CLI flag or policy-file key).
 */
import { InputError, type Label } from '../inputs.js'
import { parseReference } from '../registry/reference.js'
import { RESCAN_FAIL, type RescanFail } from './result.js'

/** `rescan-fail`: when the step fails on policy; default `any`. */
export function parseRescanFail(raw: string, label: Label = 'rescan-fail'): RescanFail {
  const v = (raw || 'any').trim().toLowerCase()
  if (!(RESCAN_FAIL as readonly string[]).includes(v)) {
    throw new InputError(
      label,
      `"${raw}" is not one of ${RESCAN_FAIL.join(', ')}: \`any\` fails the step while any watched image fails the policy, \`new\` only when a blocking finding appeared since the last rescan, \`never\` only when something could not be scanned or its issue not updated.`,
    )
  }
  return v as RescanFail
}

/** The watched images: each a reference by tag or digest; at least one. */
export function parseWatchedImages(images: string[], label: Label = 'image'): string[] {
  if (!images.length) {
    throw new InputError(
      label,
      "nothing to watch: `mode: rescan` needs the images you shipped, one per line, by tag (ghcr.io/acme/api:1.2, resolved to its digest on every run) or by digest (ghcr.io/acme/api@sha256:…), in `image` or in the policy file's `rescan.images`.",
    )
  }
  for (const image of images) {
    try {
      parseReference(image)
    } catch (error) {
      throw new InputError(label, (error as Error).message)
    }
  }
  return images
}
