import type { PaymentT } from '../../api/payments'
import type { AccountCheckT, ProvidersT, UtilityAccountT, UtilityBillsT, UtilityPaymentsT } from '../../api/utilities'
import type { UtilityAccountForm } from '../../domain/utility-forms'
import { authedRequest } from '../../services/session'

/** The utilities subpackage's client of the platform API (server/modules/utilities/routes.ts). */
const base = (service: string) => `/v1/services/${encodeURIComponent(service)}`
const accounts = (service: string) => `${base(service)}/utility-accounts`
const account = (service: string, id: string) => `${accounts(service)}/${encodeURIComponent(id)}`

/** The city's water, electricity and gas companies. */
export function listProviders(service: string): Promise<ProvidersT> {
  return authedRequest<ProvidersT>(`${base(service)}/utility-providers`)
}

export async function listAccounts(service: string): Promise<UtilityAccountT[]> {
  return (await authedRequest<{ accounts: UtilityAccountT[] }>(accounts(service))).accounts
}

/** The company's masked answer for a 户号, to confirm before binding; binds nothing. */
export function checkAccount(service: string, form: UtilityAccountForm): Promise<AccountCheckT> {
  return authedRequest<AccountCheckT>(`${accounts(service)}/check`, { method: 'POST', data: form })
}

export async function bindAccount(service: string, form: UtilityAccountForm): Promise<UtilityAccountT> {
  return (await authedRequest<{ account: UtilityAccountT }>(accounts(service), { method: 'POST', data: form })).account
}

export function unbindAccount(service: string, id: string): Promise<void> {
  return authedRequest<void>(account(service, id), { method: 'DELETE' })
}

/** Bills by month from the company (by default the last 12 months and this one). */
export function getBills(service: string, id: string, range: { from?: string; to?: string } = {}): Promise<UtilityBillsT> {
  return authedRequest<UtilityBillsT>(`${account(service, id)}/bills`, { query: range })
}

/** Opens (or finds) the one payment for these bills: repeated calls get the same order. */
export async function payBills(service: string, id: string, billIds: string[]): Promise<PaymentT> {
  return (await authedRequest<{ payment: PaymentT }>(`${account(service, id)}/bill-payments`, { method: 'POST', data: { billIds } })).payment
}

/** Opens (or finds) the top-up payment; the same requestId gets the same order. */
export async function topUp(service: string, id: string, amountFen: number, requestId: string): Promise<PaymentT> {
  return (await authedRequest<{ payment: PaymentT }>(`${account(service, id)}/top-ups`, { method: 'POST', data: { amountFen, requestId } })).payment
}

export function getHistory(service: string, id: string): Promise<UtilityPaymentsT> {
  return authedRequest<UtilityPaymentsT>(`${account(service, id)}/payments`)
}
