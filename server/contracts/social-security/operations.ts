import { type Static, Type } from 'typebox'
import { defineOperations } from '../common'
import { DateTime, Fen, IdNumber, MaskedIdNumber, MaskedTail, Month, PersonSchema, MaskedPersonSchema, literals, strict } from '../../../src/api/common'
import { SOCIAL_SECURITY_ERRORS } from './errors'

/** social-security@1 (人社): insured status, contribution records, medical account, electronic card. */
export const CONTRACT = 'social-security@1'

export const INSURANCE_TYPES = ['pension', 'medical', 'unemployment', 'injury', 'maternity'] as const
export const INSURED_STATUSES = ['active', 'suspended', 'not-insured'] as const

export const PersonQuery = Type.Object({ idNumber: IdNumber() }, { ...strict, $id: 'social-security.PersonQuery' })

export const InsuredStatus = Type.Object(
  {
    idNumber: MaskedIdNumber(),
    employments: Type.Array(
      Type.Object(
        {
          employer: Type.String({ description: '参保单位; 灵活就业人员 when contributing on one’s own' }),
          from: Month(),
          to: Type.Optional(Month({ description: 'last month contributed; absent while it goes on' })),
          flexible: Type.Boolean({ description: '灵活就业: pension and medical only, both parts paid by the person' }),
        },
        strict,
      ),
      { description: 'contribution periods, newest first; the months between two periods are gaps (断缴)' },
    ),
    insurances: Type.Array(
      Type.Object(
        {
          type: literals(INSURANCE_TYPES),
          typeName: Type.String({ description: '养老保险, 医疗保险, …' }),
          status: literals(INSURED_STATUSES, { description: 'active 正常参保, suspended 暂停缴费, not-insured 未参保' }),
          since: Type.Optional(Month({ description: 'first contribution month' })),
          lastPaidMonth: Type.Optional(Month()),
          employer: Type.Optional(Type.String()),
        },
        strict,
      ),
    ),
  },
  { ...strict, $id: 'social-security.InsuredStatus' },
)

export const ContributionQuery = Type.Object(
  {
    idNumber: IdNumber(),
    from: Month(),
    to: Month({ description: 'inclusive; at most 60 months after from' }),
    type: Type.Optional(literals(INSURANCE_TYPES)),
  },
  { ...strict, $id: 'social-security.ContributionQuery' },
)

export const ContributionList = Type.Object(
  {
    records: Type.Array(
      Type.Object(
        {
          month: Month(),
          type: literals(INSURANCE_TYPES),
          baseFen: Fen({ description: '缴费基数' }),
          personalFen: Fen(),
          employerFen: Fen(),
          employer: Type.String(),
        },
        strict,
      ),
    ),
    totals: Type.Object({ personalFen: Fen(), employerFen: Fen(), months: Type.Integer({ minimum: 0 }) }, strict),
  },
  { ...strict, $id: 'social-security.ContributionList' },
)

export const MedicalAccount = Type.Object(
  {
    balanceFen: Fen({ description: '医保个人账户余额' }),
    transactions: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[0-9]{16}$' }),
          time: DateTime(),
          kind: literals(['credit', 'debit'] as const, { description: 'credit 划入, debit 支出' }),
          amountFen: Fen(),
          description: Type.String(),
          balanceAfterFen: Fen(),
        },
        strict,
      ),
      { description: 'newest first, at most 30' },
    ),
  },
  { ...strict, $id: 'social-security.MedicalAccount' },
)

export const ECardRequest = Type.Object(PersonSchema().properties, { ...strict, $id: 'social-security.ECardRequest' })

export const ECard = Type.Object(
  {
    cardNo: MaskedTail({ description: 'social security card number, masked' }),
    person: MaskedPersonSchema(),
    status: literals(['active'] as const),
    issuer: Type.String(),
    qrPayload: Type.String({ minLength: 16, description: 'QR code text; valid until qrExpiresAt' }),
    qrExpiresAt: DateTime(),
  },
  { ...strict, $id: 'social-security.ECard' },
)

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

export type InsuredStatusT = Static<typeof InsuredStatus>
export type ContributionT = Static<typeof ContributionList>['records'][number]
export type MedicalAccountT = Static<typeof MedicalAccount>
export type EmploymentT = InsuredStatusT['employments'][number]
export type ECardT = Static<typeof ECard>
