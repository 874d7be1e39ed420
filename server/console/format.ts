import { html, type SafeHtml } from './html'

// PostgreSQL's text form of a timestamptz: `2026-11-22 02:19:54.123456+00`, offset in hours (and minutes when odd).
const PG_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:([+-])(\d{2})(?::?(\d{2}))?|Z)$/
const BEIJING_MS = 8 * 3600_000

/**
 * A database timestamp in Beijing time (UTC+8, the platform's users' time,
 * whatever the database session's zone) to the second: `2026-11-22 10:19:54`.
 * Text in another form is shown as it came, without fractions of a second.
 */
export function formatTime(text: string | null | undefined): string {
  if (!text) return '—'
  const m = PG_TIME.exec(text)
  if (!m) return text.replace(/\.\d+/, '')
  const [, y, mo, d, h, mi, sec, sign, oh, om] = m
  const offsetMs = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om ?? 0)) * 60_000 : 0
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)) - offsetMs
  return new Date(utc + BEIJING_MS).toISOString().slice(0, 19).replace('T', ' ')
}

/** A star rating as ★ characters for the eye and "4 星" as text for everyone (screen readers skip the glyphs). */
export function starsView(stars: number | null | undefined): SafeHtml {
  if (stars == null) return html`<span>暂无星级</span>`
  const n = Math.max(0, Math.min(5, Math.round(stars)))
  return html`<span class="stars" aria-hidden="true">${'★'.repeat(n)}${'☆'.repeat(5 - n)}</span> <span>${n} 星</span>`
}

/** Where a service is available, in words: 市级 510600, 省级 51, 全国. */
export function coverageText(coverage: { level: string; code?: string } | null | undefined): string {
  if (!coverage) return '—'
  if (coverage.level === 'national') return '全国'
  return `${coverage.level === 'province' ? '省级' : '市级'} ${coverage.code ?? ''}`.trim()
}
