import { expect } from 'vitest'
import type { Citizen } from './citizen-platform'

/**
 * Runs a face check (人脸核身) the way the H5 app does: start it, complete it
 * on the simulated agency's page (passed or not), then ask the platform for
 * the agency's result. Returns the outcome's body.
 */
export async function faceCheck(c: Citizen, start: { purpose: 'move' | 'step-up'; name?: string; idNumber?: string }, passed = true) {
  const started = await c.call('POST', '/v1/me/face-checks', start)
  expect(started.statusCode, started.body).toBe(201)
  const { checkId } = started.json().faceCheck as { checkId: string }
  expect((await c.call('POST', `/v1/me/face-checks/${checkId}/simulated`, { passed })).statusCode).toBe(204)
  const result = await c.call('POST', `/v1/me/face-checks/${checkId}/result`)
  expect(result.statusCode, result.body).toBe(200)
  return result.json()
}
