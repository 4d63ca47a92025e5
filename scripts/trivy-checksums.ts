/**
 * Adds a Trivy release to Shipgate's pinned checksum table (scanners/trivy/checksums.ts), but
 * only after `trivy_<ver>_checksums.txt` verifies against its own Sigstore bundle as signed by
 * Trivy's release workflow for that tag. Nothing is written on any doubt.
 *
 *   npm run trivy-checksums -- <version> [--base-url URL] [--trusted-root FILE] [--table FILE]
 *
 * `--trusted-root` replaces the public-good root from TUF (for a private mirror, and for tests,
 * which cannot reach TUF); `--base-url` replaces github.com's release download URL.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { COMPROMISED_TRIVY_VERSIONS, TRIVY_CHECKSUMS } from '../scanners/trivy/checksums.js'
import { parseTrivyVersion } from '../scanners/trivy/install.js'
import {
  TRIVY_PLATFORM_KEYS,
  TRIVY_RELEASES_BASE_URL,
  type TrivyPlatformKey,
  trivyAssetFor,
} from '../scanners/trivy/platform.js'
import {
  bundleName,
  FIRST_BUNDLED_TRIVY_VERSION,
  hasSigstoreBundle,
  verifyTrivySignature,
} from '../scanners/trivy/signature.js'
import { loadTrustedRoot, type TrustedRoot } from '../src/sign/trust-root.js'

export class ChecksumTableError extends Error {
  override name = 'ChecksumTableError'
}

export interface AddVersionOptions {
  version: string
  tableFile: string
  baseUrl?: string
  trustedRoot: TrustedRoot
  /** Pinned table as currently compiled in, to detect contradictions. */
  current?: typeof TRIVY_CHECKSUMS
  now?: Date
}

export interface AddVersionResult {
  version: string
  checksums: Partial<Record<TrivyPlatformKey, string>>
  signer: string
  logIndex?: string
  alreadyPinned: boolean
}

async function download(url: string): Promise<Buffer> {
  let response: Response
  try {
    response = await fetch(url, { redirect: 'follow' })
  } catch (error) {
    throw new ChecksumTableError(`Could not download ${url}: ${(error as Error).message}`)
  }
  if (!response.ok)
    throw new ChecksumTableError(`Could not download ${url}: HTTP ${response.status}`)
  return Buffer.from(await response.arrayBuffer())
}

/** goreleaser's `<64 hex>  <file>` lines; anything else in the file is an error, not skipped. */
export function parseChecksumsFile(text: string, fileName: string): Map<string, string> {
  const entries = new Map<string, string>()
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue
    const match = /^([0-9a-f]{64}) [ *]?(\S+)$/.exec(line.trim())
    if (!match?.[1] || !match[2]) {
      throw new ChecksumTableError(
        `${fileName}:${i + 1} is not a "<sha256>  <file>" line: ${JSON.stringify(line)}`,
      )
    }
    if (entries.has(match[2])) throw new ChecksumTableError(`${fileName} lists ${match[2]} twice`)
    entries.set(match[2], match[1])
  }
  return entries
}

export async function addTrivyVersion(options: AddVersionOptions): Promise<AddVersionResult> {
  const version = await parseTrivyVersion(options.version)
  const refused = COMPROMISED_TRIVY_VERSIONS[version]
  if (refused)
    throw new ChecksumTableError(
      `Trivy ${version} is refused (${refused}); it never goes in the table.`,
    )
  if (!(await hasSigstoreBundle(version))) {
    throw new ChecksumTableError(
      `Trivy ${version} predates ${FIRST_BUNDLED_TRIVY_VERSION}, the first release with Sigstore bundles; ` +
        'its checksums cannot be verified here.',
    )
  }
  const base = (options.baseUrl ?? TRIVY_RELEASES_BASE_URL).replace(/\/+$/, '')
  const fileName = `trivy_${version}_checksums.txt`
  const fileUrl = `${base}/v${version}/${fileName}`
  const file = await download(fileUrl)
  const bundleText = (await download(`${fileUrl}.sigstore.json`)).toString('utf8')
  // Throws, naming the reason, unless Trivy's release workflow for v<version> signed these bytes.
  const signer = await verifyTrivySignature({
    version,
    assetName: fileName,
    artifact: file,
    bundleText,
    trustedRoot: options.trustedRoot,
  })

  const listed = parseChecksumsFile(file.toString('utf8'), fileName)
  const checksums: Partial<Record<TrivyPlatformKey, string>> = {}
  for (const key of TRIVY_PLATFORM_KEYS) {
    const digest = listed.get(trivyAssetFor(version, key).name)
    if (digest) checksums[key] = digest
  }
  if (!checksums['linux-x64']) {
    throw new ChecksumTableError(
      `${fileName} has no ${trivyAssetFor(version, 'linux-x64').name}; not adding it.`,
    )
  }

  const pinned = (options.current ?? TRIVY_CHECKSUMS)[version]
  if (pinned) {
    for (const [key, digest] of Object.entries(pinned.checksums)) {
      if (checksums[key as TrivyPlatformKey] !== digest) {
        throw new ChecksumTableError(
          `The table already pins ${version} ${key} as ${digest}, but the signed ${fileName} says ` +
            `${checksums[key as TrivyPlatformKey] ?? '(nothing)'}. Find out which is wrong before changing anything.`,
        )
      }
    }
    return {
      version,
      checksums,
      signer: signer.identity,
      ...logIndexOf(signer),
      alreadyPinned: true,
    }
  }

  const source = await readFile(options.tableFile, 'utf8')
  await writeFile(
    options.tableFile,
    insertEntry(source, version, checksums, signer, options.now ?? new Date()),
  )
  return {
    version,
    checksums,
    signer: signer.identity,
    ...logIndexOf(signer),
    alreadyPinned: false,
  }
}

function logIndexOf(signer: { logIndex?: string }): { logIndex?: string } {
  return signer.logIndex ? { logIndex: signer.logIndex } : {}
}

const TABLE_START =
  'export const TRIVY_CHECKSUMS: Readonly<Record<string, PinnedTrivyRelease>> = {\n'

/** Adds the entry at the top of the table, with where its values came from. */
export function insertEntry(
  source: string,
  version: string,
  checksums: Partial<Record<TrivyPlatformKey, string>>,
  signer: { identity: string; logIndex?: string },
  now: Date,
): string {
  const at = source.indexOf(TABLE_START)
  if (at < 0)
    throw new ChecksumTableError('Cannot find the TRIVY_CHECKSUMS table in the checksums file.')
  const lines = [
    `  '${version}': {`,
    `    version: '${version}',`,
    `    // Source: trivy_${version}_checksums.txt, added by \`npm run trivy-checksums\` on ${now.toISOString().slice(0, 10)}`,
    `    //   after its Sigstore bundle verified: signed by ${signer.identity}`,
    `    //   (issuer https://token.actions.githubusercontent.com${signer.logIndex ? `, Rekor log index ${signer.logIndex}` : ''}).`,
    '    checksums: {',
    ...TRIVY_PLATFORM_KEYS.flatMap((key) =>
      checksums[key] ? [`      '${key}': '${checksums[key]}',`] : [],
    ),
    '    },',
    '  },',
  ]
  const cut = at + TABLE_START.length
  return `${source.slice(0, cut)}${lines.join('\n')}\n${source.slice(cut)}`
}

function argValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag)
  if (i < 0) return undefined
  const value = argv[i + 1]
  if (!value || value.startsWith('--')) throw new ChecksumTableError(`${flag} needs a value`)
  return value
}

export async function main(argv: string[]): Promise<number> {
  const version = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'))
  if (!version) {
    process.stderr.write(
      'usage: npm run trivy-checksums -- <version> [--base-url URL] [--trusted-root FILE] [--table FILE]\n',
    )
    return 2
  }
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
  try {
    const trustedRootFile = argValue(argv, '--trusted-root')
    const trustedRoot = await loadTrustedRoot(trustedRootFile ? { path: trustedRootFile } : {})
    const result = await addTrivyVersion({
      version,
      tableFile: argValue(argv, '--table') ?? path.join(root, 'scanners/trivy/checksums.ts'),
      baseUrl: argValue(argv, '--base-url'),
      trustedRoot,
    })
    const keys = Object.keys(result.checksums).join(', ')
    process.stdout.write(
      `${bundleName(`trivy_${result.version}_checksums.txt`)} verified: signed by ${result.signer}` +
        `${result.logIndex ? ` (Rekor log index ${result.logIndex})` : ''}.\n` +
        (result.alreadyPinned
          ? `Trivy ${result.version} is already pinned with the same values (${keys}); nothing changed.\n`
          : `Added Trivy ${result.version} (${keys}) to the table. Review the diff. DEFAULT_TRIVY_VERSION is unchanged: bump it by hand if this becomes the default (a test requires the default to be the newest pinned version).\n`),
    )
    return 0
  } catch (error) {
    process.stderr.write(`trivy-checksums: ${(error as Error).message}\nNothing was written.\n`)
    return 1
  }
}
