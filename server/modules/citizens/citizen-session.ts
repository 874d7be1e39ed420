import { createHash, randomBytes } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { Db } from '../../db/db'
import { HttpError } from '../../errors'
import { findSessionCitizen } from './repository'

declare module 'fastify' {
  interface FastifyRequest {
    /** The citizen of the session, set by requireCitizen. */
    citizenId?: string
  }
}

/** A new session token `cs_<256 random bits>`; only its SHA-256 is stored. */
export function newSessionToken(): { token: string; hash: string } {
  const token = `cs_${randomBytes(32).toString('base64url')}`
  return { token, hash: hashSessionToken(token) }
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function sessionTokenOf(header: string | undefined): string | undefined {
  return /^Bearer\s+(cs_[A-Za-z0-9_-]{43})\s*$/.exec(header ?? '')?.[1]
}

/** onRequest hook: a valid, unexpired, unrevoked citizen session, else 401 SESSION_INVALID (the app logs in again). */
export function requireCitizen(db: Db) {
  return async (request: FastifyRequest) => {
    const token = sessionTokenOf(request.headers.authorization)
    const citizenId = token ? await findSessionCitizen(db, hashSessionToken(token)) : undefined
    if (!citizenId) throw new HttpError(401, 'SESSION_INVALID', 'Log in first; the session is missing, expired or ended / 登录已失效，请重新登录')
    request.citizenId = citizenId
  }
}

export function citizenOf(request: FastifyRequest): string {
  if (!request.citizenId) throw new Error('requireCitizen must run first')
  return request.citizenId
}
