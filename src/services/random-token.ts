const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * `length` random letters and digits, from the platform's crypto when there
 * is one (old mini-program runtimes have none: Math.random then, which is
 * enough for identifiers that are not secrets).
 */
export function randomToken(length: number): string {
  const bytes = new Uint8Array(length)
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes)
  else for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')
}
