import { vi } from 'vitest'

/** Module factories for vi.mock: every call of the hospital and patient APIs is a test double. */
export const hospitalApiMock = () => ({
  listHospitals: vi.fn(),
  listDepartments: vi.fn(),
  listDoctors: vi.fn(),
  getBookingDates: vi.fn(),
  getDaySchedule: vi.fn(),
  getVisitCard: vi.fn(),
  bookAppointment: vi.fn(),
  listAppointments: vi.fn(),
  getAppointment: vi.fn(),
  cancelAppointment: vi.fn(),
})

export const patientApiMock = () => ({ listPatients: vi.fn(), addPatient: vi.fn(), removePatient: vi.fn() })
