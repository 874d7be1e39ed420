import { checkIdNumber, birthDateOf as writtenBirthDate } from '../../src/domain/id-number'
import { isRealDate } from './china-time'

/**
 * GB 11643 for the simulated registry: a valid province, a real birth date
 * and the right check character (src/domain/id-number.ts, as the platform
 * checks it). Agencies that merely look a person up accept any well-formed
 * number, as a conformance fixture may carry a made-up one.
 */
export function isValidIdNumber(id: string): boolean {
  return checkIdNumber(id, '9999-12-31').ok
}

/** The birth date written in an ID number (YYYY-MM-DD), or undefined when it is not a real date. */
export function birthDateOf(idNumber: string): string | undefined {
  const date = writtenBirthDate(idNumber)
  return isRealDate(date) ? date : undefined
}

/** Whole years of age on `today` (YYYY-MM-DD). */
export function ageOn(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4))
  return today.slice(5) >= birth.slice(5) ? years : years - 1
}
