import { createHash } from 'node:crypto'
import { maskIdNumber, maskName, maskTail } from '../../src/domain/mask'
import { SOCIAL_SECURITY_ERRORS, operations } from '../../server/contracts/social-security'
import { INSURANCE_TYPES } from '../../src/api/social-security'
import { type AgencyApp, type AgencyOptions, type AgencyScope, createAgencyApp, fail, implement } from '../shared/agency-app'
import { operation } from '../../server/contracts/common'
import { isoCst, monthCst } from '../shared/china-time'
import { checkMonthRange } from '../shared/month-range'
import { seeded } from '../shared/seeded'
import { cityOfTenant } from '../shared/tenant-city'
import { TYPE_NAMES, contributionsOf, employmentsOf, insuredOf, medicalAccountOf, typeStatusOf } from './data'

export type SocialSecurityAgencyOptions = AgencyOptions

/** How long an e-card QR code stays valid. */
const QR_TTL_MS = 60_000

/**
 * The simulated social security bureau (人社) implementing social-security@1;
 * read-only, every answer derived from the ID number (see data.ts).
 */
export function registerSocialSecurityAgency(scope: AgencyScope, options: SocialSecurityAgencyOptions): void {
  const now = options.now ?? Date.now
  const city = cityOfTenant(options.tenantId, 'social-security')
  const issuer = city.provinceName === city.fullName ? `${city.fullName}人力资源和社会保障局` : `${city.provinceName}人力资源和社会保障厅`

  const personOf = (idNumber: string) => {
    const p = insuredOf(idNumber, city, now())
    if (!p) throw fail(SOCIAL_SECURITY_ERRORS, 'PERSON_NOT_FOUND', 'No social insurance record for this ID number / 未查询到参保信息')
    return p
  }

  implement(scope, operation(operations, 'getInsuredStatus'), ({ body }) => {
    const p = personOf(body.idNumber)
    return {
      idNumber: maskIdNumber(body.idNumber),
      employments: employmentsOf(p),
      insurances: INSURANCE_TYPES.map((type) => ({ type, typeName: TYPE_NAMES[type], ...typeStatusOf(p, type) })),
    }
  })

  implement(scope, operation(operations, 'listContributions'), ({ body }) => {
    const p = personOf(body.idNumber)
    const months = checkMonthRange(body.from, body.to, monthCst(now()))
    const records = contributionsOf(p, months, body.type)
    return {
      records,
      totals: {
        personalFen: records.reduce((s, r) => s + r.personalFen, 0),
        employerFen: records.reduce((s, r) => s + r.employerFen, 0),
        months: new Set(records.map((r) => r.month)).size,
      },
    }
  })

  implement(scope, operation(operations, 'getMedicalAccount'), ({ body }) => medicalAccountOf(body.idNumber, city, personOf(body.idNumber)))

  implement(scope, operation(operations, 'getECard'), ({ body }) => {
    personOf(body.idNumber)
    const cardNo = `${seeded('social-security-card', city.code, body.idNumber).pick(['F', 'G', 'H'])}${seeded('social-security-card-no', city.code, body.idNumber).digits(8)}`
    const window = Math.floor(now() / QR_TTL_MS)
    const token = createHash('sha256').update(`${options.secret}|${body.idNumber}|${window}`).digest('base64url').slice(0, 32)
    return {
      cardNo: maskTail(cardNo),
      person: { name: maskName(body.name), idNumber: maskIdNumber(body.idNumber) },
      status: 'active' as const,
      issuer,
      qrPayload: `OCSSC1:${token}`,
      qrExpiresAt: isoCst((window + 1) * QR_TTL_MS),
    }
  })
}

/** The social-security agency as a standalone app, its operations at the root. */
export function buildSocialSecurityAgency(options: SocialSecurityAgencyOptions): AgencyApp {
  return createAgencyApp(registerSocialSecurityAgency, options)
}
