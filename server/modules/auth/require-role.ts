import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../../db/db'
import { HttpError } from '../../errors'
import { identifyCaller } from './service'
import type { Principal, Role } from './token'

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal
  }
}

/**
 * An onRequest hook that lets only callers with one of the roles through: 401
 * without a valid token (TOKEN_EXPIRED for one past its expiry), 403 with a token of another role. The principal is
 * left on `request.principal` for the route. It runs before the body is
 * read and validated, so a caller without the right token learns nothing of
 * what a valid request looks like.
 */
export function requireRole(db: Db, ...roles: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const principal = await identifyCaller(db, request.headers.authorization)
    if (principal === 'expired') {
      throw new HttpError(401, 'TOKEN_EXPIRED', 'This token has expired: ask an operator for a new one / 访问令牌已过期，请向运营人员申请新令牌')
    }
    if (!principal) {
      throw new HttpError(401, 'UNAUTHENTICATED', 'A valid token is required (Authorization: Bearer …) / 需要有效的访问令牌')
    }
    if (!roles.includes(principal.role)) {
      throw new HttpError(403, 'FORBIDDEN', `This needs the role ${roles.join(' or ')} / 无权访问：需要${roles.join('或')}权限`)
    }
    request.principal = principal
  }
}
