/**
 * Masking of personal data for display and for every agency answer
 * (01-product.md, Identity and PII; review check 9 pii-masking). Pure: no
 * Taro, React or Node imports, shared by the app, the server and the mocks.
 */

const STAR = '*'

/** Keeps `head` leading and `tail` trailing characters and stars the rest (whole characters, so Chinese text works). */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value]
  if (chars.length <= head + tail) return STAR.repeat(chars.length)
  return chars.slice(0, head).join('') + STAR.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('')
}

/**
 * An ID number with only the first 4 (province and city) and last 4 characters
 * visible: 440301199001011234 → 4403**********1234. Shorter values (15-digit
 * first-generation numbers, typos) keep 3 + 3 or 2 + 2, and values of 8
 * characters or fewer are starred entirely, so the mask never shows more than
 * half of what was given.
 */
export function maskIdNumber(idNumber: string): string {
  const n = [...idNumber].length
  if (n >= 16) return keepEnds(idNumber, 4, 4)
  if (n >= 12) return keepEnds(idNumber, 3, 3)
  if (n > 8) return keepEnds(idNumber, 2, 2)
  return STAR.repeat(n)
}

/**
 * A phone number with the middle hidden: 13812341234 → 138****1234; a
 * leading +86 or 86 is dropped first. Landlines and other lengths keep the
 * last 4 (and the first 3 when at least 8 digits remain); 4 or fewer are starred.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '')
  const n = digits.length
  if (n === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  if (n >= 8) return keepEnds(digits, 3, 4)
  if (n > 4) return keepEnds(digits, 0, 4)
  return STAR.repeat(n)
}

/** A person's name with only the last character visible: 张三 → *三, 欧阳娜娜 → ***娜. One character stays as it is. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return chars.join('')
  return STAR.repeat(chars.length - 1) + chars[chars.length - 1]
}

/** An account or card number with only the last 4 characters visible: 6217000012345678 → ************5678. */
export function maskTail(value: string, visible = 4): string {
  const chars = [...value]
  if (chars.length <= visible) return STAR.repeat(chars.length)
  return STAR.repeat(chars.length - visible) + chars.slice(chars.length - visible).join('')
}

/** A plate with the province, the issuing letter and the last 2 characters visible: 川A12345 → 川A***45, 粤BD12345 → 粤B****45. */
export function maskPlate(plate: string): string {
  return keepEnds(plate, 2, 2)
}
