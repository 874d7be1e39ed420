/**
 * Times as a citizen in China reads them. China has used one offset, UTC+8,
 * without daylight saving since 1991, so a fixed offset is exact and needs
 * neither Intl time-zone data (absent on some phones) nor a dayjs plugin.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

function chinaClock(ms: number): Date {
  return new Date(ms + CHINA_OFFSET_MS)
}

function datePart(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** Today's date in China (YYYY-MM-DD), e.g. for checking birth dates in ID numbers. */
export function chinaToday(now: Date = new Date()): string {
  return datePart(chinaClock(now.getTime()))
}

/** An ISO time as China date and minute: 2025-03-01T00:30:00Z → "2025-03-01 08:30"; unreadable input is returned as is. */
export function formatChinaDateTime(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const d = chinaClock(ms)
  return `${datePart(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** An ISO time as its China date: 2025-02-28T16:30:00Z → "2025-03-01"; unreadable input is returned as is. */
export function formatChinaDate(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : datePart(chinaClock(ms))
}

/** An ISO time as a China clock time with seconds: 2025-03-01T02:31:05Z → "10:31:05"; unreadable input is returned as is. */
export function formatChinaTime(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const d = chinaClock(ms)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}
