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
    // GitHub autolinks bare URLs; a link is acceptable only when it shows its own address.
    for (const [, href, label] of rendered.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) {
      expect(label).toBe(href)
    }
    expect(rendered.match(/<a /g)?.length ?? 0).toBe(
      rendered.match(/<a href="([^"]*)">\1<\/a>/g)?.length ?? 0,
    )
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
