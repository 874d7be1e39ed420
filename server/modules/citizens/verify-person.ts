import type { FastifyBaseLogger } from 'fastify'
import { HttpError } from '../../errors'
import { type AgencyDeps, platformAgencyFor } from '../gateway/bound-agency'

/**
 * Asks the identity agency whether name and ID number belong together (实名核验),
 * for the citizen themself or a family member they add as a patient. Throws
 * 422 IDENTITY_MISMATCH pointing at the name when they do not.
 */
export async function verifyPerson(deps: AgencyDeps, person: { name: string; idNumber: string }, log: FastifyBaseLogger): Promise<void> {
  const identity = await platformAgencyFor(deps, 'identity@1', log)
  const result = await identity.call('verify', { body: person })
  if (!result.match) {
    throw new HttpError(422, 'IDENTITY_MISMATCH', 'The name and ID number do not match the registry / 姓名与身份证号码不一致，请核对后重试', [
      { path: 'body.name', message: '请核对姓名是否与身份证上的一致' },
    ])
  }
}
