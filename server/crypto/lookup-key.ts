import { createHmac } from 'node:crypto'

/**
 * A keyed HMAC for finding PII without storing it (a blind index): equal
 * inputs give equal keys, and without the data key a key reveals nothing,
 * not even by trying every plate or ID number.
 */
export type LookupKey = (purpose: string, value: string) => string

export function createLookupKey(dataKey: Buffer): LookupKey {
  // A key of its own, derived from the data key, so the HMAC never touches the encryption key directly.
  const key = createHmac('sha256', dataKey).update('onecity lookup key v1').digest()
  return (purpose, value) => createHmac('sha256', key).update(`${purpose}\n${value}`).digest('base64url')
}
