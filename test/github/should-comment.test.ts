import { describe, expect, it } from 'vitest'
import { shouldComment } from '../../src/github/comment.js'
import { commentMarker, endsWithMarker, withMarker } from '../../src/github/marker.js'

const samePr = {
  pull_request: {
    number: 12,
    head: { repo: { full_name: 'acme/app' } },
    base: { repo: { full_name: 'acme/app' } },
  },
}
const forkPr = {
  pull_request: {
    number: 13,
    head: { repo: { full_name: 'someone/app' } },
    base: { repo: { full_name: 'acme/app' } },
  },
}
const deletedForkPr = {
  pull_request: { number: 14, head: { repo: null }, base: { repo: { full_name: 'acme/app' } } },
}

describe('shouldComment', () => {
  it.each([
    ['auto', 'pull_request', samePr, { comment: true, issueNumber: 12, fromFork: false }],
    ['auto', 'pull_request', forkPr, { comment: true, issueNumber: 13, fromFork: true }],
    ['auto', 'pull_request', deletedForkPr, { comment: true, issueNumber: 14, fromFork: true }],
    ['auto', 'pull_request_target', forkPr, { comment: true, issueNumber: 13, fromFork: false }],
    ['auto', 'push', {}, { comment: false }],
    [
      'auto',
      'workflow_run',
      { workflow_run: { pull_requests: [{ number: 3 }] } },
      { comment: false },
    ],
    [
      'always',
      'workflow_run',
      { workflow_run: { pull_requests: [{ number: 3 }] } },
      { comment: true, issueNumber: 3 },
    ],
    ['always', 'workflow_run', { workflow_run: { pull_requests: [] } }, { comment: false }],
    [
      'always',
      'issue_comment',
      { issue: { number: 9, pull_request: {} } },
      { comment: true, issueNumber: 9 },
    ],
    ['always', 'issue_comment', { issue: { number: 9 } }, { comment: false }],
    ['always', 'push', {}, { comment: false }],
    ['always', 'pull_request', samePr, { comment: true, issueNumber: 12 }],
    ['never', 'pull_request', samePr, { comment: false }],
  ] as const)('%s on %s', (mode, event, payload, expected) => {
    const decision = shouldComment(mode, event, payload as Record<string, unknown>)
    expect(decision).toMatchObject(expected)
    expect(decision.why.length).toBeGreaterThan(10)
  })

  it('explains why a workflow_run from a fork has no pull request', () => {
    expect(
      shouldComment('always', 'workflow_run', { workflow_run: { pull_requests: [] } }).why,
    ).toMatch(/fork/)
  })
})

describe('commentMarker', () => {
  it('is an HTML comment no key can close early', () => {
    const marker = commentMarker('evil --> <script>@x</script> <!--')
    expect(marker.startsWith('<!-- shipgate:comment key=')).toBe(true)
    expect(marker.endsWith(' -->')).toBe(true)
    expect(marker.slice(4, -4)).not.toMatch(/--|<|>/)
  })

  it('differs for keys that are prefixes of each other', () => {
    const short = commentMarker('app:1')
    expect(commentMarker('app:1-amd64').includes(short)).toBe(false)
    expect(`x ${commentMarker('app:1-amd64')}`.includes(short)).toBe(false)
  })

  it('rejects an empty key with what to do', () => {
    expect(() => commentMarker('  ')).toThrow(/comment-key/)
  })

  it('withMarker appends once', () => {
    const m = commentMarker('k')
    const once = withMarker('body', m)
    expect(withMarker(once, m)).toBe(once)
    expect(once.trimEnd().endsWith(m)).toBe(true)
  })

  it('a comment is marked only when the marker is its last non-blank line', () => {
    const m = commentMarker('k')
    expect(endsWithMarker(`body\n\n${m}\n`, m)).toBe(true)
    expect(endsWithMarker(`body\r\n\r\n  ${m}  \r\n\r\n`, m)).toBe(true)
    expect(endsWithMarker(`${m}\nbody`, m)).toBe(false)
    expect(endsWithMarker(`quote: ${m}`, m)).toBe(false)
    expect(endsWithMarker(`body\n\n${commentMarker('k2')}`, m)).toBe(false)
    expect(endsWithMarker('', m)).toBe(false)
    // A body that quotes the marker mid-text still gets it appended as the last line.
    expect(endsWithMarker(withMarker(`see ${m}\nmore`, m), m)).toBe(true)
  })
})
