import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PRIVATE_DIR_MODE, writePrivateFile } from '../private-files'

/**
 * Encryption at rest for PII and secrets (04-platform.md): AES-256-GCM with a
 * fresh 96-bit IV per value. Sealed text is `v1.<iv>.<tag>.<ciphertext>` in
 * base64url, so a later key or algorithm can be told apart by its prefix.
 */
export interface SecretBox {
  seal(plaintext: string): string
  /** Throws when the value was not sealed with this key or was altered. */
  open(sealed: string): string
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes (AES-256)')
  return {
    seal(plaintext) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) throw new Error('Not a sealed value')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
  }
}

const DEV_KEY_FILE = 'dev-data-key'

/**
 * The data key: ONECITY_DATA_KEY (base64, 32 bytes) when configured; else a
 * development key generated once into the data directory (readable by its
 * owner only, never committed: data/ is ignored).
 */
export function resolveDataKey(config: { dataKey?: string; dataDir: string }): Buffer {
  if (config.dataKey) return Buffer.from(config.dataKey, 'base64')
  const file = join(config.dataDir, DEV_KEY_FILE)
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
    writePrivateFile(file, randomBytes(32).toString('base64') + '\n')
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
}
