import { Type } from 'typebox'
import { strict } from '../../../src/api/common'
import { fixtureField } from '../fixture-fields'

/** A vehicle and a licence the agency knows, for the traffic@1 suite. */
export const TrafficFixturesSchema = Type.Object(
  {
    plate: fixtureField('plate', { description: 'test plate, e.g. 川A12345' }),
    plateType: fixtureField('plateType', { description: 'plate type code (GA 24.7), e.g. 02 小型汽车' }),
    engineTail: fixtureField('engineTail', { description: 'last 6 characters of the engine number' }),
    licenceNo: fixtureField('idNumber', { description: 'test driving licence number (the holder’s ID number) for the points query' }),
  },
  strict,
)
