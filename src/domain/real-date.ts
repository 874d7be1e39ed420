/** True when YYYY-MM-DD names a day of the calendar (2024-02-29 yes, 2023-02-29 no). */
export function isRealDate(date: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(date)) return false
  const ms = Date.parse(`${date}T00:00:00Z`)
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date
}
