import { hospitalHomeUrl, housingFundHomeUrl, socialSecurityHomeUrl, trafficHomeUrl } from '../services/routes'
import { utilitiesHomeUrl } from './utilities/routes'

/** A subpackage of the app (app.config.ts), loaded when one of its pages is first opened. */
export interface Subpackage {
  /** Folder under src/, e.g. packages/traffic */
  root: string
  /** Its pages, relative to the root. */
  pages: string[]
  /** The typed contract (server/contracts) whose catalog services open here. */
  contract?: string
  /** The subpackage's home for a catalog service of that contract. */
  entry?: (service: { id: string; name: string }) => string
}

/**
 * Every subpackage, one per domain, so the main package stays within its
 * size budget. A citizen contract's subpackage names the contract and its
 * entry page: the home page opens catalog services through it.
 */
export const SUBPACKAGES: readonly Subpackage[] = [
  {
    root: 'packages/traffic',
    pages: ['pages/index/index', 'pages/bind/index', 'pages/violations/index', 'pages/violation/index', 'pages/licence/index'],
    contract: 'traffic@1',
    entry: (s) => trafficHomeUrl(s.id, s.name),
  },
  { root: 'packages/pay', pages: ['pages/cashier/index', 'pages/payments/index'] },
  { root: 'packages/account', pages: ['pages/identity/index', 'pages/records/index', 'pages/face-check/index', 'pages/messages/index', 'pages/rating/index'] },
  {
    root: 'packages/hospital',
    pages: [
      'pages/index/index',
      'pages/departments/index',
      'pages/department/index',
      'pages/confirm/index',
      'pages/appointments/index',
      'pages/appointment/index',
      'pages/patients/index',
    ],
    contract: 'hospital@1',
    entry: (s) => hospitalHomeUrl(s.id, s.name),
  },
  {
    root: 'packages/social-security',
    pages: ['pages/index/index', 'pages/records/index', 'pages/medical/index', 'pages/card/index'],
    contract: 'social-security@1',
    entry: (s) => socialSecurityHomeUrl(s.id, s.name),
  },
  {
    root: 'packages/housing-fund',
    pages: ['pages/index/index', 'pages/deposits/index', 'pages/loans/index', 'pages/loan/index', 'pages/withdraw/index', 'pages/calculator/index'],
    contract: 'housing-fund@1',
    entry: (s) => housingFundHomeUrl(s.id, s.name),
  },
  // Generic web-view services: the agency's own page inside the app (no contract: the catalog gives the page).
  { root: 'packages/webview', pages: ['pages/index/index'] },
  { root: 'packages/utilities', pages: ['pages/index/index', 'pages/bind/index', 'pages/bills/index', 'pages/top-up/index', 'pages/history/index'], contract: 'utilities@1', entry: (s) => utilitiesHomeUrl(s.id, s.name) },
]
