import { Type } from 'typebox'
import { defineOperations } from '../common'
import { strict, literals, Month, IdNumber, PersonSchema } from '../../../src/api/common'
import { SOCIAL_SECURITY_ERRORS } from './errors'
import { INSURANCE_TYPES, InsuredStatus, ContributionList, MedicalAccount, ECard } from '../../../src/api/social-security'

/** social-security@1 (人社): insured status, contribution records, medical account, electronic card. */
export const CONTRACT = 'social-security@1'

export const PersonQuery = Type.Object({ idNumber: IdNumber() }, { ...strict, $id: 'social-security.PersonQuery' })

export const ContributionQuery = Type.Object(
  {
    idNumber: IdNumber(),
    from: Month(),
    to: Month({ description: 'inclusive; at most 60 months after from' }),
    type: Type.Optional(literals(INSURANCE_TYPES)),
  },
  { ...strict, $id: 'social-security.ContributionQuery' },
)

export const ECardRequest = Type.Object(PersonSchema().properties, { ...strict, $id: 'social-security.ECardRequest' })

export const operations = defineOperations(SOCIAL_SECURITY_ERRORS, [
  {
    name: 'getInsuredStatus',
    summary: 'Insured status per insurance type',
    method: 'POST',
    path: '/v1/insured/query',
    kind: 'call',
    body: PersonQuery,
    response: InsuredStatus,
    errors: ['PERSON_NOT_FOUND'],
  },
  {
    name: 'listContributions',
    summary: 'Contribution records by month (from–to, at most 60 months)',
    method: 'POST',
    path: '/v1/contributions/query',
    kind: 'call',
    body: ContributionQuery,
    response: ContributionList,
    errors: ['PERSON_NOT_FOUND', 'INVALID_RANGE'],
  },
  {
    name: 'getMedicalAccount',
    summary: 'Medical insurance personal account: balance and recent transactions',
    method: 'POST',
    path: '/v1/medical-account/query',
    kind: 'call',
    body: PersonQuery,
    response: MedicalAccount,
    errors: ['PERSON_NOT_FOUND'],
  },
  {
    name: 'getECard',
    summary: 'Electronic social security card: masked number and a short-lived QR payload',
    method: 'POST',
    path: '/v1/e-card',
    kind: 'call',
    body: ECardRequest,
    response: ECard,
    errors: ['PERSON_NOT_FOUND'],
  },
] as const)
