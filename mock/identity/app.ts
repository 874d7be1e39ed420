import { operations } from '../../server/contracts/identity'
import { type AgencyApp, type AgencyOptions, type AgencyScope, createAgencyApp, implement } from '../shared/agency-app'
import { operation } from '../../server/contracts/common'
import { isoCst } from '../shared/china-time'
import { isValidIdNumber } from '../shared/id-number'

export interface IdentityAgencyOptions extends AgencyOptions {
  /** People the registry knows by name: their number matches only their own name. */
  people?: { name: string; idNumber: string }[]
}

/** Demo residents (valid GB 11643 numbers) the registry knows by name. */
export const DEFAULT_PEOPLE = [
  { name: '张伟', idNumber: '510603199003071238' },
  { name: '李娜', idNumber: '440305198811220020' },
  { name: '王芳', idNumber: '110105199512300044' },
]

/**
 * The simulated identity check (公安实名) implementing identity@1. The
 * registry holds every valid ID number (GB 11643: province, birth date,
 * check digit); for the people it knows by name (`people`) only that name
 * matches. Other valid numbers match any well-formed name. It never echoes
 * what it was sent.
 */
export function registerIdentityAgency(scope: AgencyScope, options: IdentityAgencyOptions): void {
  const now = options.now ?? Date.now
  const registry = new Map((options.people ?? DEFAULT_PEOPLE).map((p) => [p.idNumber, p.name]))

  implement(scope, operation(operations, 'verify'), ({ body }) => {
    const checkedAt = isoCst(now())
    if (!isValidIdNumber(body.idNumber)) return { match: false, reason: 'ID_NOT_FOUND' as const, checkedAt }
    const known = registry.get(body.idNumber)
    if (known !== undefined && known !== body.name) return { match: false, reason: 'NAME_MISMATCH' as const, checkedAt }
    return { match: true, checkedAt }
  })
}

/** The identity agency as a standalone app, its operations at the root. */
export function buildIdentityAgency(options: IdentityAgencyOptions): AgencyApp {
  return createAgencyApp(registerIdentityAgency, options)
}
