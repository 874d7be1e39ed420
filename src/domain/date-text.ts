/** A calendar date as Chinese text: "2025-06-05" → "2025年6月5日"; text that is not YYYY-MM-DD is returned as is. */
export function dateText(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date
}
