/** Money is integer fen (分) everywhere; yuan (元) only appear as text. */
export type Fen = number

/** Yuan with exactly two decimals, computed on integers so no float rounding shows: 20050 → "200.50". */
export function yuanText(fen: Fen): string {
  const whole = Math.round(fen)
  const abs = Math.abs(whole)
  return `${whole < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** An amount in a sentence or a table: 20000 → "200.00 元". */
export function formatYuan(fen: Fen): string {
  return `${yuanText(fen)} 元`
}

/** A price as a cashier shows it: 20000 → "¥200.00". */
export function formatPrice(fen: Fen): string {
  const text = yuanText(fen)
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`
}
