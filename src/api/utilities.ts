import { type Static, Type } from 'typebox'
import { UTILITY_KIND_IDS, UTILITY_UNITS } from '../domain/utility-kinds'
import { DateTime, Fen, IsoDate, Key, MaskedName, MaskedTail, Month, literals, strict } from './common'

/**
 * 生活缴费 as the app sees it, and the utilities@1 answers the platform
 * passes through unchanged (companies, the account check, bills, payments),
 * defined here once: the contract's operations (server/contracts/utilities)
 * use these. The 户号 goes in only in the bind and check bodies, never in a
 * path or query.
 */

export const BILL_STATUSES = ['unpaid', 'paid'] as const
export const ACCOUNT_KINDS = ['residential', 'commercial'] as const
export const PAYMENT_CHANNELS = ['online', 'counter', 'bank', 'prepaid'] as const
/** At most this many months per bills query, and bills per payment. */
export const MAX_BILL_MONTHS = 36

export const ProviderId = () => Key({ description: "the company's id in utilities@1, from listProviders" })
export const BillId = () => Type.String({ pattern: '^[A-Za-z0-9-]{6,40}$', description: "the company's bill id" })
export const ReceiptNo = () => Type.String({ pattern: '^[0-9]{20}$', description: '缴费凭证号' })
const Unit = () => literals(UTILITY_UNITS, { description: '吨 (water), 千瓦时 (electricity), 立方米 (gas)' })
const Kind = () => literals(UTILITY_KIND_IDS, { description: 'water 自来水, electricity 电力, gas 燃气' })

// utilities@1 answers, as the companies give them.

export const ProviderList = Type.Object(
  {
    providers: Type.Array(
      Type.Object(
        {
          id: ProviderId(),
          kind: Kind(),
          name: Type.String({ minLength: 2, maxLength: 40, description: 'the company, e.g. 德阳市自来水有限公司' }),
          unit: Unit(),
          prepaid: Type.Boolean({ description: 'offers prepaid top-up (预付费 meters)' }),
        },
        strict,
      ),
    ),
  },
  { ...strict, $id: 'utilities.ProviderList' },
)

export const AccountInfo = Type.Object(
  {
    providerId: ProviderId(),
    accountNo: MaskedTail({ description: '户号 masked to its last 4 digits' }),
    holderName: MaskedName({ description: "the holder's name masked to its last character, for the citizen to confirm" }),
    address: Type.String({ minLength: 2, maxLength: 80, pattern: '\\*', description: 'the address with the house number starred' }),
    accountKind: literals(ACCOUNT_KINDS, { description: 'residential 居民, commercial 非居民' }),
    prepaid: Type.Boolean({ description: 'a prepaid meter: topped up in advance, bills settled from the balance' }),
    balanceFen: Type.Optional(Fen({ description: 'prepaid balance (prepaid meters only)' })),
  },
  { ...strict, $id: 'utilities.AccountInfo' },
)

export const Bill = Type.Object(
  {
    id: BillId(),
    month: Month({ description: 'the month of usage billed' }),
    usage: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'usage in whole units' }),
    unit: Unit(),
    amountFen: Fen({ description: 'the bill without late fee' }),
    dueDate: IsoDate({ description: 'last day to pay without late fee' }),
    status: literals(BILL_STATUSES),
    lateFeeFen: Fen({ description: '违约金 owed now: 0.1% of the amount per day after the due date, at most the amount (0 when paid)' }),
    paidAt: Type.Optional(DateTime()),
  },
  strict,
)

export const BillList = Type.Object(
  {
    bills: Type.Array(Bill, { description: 'newest month first' }),
    summary: Type.Object(
      {
        unpaidCount: Type.Integer({ minimum: 0 }),
        unpaidAmountFen: Fen(),
        lateFeeFen: Fen(),
        totalDueFen: Fen({ description: 'amount + late fee of every unpaid bill' }),
      },
      strict,
    ),
  },
  { ...strict, $id: 'utilities.BillList' },
)

export const AccountPayments = Type.Object(
  {
    payments: Type.Array(
      Type.Object(
        {
          receiptNo: ReceiptNo(),
          kind: literals(['bills', 'top-up'] as const),
          amountFen: Fen(),
          paidAt: DateTime(),
          channel: literals(PAYMENT_CHANNELS, { description: 'online 线上, counter 营业厅, bank 银行代扣, prepaid 预付费余额' }),
          months: Type.Array(Month(), { description: 'months of the bills it paid (empty for a top-up)' }),
        },
        strict,
      ),
      { description: 'newest first' },
    ),
  },
  { ...strict, $id: 'utilities.AccountPayments' },
)

// The platform's own API (server/modules/utilities/routes.ts).

const ServiceId = () => Type.String({ pattern: '^[a-z0-9-]{1,64}$' })
const Uuid = () => Type.String({ pattern: '^[0-9a-f-]{36}$' })

export const UtilitiesParams = Type.Object({ serviceId: ServiceId() }, strict)
export const UtilityAccountParams = Type.Object({ serviceId: ServiceId(), accountId: Uuid() }, strict)

export const UtilityAccountRequest = Type.Object(
  { providerId: Type.String({ maxLength: 64 }), accountNo: Type.String({ maxLength: 40 }) },
  { ...strict, description: 'checked by src/domain/utility-forms.ts before the company is asked' },
)

export const UtilityAccount = Type.Object(
  {
    id: Uuid(),
    serviceId: Type.String(),
    providerId: Type.String(),
    providerKind: Kind(),
    providerName: Type.String(),
    accountNo: MaskedTail({ description: '户号 masked to its last 4 digits' }),
    holderName: MaskedName(),
    address: Type.String({ description: 'masked by the company' }),
    prepaid: Type.Boolean(),
    createdAt: DateTime(),
  },
  strict,
)

export const Providers = Type.Object(ProviderList.properties, strict)
export const AccountCheck = Type.Object(
  { ...AccountInfo.properties, providerName: Type.String(), providerKind: Kind() },
  { ...strict, description: 'the company’s answer for the 户号, masked, to confirm before binding' },
)
export const UtilityAccountList = Type.Object({ accounts: Type.Array(UtilityAccount) }, strict)
export const UtilityAccountAnswer = Type.Object({ account: UtilityAccount }, strict)

export const BillsQuery = Type.Object(
  { from: Type.Optional(Month()), to: Type.Optional(Month()) },
  { ...strict, description: 'months (YYYY-MM); by default the last 12 months and this one' },
)
export const UtilityBills = Type.Object({ account: UtilityAccount, bills: BillList.properties.bills, summary: BillList.properties.summary }, strict)

export const PayBillsBody = Type.Object({ billIds: Type.Array(BillId(), { minItems: 1, maxItems: MAX_BILL_MONTHS, uniqueItems: true }) }, strict)
export const TopUpBody = Type.Object(
  {
    amountFen: Type.Integer({ description: 'at least 1000 (10 元), at most 500000 (5000 元)' }),
    requestId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'one per top-up the citizen starts: a repeated tap sends the same one and gets the same order' }),
  },
  strict,
)

export const UtilityPayments = Type.Object({ account: UtilityAccount, payments: AccountPayments.properties.payments }, strict)

export type ProviderT = Static<typeof ProviderList>['providers'][number]
export type AccountInfoT = Static<typeof AccountInfo>
export type BillT = Static<typeof Bill>
export type BillListT = Static<typeof BillList>
export type AccountPaymentT = Static<typeof AccountPayments>['payments'][number]
export type UtilityAccountT = Static<typeof UtilityAccount>
export type ProvidersT = Static<typeof Providers>
export type AccountCheckT = Static<typeof AccountCheck>
export type UtilityBillsT = Static<typeof UtilityBills>
export type UtilityPaymentsT = Static<typeof UtilityPayments>
