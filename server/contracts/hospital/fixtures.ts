import { Type } from 'typebox'
import { strict } from '../../../src/api/common'
import { PersonFixturesSchema, fixtureField } from '../fixture-fields'

/** A campus of the agency's and a test patient, for the hospital@1 suite. */
export const HospitalFixturesSchema = Type.Object(
  { hospitalId: fixtureField('agencyKey', { description: "a hospital (campus) id of the agency's" }), patient: PersonFixturesSchema },
  strict,
)
