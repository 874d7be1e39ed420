import { isRealDate } from './china-time'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'])

/**
 * GB 11643 for the simulated registry: a valid province, a real birth date
 * and the right check digit. (The registry alone needs this; agencies that
 * merely look a person up accept any well-formed number, as a conformance
 * fixture may carry a made-up one.)
 */
export function isValidIdNumber(id: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(id) || !PROVINCES.has(id.slice(0, 2))) return false
  if (!isRealDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)) return false
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0)
  return CHECK[sum % 11] === id[17]
}

/** The birth date written in an ID number (YYYY-MM-DD), or undefined when it is not a real date. */
export function birthDateOf(idNumber: string): string | undefined {
  const date = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
  return isRealDate(date) ? date : undefined
}

/** Whole years of age on `today` (YYYY-MM-DD). */
export function ageOn(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4))
  return today.slice(5) >= birth.slice(5) ? years : years - 1
}
