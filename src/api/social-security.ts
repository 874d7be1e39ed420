import { type Static, Type } from 'typebox'
import { strict, literals, DateTime, Month, Fen, MaskedIdNumber, MaskedTail, MaskedPersonSchema } from './common'

/**
 * 社保 as the app sees it: the bureau's answers (social-security@1) for the
 * verified citizen, contribution records one calendar year at a time.
 */

// The bureau's answers (social-security@1) that the app sees as they are: the
// contract's operations (server/contracts/social-security) answer these very schemas.

export const INSURANCE_TYPES = ['pension', 'medical', 'unemployment', 'injury', 'maternity'] as const
export const INSURED_STATUSES = ['active', 'suspended', 'not-insured'] as const

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

export type InsuredStatusT = Static<typeof InsuredStatus>
export type ContributionT = Static<typeof ContributionList>['records'][number]
export type MedicalAccountT = Static<typeof MedicalAccount>
export type EmploymentT = InsuredStatusT['employments'][number]
export type ECardT = Static<typeof ECard>

// What the platform's routes take and answer.
export const ServiceParams = Type.Object({ serviceId: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) }, strict)
export const YearQuery = Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100, description: 'calendar year, China time' }) }, strict)

export const InsuredView = Type.Object(InsuredStatus.properties, strict)
export const ContributionYear = Type.Object(
  {
    year: Type.Integer(),
    from: ContributionList.properties.records.items.properties.month,
    to: Type.String({ description: 'the last month asked for: December, or last month for the current year' }),
    ...ContributionList.properties,
  },
  strict,
)
export const MedicalAccountView = Type.Object(MedicalAccount.properties, strict)
export const ECardView = Type.Object(ECard.properties, strict)

export type InsuredViewT = Static<typeof InsuredView>
export type ContributionYearT = Static<typeof ContributionYear>
export type MedicalAccountViewT = Static<typeof MedicalAccountView>
export type ECardViewT = Static<typeof ECardView>
