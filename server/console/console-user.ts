import type { FastifyRequest } from 'fastify'
import type { Role } from '../modules/auth/token'
import { type ApiMethod, type ApiResult, callApi } from './call-api'

/** What GET /v1/whoami says about a token. */
export interface WhoAmI {
  role: Role
  agencyId: string | null
  tokenId: string
  label: string
  agency: { id: string; name: string; region: string; domains: string[] } | null
}

/** The signed-in console user: who the token is, and a way to call the API as them. */
export interface ConsoleUser extends WhoAmI {
  api: <T>(method: ApiMethod, url: string, payload?: unknown) => Promise<ApiResult<T>>
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleUser?: ConsoleUser
  }
}

/** Each role's start page in the console. */
export const ROLE_HOME: Record<Role, string> = {
  agency: '/console/agency',
  operator: '/console/admin',
  analyst: '/console/analyst',
}

/**
 * The user behind a token, asked of the API itself (GET /v1/whoami) on every
 * page so that a revoked token stops working at once. Undefined when the API
 * does not accept the token; other failures are the API's error.
 */
export async function loadConsoleUser(request: FastifyRequest, token: string): Promise<ApiResult<ConsoleUser> | undefined> {
  const app = request.server
  const caller = { token, address: request.ip }
  const who = await callApi<WhoAmI>(app, caller, 'GET', '/v1/whoami')
  if (!who.ok) return who.status === 401 ? undefined : who
  const api = <T>(method: ApiMethod, url: string, payload?: unknown) => callApi<T>(app, caller, method, url, payload)
  return { ok: true, status: 200, data: { ...who.data, api } }
}
