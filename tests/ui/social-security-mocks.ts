import { vi } from 'vitest'

/** The 社保 API as page tests fake it: every call a vi.fn the test answers. */
export const socialSecurityApiMock = () => ({
  getInsured: vi.fn(),
  getContributions: vi.fn(),
  getMedicalAccount: vi.fn(),
  getECard: vi.fn(),
})
