import { type Static, Type } from 'typebox'
import { DateTime, Fen, Month, strict } from '../../../src/api/common'
import {
  AccountInfo,
  AccountPayments,
  BillId,
  BillList,
  MAX_BILL_MONTHS,
  ProviderId,
  ProviderList,
  ReceiptNo,
} from '../../../src/api/utilities'
import { TOP_UP_MAX_FEN, TOP_UP_MIN_FEN } from '../../../src/domain/utility-forms'
import { defineOperations } from '../common'
import { UTILITIES_ERRORS } from './errors'

/**
 * utilities@1: a city's water (自来水), electricity (电力) and gas (燃气)
 * companies: verify a household account (户号), its bills by month with the
 * late fee (违约金), paying a set of bills in one payment, prepaid electricity
 * top-up and the account's payments. Lookups carrying a 户号 are POST. The
 * answers the platform passes to the app unchanged are in src/api/utilities.ts.
 */
export const CONTRACT = 'utilities@1'

export {
  ACCOUNT_KINDS,
  AccountInfo,
  AccountPayments,
  BILL_STATUSES,
  Bill,
  BillList,
  MAX_BILL_MONTHS,
  PAYMENT_CHANNELS,
  ProviderList,
  type AccountInfoT,
  type AccountPaymentT,
  type BillListT,
  type BillT,
  type ProviderT,
} from '../../../src/api/utilities'

const AccountNo = () => Type.String({ pattern: '^[0-9]{6,16}$', description: '户号: 6–16 digits as printed on the bill' })
const OrderId = () => Type.String({ pattern: '^[A-Za-z0-9_-]{6,64}$', description: "the platform's payment order id" })
const account = { providerId: ProviderId(), accountNo: AccountNo() }

export const AccountQuery = Type.Object(account, { ...strict, $id: 'utilities.AccountQuery' })

export const BillQuery = Type.Object(
  { ...account, from: Month({ description: 'first month, YYYY-MM' }), to: Month({ description: `last month, YYYY-MM; at most ${MAX_BILL_MONTHS} months` }) },
  { ...strict, $id: 'utilities.BillQuery' },
)

export const PayBillsRequest = Type.Object(
  {
    ...account,
    billIds: Type.Array(BillId(), { minItems: 1, maxItems: MAX_BILL_MONTHS, uniqueItems: true }),
    orderId: OrderId(),
    amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'the sum of the bills and their late fees now' }),
  },
  { ...strict, $id: 'utilities.PayBillsRequest' },
)

export const PayBillsResult = Type.Object(
  {
    orderId: OrderId(),
    billIds: Type.Array(BillId()),
    amountFen: Fen(),
    status: Type.Literal('paid'),
    paidAt: DateTime(),
    receiptNo: ReceiptNo(),
  },
  { ...strict, $id: 'utilities.PayBillsResult' },
)

export const TopUpRequest = Type.Object(
  {
    ...account,
    orderId: OrderId(),
    amountFen: Type.Integer({ minimum: TOP_UP_MIN_FEN, maximum: TOP_UP_MAX_FEN, description: 'at least 10 元, at most 5000 元' }),
  },
  { ...strict, $id: 'utilities.TopUpRequest' },
)

export const TopUpResult = Type.Object(
  {
    orderId: OrderId(),
    amountFen: Fen(),
    balanceFen: Fen({ description: 'the prepaid balance after the top-up' }),
    status: Type.Literal('paid'),
    paidAt: DateTime(),
    receiptNo: ReceiptNo(),
  },
  { ...strict, $id: 'utilities.TopUpResult' },
)

export const operations = defineOperations(UTILITIES_ERRORS, [
  {
    name: 'listProviders',
    summary: "The city's water, electricity and gas companies, and whether each offers prepaid top-up",
    method: 'GET',
    path: '/v1/providers',
    kind: 'call',
    response: ProviderList,
    errors: [],
  },
  {
    name: 'verifyAccount',
    summary: "A household account (户号) at a company: the holder's masked name and address, to confirm before binding",
    method: 'POST',
    path: '/v1/accounts/verify',
    kind: 'call',
    body: AccountQuery,
    response: AccountInfo,
    errors: ['PROVIDER_NOT_FOUND', 'ACCOUNT_NOT_FOUND'],
  },
  {
    name: 'listBills',
    summary: 'Bills of an account by month (usage, amount, due date, status, late fee), newest first',
    method: 'POST',
    path: '/v1/bills/query',
    kind: 'call',
    body: BillQuery,
    response: BillList,
    errors: ['PROVIDER_NOT_FOUND', 'ACCOUNT_NOT_FOUND', 'INVALID_RANGE'],
  },
  {
    name: 'payBills',
    summary: 'Record one payment of a set of bills; idempotent by orderId; a bill paid elsewhere meanwhile → 409 BILL_ALREADY_PAID and nothing is recorded',
    method: 'POST',
    path: '/v1/bills/pay',
    kind: 'call',
    body: PayBillsRequest,
    response: PayBillsResult,
    errors: ['PROVIDER_NOT_FOUND', 'ACCOUNT_NOT_FOUND', 'BILL_NOT_FOUND', 'BILL_ALREADY_PAID', 'AMOUNT_MISMATCH', 'ORDER_CONFLICT'],
  },
  {
    name: 'topUp',
    summary: 'Record a prepaid top-up of a prepaid meter; idempotent by orderId',
    method: 'POST',
    path: '/v1/prepaid/top-up',
    kind: 'call',
    body: TopUpRequest,
    response: TopUpResult,
    errors: ['PROVIDER_NOT_FOUND', 'ACCOUNT_NOT_FOUND', 'NOT_PREPAID', 'ORDER_CONFLICT'],
  },
  {
    name: 'listPayments',
    summary: 'Payments of an account through every channel, newest first',
    method: 'POST',
    path: '/v1/payments/query',
    kind: 'call',
    body: AccountQuery,
    response: AccountPayments,
    errors: ['PROVIDER_NOT_FOUND', 'ACCOUNT_NOT_FOUND'],
  },
] as const)

export type PayBillsResultT = Static<typeof PayBillsResult>
export type TopUpResultT = Static<typeof TopUpResult>
