import { maskIdNumber, maskPhone } from '../../../../src/domain/mask'

// An 18-character ID number (birth date 19xx/20xx) or an 11-digit mobile number standing on its own, not part of a
// longer token: violation ids and receipt numbers are long digit runs, nonces and signatures are hex strings, and
// either can contain such a substring by chance (a hex nonce did, once in a few hundred reviews).
const ID_NUMBER = /(?<![0-9A-Za-z])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])/g
const PHONE = /(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])/g

/**
 * Full ID numbers and mobile numbers found in an answer, masked for the
 * evidence (the review report must not repeat the leak it reports).
 */
export function findPii(text: string): string[] {
  const found = new Set<string>()
  for (const m of text.matchAll(ID_NUMBER)) found.add(`ID number ${maskIdNumber(m[0])}`)
  for (const m of text.matchAll(PHONE)) found.add(`phone number ${maskPhone(m[0])}`)
  return [...found]
}
