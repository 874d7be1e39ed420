/**
 * A rate in basis points as people read it, without trailing zeros:
 * 1200 → "12%", 750 → "7.5%", 285 → "2.85%". Integer arithmetic, so 2.85
 * never shows as 2.8499999.
 */
export function basisPointsText(bp: number): string {
  const sign = bp < 0 ? '-' : ''
  const abs = Math.abs(Math.round(bp))
  const decimals = String(abs % 100).padStart(2, '0').replace(/0+$/, '')
  return `${sign}${Math.floor(abs / 100)}${decimals ? `.${decimals}` : ''}%`
}
