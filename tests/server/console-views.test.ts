import { describe, expect, it } from 'vitest'
import { apiErrorView } from '../../server/console/api-error-view'
import { formatTime, starsView } from '../../server/console/format'
import { escapeHtml, html } from '../../server/console/html'
import { layout } from '../../server/console/layout'
import { type Review, reviewSummaryView, reviewView } from '../../server/console/review-view'

describe('html`…`', () => {
  it('escapes every interpolated value', () => {
    const name = `<script>alert("x")</script>&'`
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    )
  })

  it('nests html output unescaped, joins arrays, drops null, undefined and false', () => {
    const items = ['<a>', 'b'].map((t) => html`<li>${t}</li>`)
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>0')
  })

  it('a plain string that looks like markup stays text', () => {
    expect(html`${'<b>bold</b>'}`.value).toBe('&lt;b&gt;bold&lt;/b&gt;')
    expect(escapeHtml('a & b')).toBe('a &amp; b')
  })
})

describe('views', () => {
  const review: Review = {
    id: 7,
    serviceId: 'deyang-traffic',
    status: 'done',
    trigger: 'submit',
    submissionId: 3,
    queuedAt: '2026-11-22 09:15:01.5+08',
    startedAt: '2026-11-22 09:15:02.123+08',
    finishedAt: '2026-11-22 09:15:14.5+08',
    stars: 4,
    passed: true,
    checks: [
      { id: 'available', label: '可用', outcome: 'pass', evidence: ['GET / → 200 in 12 ms'] },
      { id: 'speed', label: '访问速度', outcome: 'fail', evidence: ['p95 1200 ms > 800 ms', '<b>slow</b>'] },
      { id: 'mobile-fit', label: 'H5 适配', outcome: 'not-applicable', evidence: [] },
    ],
  }

  it('a review shows every check: label, id, outcome in colour and words, every evidence line; stars as ★ and text', () => {
    const { view, inProgress } = reviewView({ ok: true, status: 200, data: { review } })
    const out = view.value
    expect(inProgress).toBe(false)
    expect(out).toContain('<span class="stars" aria-hidden="true">★★★★☆</span> <span>4 星</span>')
    expect(out).toMatch(/<td>可用<\/td><td><code>available<\/code><\/td><td><span class="badge pass">.*通过<\/span><\/td>/)
    expect(out).toMatch(/<td>访问速度<\/td><td><code>speed<\/code><\/td><td><span class="badge fail">.*未通过<\/span><\/td>/)
    expect(out).toMatch(/<span class="badge na">.*不适用<\/span>/)
    expect(out).toContain('<li>p95 1200 ms &gt; 800 ms</li><li>&lt;b&gt;slow&lt;/b&gt;</li>')
    expect(out).toContain('共 3 项检查：通过 1 项，未通过 1 项，不适用 1 项')
    expect(out).toContain('<th scope="col">证据</th>')
    expect(out).toContain('2026-11-22 09:15:14')
  })

  it('a queued or running review says so and asks for a refresh', () => {
    for (const status of ['queued', 'running'] as const) {
      const { view, inProgress } = reviewView({ ok: true, status: 200, data: { review: { ...review, status, checks: [], stars: null, passed: null } } })
      expect(inProgress).toBe(true)
      expect(view.value).toContain('审核进行中')
    }
    const page = layout({ title: 't', body: html``, refreshSeconds: 3 }).value
    expect(page).toContain('<meta http-equiv="refresh" content="3">')
    expect(layout({ title: 't', body: html`` }).value).not.toContain('http-equiv')
  })

  it('no review yet, or no review endpoint yet (404): 暂无审核结果; other errors are shown', () => {
    expect(reviewView({ ok: true, status: 200, data: { review: null } }).view.value).toContain('暂无审核结果')
    const missing = { code: 'NOT_FOUND', message: 'No route', details: [] }
    expect(reviewView({ ok: false, status: 404, error: missing }).view.value).toContain('暂无审核结果')
    const failed = reviewView({ ok: false, status: 500, error: { code: 'INTERNAL', message: '服务器开小差了', details: [] } }).view.value
    expect(failed).toContain('服务器开小差了')
  })

  it('a checks field of null (a review that has not run) is not an error', () => {
    const { view } = reviewView({ ok: true, status: 200, data: { review: { ...review, status: 'queued', checks: null as never } } })
    expect(view.value).toContain('尚无检查结果')
  })

  it('list rows summarise a review', () => {
    expect(reviewSummaryView(null).value).toBe('暂无审核')
    expect(reviewSummaryView({ id: 1, status: 'running', stars: null, passed: null, finishedAt: null }).value).toContain('审核进行中')
    const done = reviewSummaryView({ id: 1, status: 'done', stars: 2, passed: false, finishedAt: '2026-11-22 09:00:00+08' }).value
    expect(done).toContain('未通过')
    expect(done).toContain('2 星')
  })

  it('times are shown in Beijing time to the second, whatever the database’s zone', () => {
    expect(formatTime('2026-11-22 02:19:54.123456+00')).toBe('2026-11-22 10:19:54')
    expect(formatTime('2026-11-22 09:15:14.5+08')).toBe('2026-11-22 09:15:14')
    expect(formatTime('2026-11-22 20:00:00-05:30')).toBe('2026-11-23 09:30:00')
    expect(formatTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00')
    expect(formatTime(null)).toBe('—')
    expect(formatTime('昨天 12:00:00.5')).toBe('昨天 12:00:00')
  })

  it('stars: none yet, and clamped to 1–5 glyphs', () => {
    expect(starsView(null).value).toContain('暂无星级')
    expect(starsView(5).value).toContain('★★★★★')
  })

  it('an API error shows its message and every detail with its path', () => {
    const out = apiErrorView({ code: 'MANIFEST_INVALID', message: '服务清单有 2 处问题', details: [{ path: 'items[0].kind', message: '必须是 query 或 transaction' }, { path: '', message: '<x>' }] }).value
    expect(out).toContain('role="alert"')
    expect(out).toContain('<code>items[0].kind</code>：必须是 query 或 transaction')
    expect(out).toContain('<code>（整体）</code>：&lt;x&gt;')
  })
})
