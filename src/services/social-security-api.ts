import type { ContributionYearT, ECardViewT, InsuredViewT, MedicalAccountViewT } from '../api/social-security'
import { authedRequest } from './session'

// Every call needs the citizen's session and 实名认证 (403 IDENTITY_REQUIRED without it).
const base = (serviceId: string) => `/v1/services/${encodeURIComponent(serviceId)}/social-security`

/** Insured status per insurance type and the contribution periods (参保单位), newest first. */
export function getInsured(serviceId: string): Promise<InsuredViewT> {
  return authedRequest<InsuredViewT>(`${base(serviceId)}/insured`)
}

/** One calendar year of contribution records (China time); the current year runs to last month. */
export function getContributions(serviceId: string, year: number): Promise<ContributionYearT> {
  return authedRequest<ContributionYearT>(`${base(serviceId)}/contributions`, { query: { year } })
}

/** 医保个人账户: balance and the latest transactions, newest first. */
export function getMedicalAccount(serviceId: string): Promise<MedicalAccountViewT> {
  return authedRequest<MedicalAccountViewT>(`${base(serviceId)}/medical-account`)
}

/**
 * 电子社保卡 with a short-lived QR payload. The payload is a credential:
 * callers keep it in memory only, never in storage.
 */
export function getECard(serviceId: string): Promise<ECardViewT> {
  return authedRequest<ECardViewT>(`${base(serviceId)}/e-card`)
}
