import { randomBytes } from 'node:crypto'
import type { SecretBox } from '../../crypto/secret-box'

/** A new signing secret for an agency: returned in clear once, stored only sealed. */
export function newSigningSecret(box: SecretBox): { secret: string; sealed: string } {
  const secret = randomBytes(32).toString('base64url')
  return { secret, sealed: box.seal(secret) }
}
