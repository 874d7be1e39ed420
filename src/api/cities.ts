import { Type } from 'typebox'

export const CitySchema = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 code', examples: ['510600'] }),
    name: Type.String({ examples: ['德阳'] }),
    fullName: Type.String({ examples: ['德阳市'] }),
    provinceCode: Type.String({ pattern: '^[0-9]{2}$' }),
    provinceName: Type.String({ examples: ['四川省'] }),
    pinyin: Type.String({ examples: ['deyang'] }),
    initials: Type.String({ examples: ['dy'] }),
    kind: Type.Union([Type.Literal('municipality'), Type.Literal('prefecture'), Type.Literal('county')]),
    lat: Type.Number(),
    lng: Type.Number(),
  },
  { $id: 'City' },
)

export const CitySearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50, description: 'Chinese name, full pinyin or initials: 重庆, chongqing, cq' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 500 })),
})

export const CityList = Type.Object({ cities: Type.Array(Type.Ref('City')) })

export const NearestQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90, description: 'latitude in degrees' }),
  lng: Type.Number({ minimum: -180, maximum: 180, description: 'longitude in degrees' }),
})

export const NearestCity = Type.Object({
  city: Type.Ref('City'),
  distanceKm: Type.Number({ description: 'distance from the point to the city centre' }),
})
