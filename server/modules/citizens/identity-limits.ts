import type { Config } from '../../config'
import type { Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { countIdentityFailures, insertIdentityFailure } from './face-checks-repository'

export interface IdentityLimitDeps {
  db: Queryable
  config: Pick<Config, 'citizen'>
}

/**
 * 429 with Retry-After once this account, or anyone for this ID number,
 * failed identity checks `identityFailuresPerHour` times within the hour: a
 * name cannot be guessed by trying, from one account or from many.
 */
export async function assertIdentityChecksAllowed(deps: IdentityLimitDeps, citizenId: string, identityKey: string): Promise<void> {
  const limit = deps.config.citizen.identityFailuresPerHour
  const { account, identity } = await countIdentityFailures(deps.db, citizenId, identityKey)
  const over = [account, identity].filter((w) => w.n >= limit)
  if (over.length === 0) return
  const retryAfterS = Math.max(...over.map((w) => w.retryAfterS))
  const minutes = Math.ceil(retryAfterS / 60)
  throw new HttpError(
    429,
    'IDENTITY_CHECKS_LIMITED',
    `Too many failed identity checks; retry in ${minutes} min / 身份核验失败次数过多，请 ${minutes} 分钟后再试`,
    [],
    { 'retry-after': String(retryAfterS) },
  )
}

/** Counts one failed identity check against the account and the ID number. */
export async function recordIdentityFailure(deps: IdentityLimitDeps, citizenId: string, identityKey: string): Promise<void> {
  await insertIdentityFailure(deps.db, citizenId, identityKey)
}
