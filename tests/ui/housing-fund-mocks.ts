import { vi } from 'vitest'

/** The 公积金 API as page tests fake it: every call a vi.fn the test answers. */
export const housingFundApiMock = () => ({
  getFundAccount: vi.fn(),
  getFundAccountNumber: vi.fn(),
  getDeposits: vi.fn(),
  listFundLoans: vi.fn(),
  getLoanSchedule: vi.fn(),
  getWithdrawalEligibility: vi.fn(),
  applyForWithdrawal: vi.fn(),
})
