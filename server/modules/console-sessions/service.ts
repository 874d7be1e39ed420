import { createHash, randomBytes } from 'node:crypto'
import { createSecretBox } from '../../crypto/secret-box'
import type { Queryable } from '../../db/db'
import { deleteConsoleSession, insertConsoleSession, touchConsoleSession } from './repository'

/** How long a console session lives: ended after `idleMinutes` without a request, and `maxHours` after sign-in at the latest. */
export interface ConsoleSessionLimits {
  idleMinutes: number
  maxHours: number
}

const ID_SHAPE = /^ocs_[A-Za-z0-9_-]{43}$/

// The stored lookup key and the sealing key both come from the id, by different derivations: the row alone opens nothing.
const idHash = (id: string) => createHash('sha256').update(`console-session-id:${id}`).digest('hex')
const sealingBox = (id: string) => createSecretBox(createHash('sha256').update(`console-session-key:${id}`).digest())

/**
 * Starts a console session for a token the API accepted: answers the random
 * session id (256 bits) the cookie carries. The token itself is stored only
 * sealed under a key derived from that id.
 */
export async function startConsoleSession(db: Queryable, token: { token: string; tokenId: string }, limits: ConsoleSessionLimits): Promise<string> {
  const id = `ocs_${randomBytes(32).toString('base64url')}`
  await insertConsoleSession(db, {
    idHash: idHash(id),
    tokenId: token.tokenId,
    tokenSealed: sealingBox(id).seal(token.token),
    expiresAt: new Date(Date.now() + limits.maxHours * 3_600_000),
    idleMinutes: limits.idleMinutes,
  })
  return id
}

/** The API token of a live session (and it counts as used now); undefined when the session ended, expired or never was. */
export async function resumeConsoleSession(db: Queryable, id: string, limits: ConsoleSessionLimits): Promise<string | undefined> {
  if (!ID_SHAPE.test(id)) return undefined
  const sealed = await touchConsoleSession(db, idHash(id), limits.idleMinutes)
  return sealed === undefined ? undefined : sealingBox(id).open(sealed)
}

/** Ends a session on the server: its id opens nothing from now on, wherever a copy of the cookie is. */
export async function endConsoleSession(db: Queryable, id: string): Promise<void> {
  if (ID_SHAPE.test(id)) await deleteConsoleSession(db, idHash(id))
}
