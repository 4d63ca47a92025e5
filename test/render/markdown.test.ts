import { execFileSync } from 'node:child_process'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import {
  code,
  escapeInline,
  escapeMarkdown,
  link,
  safeUrl,
  table,
} from '../../src/render/markdown.js'

/** Render as GitHub would (GFM) and return the HTML. */
function html(md: string): string {
  return marked.parse(md, { gfm: true, async: false }) as string
}

/** Text content of rendered HTML: tags removed, entities decoded, ZWSP dropped. */
function text(rendered: string): string {
  return rendered
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\u200B/g, '')
    .trim()
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '**bold** _em_ ~~strike~~ `code`',
  '[click](https://evil.example) ![img](https://evil.example/x.png)',
  'a | b | c',
  '# heading',
  '- list item',
  '1. ordered',
  '> quote',
  '&lt;already escaped&gt; &#64;user',
  'price $x^2$ math',
  '<!-- comment --> end',
  'back\\slash \\| pipe',
  '``double`` and `single',
]

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('renders %j as exactly that text, with no markup', (input) => {
    const rendered = html(escapeMarkdown(input))
    expect(text(rendered)).toBe(input)
    expect(rendered).not.toMatch(/<(img|script|strong|em|del|h\d|li|blockquote|code|table)\b/)
    expect(rendered).not.toContain('<a')
  })

  it('keeps a table intact when a cell contains pipes, newlines and HTML', () => {
    const cell = escapeMarkdown('evil | </td><td>injected\nsecond line')
    const rendered = html(table(['A', 'B'], [[cell, 'ok']]))
    expect(rendered.match(/<td>/g)).toHaveLength(2)
    expect(rendered).toContain('<td>ok</td>')
    expect(text(rendered)).toContain('evil | </td><td>injected second line')
  })

  it('defuses @-mentions and team mentions so GitHub notifies nobody', () => {
    const out = escapeMarkdown('ping @octocat and @github/security-team, mail me@example.com')
    expect(out).not.toMatch(/@[A-Za-z]/)
    expect(out).toContain('@\u200Boctocat')
    expect(out).toContain('@\u200Bgithub/security-team')
  })

  it('collapses newlines and strips control and bidi characters', () => {
    expect(escapeMarkdown('a\r\n\r\nb\u202Ec\u0007d')).toBe('a bcd')
  })
})

/** Text GitHub would turn into links: bare URLs, `www.` hosts, issue references. */
const AUTOLINK_BAIT = [
  'Sign in again at https://evil.example/login to keep access',
  'HTTPS://EVIL.EXAMPLE/Login',
  'http://evil.example:8080/a_(b)',
  'ftp://evil.example/pub',
  'mirror: www.evil.example/download',
  '(www.evil.example)',
  '*www.evil.example*',
  'fixed in #1 and #23',
  '#1 at the start',
  'see owner/repo#1 for details',
  'tracked as GH-123 (also gh-7)',
  'report to security@evil.example or mailto:security@evil.example',
]

/**
 * What GitHub's server-side filters would link after rendering (marked does not do issue
 * references): `#1`, `owner/repo#1`, `GH-1`, and a scheme right before `://`.
 */
const SERVER_SIDE_LINKS = /#\d|\bGH-\d|[a-z]:\/\/|www\./i

/** GitHub's own parser, when the machine has it (Debian's `cmark-gfm`). */
function cmarkGfm(md: string): string | undefined {
  try {
    return execFileSync(
      'cmark-gfm',
      ['--unsafe', '--extension', 'autolink', '--extension', 'table'],
      {
        input: md,
        encoding: 'utf8',
      },
    )
  } catch {
    return undefined
  }
}
const hasCmarkGfm = cmarkGfm('x') !== undefined

describe('bare URLs and issue references never become links', () => {
  it.each(AUTOLINK_BAIT)('%j stays readable text without a link', (input) => {
    for (const md of [
      escapeMarkdown(input),
      escapeInline(input),
      table(['T'], [[escapeInline(input)]]),
    ]) {
      const rendered = html(md)
      expect(rendered).not.toContain('<a')
      expect(text(rendered)).toContain(input)
      expect(md).not.toMatch(SERVER_SIDE_LINKS)
    }
  })

  it.skipIf(!hasCmarkGfm).each(AUTOLINK_BAIT)(
    '%j: cmark-gfm (the parser GitHub uses) makes no link either',
    (input) => {
      // The bait really is bait: unescaped, cmark-gfm links the URLs.
      if (/:\/\/|www\./.test(input)) expect(cmarkGfm(input)).toContain('<a')
      for (const md of [escapeMarkdown(input), table(['T'], [[escapeInline(input)]])])
        expect(cmarkGfm(md)).not.toContain('<a')
    },
  )

  it('puts the break where cmark-gfm cannot read past it, not after "://"', () => {
    // cmark-gfm takes a zero-width space as a host character, so a break after `://` or
    // `www.` would still link: the break must end the scheme and split `www.` itself.
    expect(escapeMarkdown('https://a.example')).toBe('https\u200B://a.example')
    expect(escapeMarkdown('www.a.example')).toBe('www\u200B.a.example')
    expect(escapeMarkdown('x#1 GH-2')).toBe('x#\u200B1 GH-\u200B2')
    // Nothing else changes: a lone `#`, `#tag`, `GH-x` and `www` without a dot stay as typed.
    expect(escapeMarkdown('C# #tag GH-x www a:/b')).toBe('C# #tag GH-x www a:/b')
  })

  it('code() keeps URLs and references exactly as typed, so copying them works', () => {
    // No zero-width characters: these get pasted into policies and terminals.
    expect(code('https://slsa.dev/provenance/v1')).toBe(
      '<code>https://slsa.dev/provenance/v1</code>',
    )
    expect(code('#1 GH-2 www.example.org')).toBe('<code>#1 GH-2 www.example.org</code>')
  })

  it('the links Shipgate makes itself still work', () => {
    const label = escapeMarkdown('CVE-2024-1 https://evil.example #1')
    const rendered = html(link(label, 'https://avd.aquasec.com/nvd/cve-2024-1#details'))
    expect(rendered.match(/<a /g)).toHaveLength(1)
    expect(rendered).toContain('href="https://avd.aquasec.com/nvd/cve-2024-1#details"')
    expect(text(rendered)).toBe('CVE-2024-1 https://evil.example #1')
  })
})

describe('escapeInline', () => {
  it('shortens before escaping so no escape sequence is cut in half', () => {
    const out = escapeInline('<<<<<<<<<<', 5)
    expect(out).toBe('&lt;&lt;&lt;&lt;…')
  })
})

describe('code', () => {
  it.each(['a|b', 'x`y``z', '<b>not bold</b>', '*x*', '@octocat/pkg'])(
    'shows %j literally in monospace, in and outside tables',
    (input) => {
      const inline = html(`pkg ${code(input)}`)
      expect(inline).toMatch(/<code>/)
      expect(text(inline)).toBe(`pkg ${input}`)
      const inTable = html(table(['Package', 'Other'], [[code(input), 'z']]))
      expect(inTable.match(/<td>/g)).toHaveLength(2)
      expect(text(inTable)).toContain(input)
    },
  )
})

describe('links', () => {
  it('links only absolute http(s) URLs and keeps parentheses from ending the link', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('data:text/html,x')).toBeUndefined()
    expect(safeUrl('/relative')).toBeUndefined()
    const rendered = html(link('CVE', 'https://example.com/a_(b) c'))
    expect(rendered).toContain('href="https://example.com/a_%28b%29%20c"')
    expect(html(link('x', 'javascript:alert(1)'))).not.toContain('<a')
  })
})
