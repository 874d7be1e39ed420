import type { FastifyBaseLogger } from 'fastify'
import { operation } from '../../contracts/common'
import { operations as identityOperations } from '../../contracts/identity'
import { HttpError } from '../../errors'
import { platformAgency } from '../gateway/agency-targets'
import { callOperation } from '../gateway/call-operation'
import type { CitizenDeps } from './citizen-deps'

const verify = operation(identityOperations, 'verify')

/**
 * Asks the identity agency whether name and ID number belong together (实名核验),
 * for the citizen themself or a family member they add as a patient. Throws
 * 422 IDENTITY_MISMATCH pointing at the name when they do not.
 */
export async function verifyPerson(deps: Pick<CitizenDeps, 'db' | 'box' | 'config'>, person: { name: string; idNumber: string }, log: FastifyBaseLogger): Promise<void> {
  const agency = await platformAgency(deps.db, deps.box, 'identity@1')
  const result = await callOperation(agency, verify, { body: person, timeoutMs: deps.config.citizen.agencyTimeoutMs, log })
  if (!result.match) {
    throw new HttpError(422, 'IDENTITY_MISMATCH', 'The name and ID number do not match the registry / 姓名与身份证号码不一致，请核对后重试', [
      { path: 'body.name', message: '请核对姓名是否与身份证上的一致' },
    ])
  }
}
