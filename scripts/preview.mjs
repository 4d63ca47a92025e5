#!/usr/bin/env node
/**
 * Preview the pull-request comment as a reviewer sees it: render a report with the real
 * renderer, convert it to HTML as GitHub-flavoured Markdown (marked), open it in headless
 * Chromium and take a screenshot.
 *
 *   npm run preview -- [report.json ...] [--out DIR] [--max-length N]
 *
 * A report is Trivy's JSON (`trivy image --format json`, run through Shipgate's parser and
 * policy with fail-on high) or Shipgate's own `shipgate-report.json`. Default: the
 * juice-shop fixture. Writes comment.md, comment.html and comment.png per report to
 * test/.cache/preview/ (gitignored). Needs Debian's `chromium` at /usr/bin/chromium.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: join(root, 'test/.cache/preview') },
    'max-length': { type: 'string', default: '65536' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
})
const reports = positionals.length
  ? positionals.map((p) => resolve(p))
  : [join(root, 'test/fixtures/trivy/securecodebox__juice-shop-v10.2.0.json')]
const maxLength = Number(values['max-length'])
if (!Number.isInteger(maxLength) || maxLength < 1000) {
  console.error(
    `--max-length must be a whole number of at least 1000, got "${values['max-length']}".`,
  )
  process.exit(2)
}

// The renderer is TypeScript: bundle the entry points once with esbuild (already a dev dependency).
// The bundle lives under test/.cache so its external imports resolve to this node_modules.
const work = await mkdtemp(join(tmpdir(), 'shipgate-preview-'))
const { build } = await import('esbuild')
await mkdir(join(root, 'test/.cache'), { recursive: true })
const bundleDir = await mkdtemp(join(root, 'test/.cache/preview-bundle-'))
const bundle = join(bundleDir, 'preview-entry.mjs')
await build({
  stdin: {
    contents: [
      "export { renderReportMarkdown } from './src/render/report-markdown.ts'",
      "export { commentMarker } from './src/github/marker.ts'",
      "export { reportFromTrivyFile } from './test/support/report.ts'",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  outfile: bundle,
  packages: 'external',
  logLevel: 'warning',
})
const { renderReportMarkdown, commentMarker, reportFromTrivyFile } = await import(
  pathToFileURL(bundle).href
)
const { marked } = await import('marked')
const { chromium } = await import('playwright-core')

await mkdir(values.out, { recursive: true })
const profile = join(work, 'chromium-profile')
const context = await chromium.launchPersistentContext(profile, {
  executablePath: values.chromium,
  headless: true,
  viewport: { width: 940, height: 900 },
  deviceScaleFactor: 1,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
try {
  for (const file of reports) {
    const text = await readFile(file, 'utf8')
    const parsed = JSON.parse(text)
    const report = parsed.schema === 'shipgate.report/v1' ? parsed : await reportFromTrivyFile(file)
    const key = report.images[0]?.image ?? basename(file)
    const started = performance.now()
    const md = renderReportMarkdown(report, {
      maxLength,
      marker: commentMarker(key),
      summaryUrl: 'https://github.com/OWNER/REPO/actions/runs/1#summary',
    })
    const ms = performance.now() - started
    const name = basename(file).replace(/\.json(\.golden)?$/, '')
    const stem = join(values.out, reports.length > 1 ? name : 'comment')
    const html = page(marked.parse(md, { gfm: true, async: false }), name)
    await writeFile(`${stem}.md`, md)
    await writeFile(`${stem}.html`, html)
    const tab = await context.newPage()
    // Nothing in the page may reach the network: block every request but the page itself.
    await tab.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    )
    await tab.goto(pathToFileURL(`${stem}.html`).href)
    await tab.screenshot({ path: `${stem}.png`, fullPage: true })
    await tab.close()
    console.log(
      `${stem}.png  (${md.length.toLocaleString('en-US')} characters, rendered in ${ms.toFixed(1)} ms)`,
    )
  }
} finally {
  await context.close()
  await rm(work, { recursive: true, force: true })
  await rm(bundleDir, { recursive: true, force: true })
}

function page(body, title) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title.replace(/[<&]/g, '')}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body { margin: 0; background: #fff; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; color: #1f2328; }
.comment { margin: 16px; border: 1px solid #d1d9e0; border-radius: 6px; }
.comment > header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; border-radius: 6px 6px 0 0; }
.markdown-body { padding: 16px; overflow-wrap: break-word; }
.markdown-body h3 { font-size: 1.25em; margin: 0 0 8px; }
.markdown-body table { border-collapse: collapse; display: block; max-width: 100%; overflow: auto; margin: 0 0 16px; }
.markdown-body th, .markdown-body td { border: 1px solid #d1d9e0; padding: 6px 13px; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body th { font-weight: 600; }
.markdown-body code { background: rgba(129,139,152,.12); border-radius: 6px; padding: .2em .4em; font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.markdown-body blockquote { margin: 0 0 16px; padding: 0 1em; color: #59636e; border-left: .25em solid #0969da; }
.markdown-body details { margin: 0 0 16px; } .markdown-body summary { cursor: pointer; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body p, .markdown-body ul { margin: 0 0 16px; }
</style></head><body><div class="comment"><header><b>github-actions</b> bot commented</header>
<div class="markdown-body">${body}</div></div></body></html>`
}
