import { maskIdNumber, maskPhone } from './mask'

// An ID number (18 characters, or the 15-digit first generation) or a mobile number written in free text: digits may be
// split by spaces or dashes (138 1234 5678) and stand next to Chinese text, but not inside a longer run of digits.
const ID_NUMBER = /(?<![0-9A-Za-z])(?:[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]|[1-9][0-9]{14})(?![0-9A-Za-z])/g
const PHONE = /(?<![0-9A-Za-z])(?:\+?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]){8}(?![0-9A-Za-z])/g

/**
 * Free text (a rating's comment) with every ID number and mobile number in
 * it masked as on screen (4403**********1234, 138****1234), so what is
 * stored and shown to an agency holds neither.
 */
export function maskPiiInText(text: string): string {
  return text.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(PHONE, (m) => maskPhone(m))
}
