/**
 * Generates server/data/cities.json: every city a citizen can pick, as `City`
 * objects (src/domain/city.ts), sorted by code, one city per line.
 *
 *   npx tsx scripts/generate-cities.ts      (or: npm run gen:cities)
 *
 * Sources (dev dependencies, used only here; the JSON output is committed):
 *   - @vant/area-data  : codes and names (province_list, city_list, county_list)
 *   - pinyin-pro       : pinyin and initials of the short names
 *   - china-geojson    : centre points (`properties.cp` = [lng, lat]) and polygons
 *
 * What counts as a city:
 *   - kind "municipality": 北京 天津 上海 重庆, one entry each, with the code
 *     city_list uses for them (110100, 120100, 310100, 500100);
 *   - kind "prefecture": every other prefecture-level row of city_list, minus
 *     Hong Kong (81), Macao (82), Taiwan (71) and placeholder rows (省直辖县,
 *     自治区直辖县级行政区划, 重庆's "县", ...);
 *   - kind "county": the province-administered county-level cities listed in
 *     county_list under such a placeholder row (济源, 仙桃, 石河子, ...) whose name
 *     ends in 市 (神农架林区 and the 县 of 海南 are left out).
 *
 * The script exits non-zero when a city ends up without a coordinate, when a
 * coordinate is outside China's bounding box, when a hand-entered or package
 * point lies in the wrong polygon, or when one of CHECK_POINTS is not nearest
 * to its expected city, so a future data update cannot silently break them.
 */
import { writeFileSync, readFileSync, readdirSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { areaList } from '@vant/area-data'
import { pinyin } from 'pinyin-pro'
import type { City } from '../src/domain/city'
import { distanceKm, nearestCity } from '../src/domain/nearest-city'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'server/data/cities.json')
const require = createRequire(import.meta.url)
const GEO_DIR = join(dirname(require.resolve('china-geojson/package.json')), 'src/geojson')

// ---------------------------------------------------------------------------
// Hand-maintained tables
// ---------------------------------------------------------------------------

/**
 * Pinyin overrides, short name -> syllables separated by spaces, for names
 * pinyin-pro (3.x) reads wrongly. It gets the usual polyphonic traps right
 * (重庆 chongqing, 厦门 xiamen, 六安 luan, 蚌埠 bengbu, 亳州 bozhou, 丽水 lishui,
 * 长沙 changsha, 乐山 leshan, ...); these are the ones it does not.
 * Cities using an override are printed on every run.
 */
const PINYIN_OVERRIDES: Record<string, string> = {
  昌都: 'chang du', // 都 read dou (都是) instead of du (首都): Chāngdū
  喀什: 'ka shi', // 什 read shen (什么) instead of shi: Kāshí
}

/** Known polyphonic traps: the script fails when one of these comes out differently. */
const EXPECTED_PINYIN: Record<string, string> = {
  重庆: 'chongqing',
  厦门: 'xiamen',
  德阳: 'deyang',
  长沙: 'changsha',
  长春: 'changchun',
  长治: 'changzhi',
  蚌埠: 'bengbu',
  六安: 'luan',
  丽水: 'lishui',
  丽江: 'lijiang',
  亳州: 'bozhou',
  台州: 'taizhou',
  乐山: 'leshan',
  大理: 'dali',
  莆田: 'putian',
  曲靖: 'qujing',
  朝阳: 'chaoyang',
  吕梁: 'lvliang',
  漯河: 'luohe',
  濮阳: 'puyang',
  巴彦淖尔: 'bayannaoer',
  那曲: 'naqu',
  阿拉善: 'alashan',
  东莞: 'dongguan',
  中山: 'zhongshan',
  昌都: 'changdu',
  喀什: 'kashi',
  成都: 'chengdu',
  宿州: 'suzhou',
  宿迁: 'suqian',
  朔州: 'shuozhou',
  郴州: 'chenzhou',
  衢州: 'quzhou',
  甘孜: 'ganzi',
  和田: 'hetian',
}

/**
 * Coordinate overrides (city government seat, WGS-84-ish degrees rounded to
 * 2 decimals). ALL OF THESE ARE HAND-ENTERED, not taken from a package.
 * Two reasons to be here:
 *   missing - china-geojson (2010-era data) has no feature for the city;
 *   seat    - the package's centre point is the middle of the city's territory,
 *             far from where people live, so a citizen standing in the city's
 *             main district would be located in a neighbouring city (the
 *             CHECK_POINTS below fail without the override).
 */
const COORD_OVERRIDES: Record<string, { lat: number; lng: number; reason: 'missing' | 'seat'; note: string }> = {
  // --- missing from china-geojson ---
  '419001': { lat: 35.07, lng: 112.6, reason: 'missing', note: '济源: package only has 河南 prefectures' },
  '460300': { lat: 16.83, lng: 112.34, reason: 'missing', note: '三沙: 永兴岛 (created 2012)' },
  '659005': { lat: 47.36, lng: 87.82, reason: 'missing', note: '北屯 (2011)' },
  '659006': { lat: 41.8, lng: 85.7, reason: 'missing', note: '铁门关 (2012)' },
  '659007': { lat: 44.84, lng: 82.35, reason: 'missing', note: '双河 (2014)' },
  '659008': { lat: 43.93, lng: 81.09, reason: 'missing', note: '可克达拉 (2015)' },
  '659009': { lat: 37.22, lng: 79.28, reason: 'missing', note: '昆玉 (2016)' },
  '659010': { lat: 44.69, lng: 84.83, reason: 'missing', note: '胡杨河 (2019)' },
  '659011': { lat: 42.8, lng: 93.7, reason: 'missing', note: '新星 (2021), 黄田农场 east of 哈密' },
  '659012': { lat: 46.72, lng: 82.9, reason: 'missing', note: '白杨 (2023), near 塔城' },
  // --- package centre is far from the city's main district ---
  '500100': { lat: 29.56, lng: 106.55, reason: 'seat', note: '重庆 市政府, 渝中; china.json centre 107.73, 30.02 is the middle of the municipality near 丰都, so 渝中 fell to 广安' },
  '230100': { lat: 45.76, lng: 126.63, reason: 'seat', note: '哈尔滨 centre (南岗/道里); package centre 127.97, 45.37 is 120 km east, so the city fell to 绥化' },
  '330100': { lat: 30.25, lng: 120.21, reason: 'seat', note: '杭州 市民中心; package centre 119.53, 29.88 is in 淳安/建德, so 西湖/上城 fell to 湖州' },
  '440300': { lat: 22.54, lng: 114.06, reason: 'seat', note: '深圳 市民中心, 福田; package centre 114.54 is in 龙岗/大鹏, so 福田 fell to 东莞' },
}

/** Old names in china-geojson -> current names (after the short-name normalisation). */
const RENAMED: Record<string, string> = {
  襄樊: '襄阳', // 2010
  思茅: '普洱', // 2007
}

/**
 * Points where a citizen stands in a city's main district (near the city
 * government), with the city that must be nearest. The first five are the
 * product's acceptance points; the rest are well-known city centres.
 */
const CHECK_POINTS: Array<{ lat: number; lng: number; code: string; label: string }> = [
  { lat: 22.54, lng: 114.06, code: '440300', label: '深圳 福田' },
  { lat: 31.23, lng: 121.47, code: '310100', label: '上海 人民广场' },
  { lat: 39.9, lng: 116.4, code: '110100', label: '北京 天安门' },
  { lat: 30.57, lng: 104.07, code: '510100', label: '成都 天府广场' },
  { lat: 31.13, lng: 104.4, code: '510600', label: '德阳 市区' },
  { lat: 39.12, lng: 117.2, code: '120100', label: '天津 和平' },
  { lat: 29.56, lng: 106.55, code: '500100', label: '重庆 渝中' },
  { lat: 38.04, lng: 114.51, code: '130100', label: '石家庄' },
  { lat: 37.87, lng: 112.55, code: '140100', label: '太原' },
  { lat: 40.84, lng: 111.75, code: '150100', label: '呼和浩特' },
  { lat: 41.8, lng: 123.43, code: '210100', label: '沈阳' },
  { lat: 38.91, lng: 121.61, code: '210200', label: '大连' },
  { lat: 43.82, lng: 125.32, code: '220100', label: '长春' },
  { lat: 45.8, lng: 126.53, code: '230100', label: '哈尔滨 松北' },
  { lat: 32.06, lng: 118.8, code: '320100', label: '南京' },
  { lat: 31.49, lng: 120.31, code: '320200', label: '无锡' },
  { lat: 31.3, lng: 120.59, code: '320500', label: '苏州' },
  { lat: 30.27, lng: 120.15, code: '330100', label: '杭州' },
  { lat: 29.87, lng: 121.55, code: '330200', label: '宁波' },
  { lat: 28.0, lng: 120.7, code: '330300', label: '温州' },
  { lat: 31.82, lng: 117.23, code: '340100', label: '合肥' },
  { lat: 26.07, lng: 119.3, code: '350100', label: '福州' },
  { lat: 24.48, lng: 118.09, code: '350200', label: '厦门' },
  { lat: 28.68, lng: 115.86, code: '360100', label: '南昌' },
  { lat: 36.65, lng: 117.12, code: '370100', label: '济南' },
  { lat: 36.07, lng: 120.38, code: '370200', label: '青岛' },
  { lat: 34.75, lng: 113.63, code: '410100', label: '郑州' },
  { lat: 30.59, lng: 114.31, code: '420100', label: '武汉' },
  { lat: 28.23, lng: 112.94, code: '430100', label: '长沙' },
  { lat: 23.13, lng: 113.26, code: '440100', label: '广州' },
  { lat: 22.27, lng: 113.58, code: '440400', label: '珠海' },
  { lat: 23.02, lng: 113.12, code: '440600', label: '佛山' },
  { lat: 23.02, lng: 113.75, code: '441900', label: '东莞' },
  { lat: 22.52, lng: 113.39, code: '442000', label: '中山' },
  { lat: 22.82, lng: 108.37, code: '450100', label: '南宁' },
  { lat: 20.04, lng: 110.34, code: '460100', label: '海口' },
  { lat: 26.65, lng: 106.63, code: '520100', label: '贵阳' },
  { lat: 25.04, lng: 102.71, code: '530100', label: '昆明' },
  { lat: 29.65, lng: 91.13, code: '540100', label: '拉萨' },
  { lat: 34.34, lng: 108.94, code: '610100', label: '西安' },
  { lat: 36.06, lng: 103.83, code: '620100', label: '兰州' },
  { lat: 36.62, lng: 101.78, code: '630100', label: '西宁' },
  { lat: 38.49, lng: 106.23, code: '640100', label: '银川' },
  { lat: 43.83, lng: 87.62, code: '650100', label: '乌鲁木齐' },
]

/**
 * Cities whose point lies in no polygon of their own province in china-geojson
 * (the package has no polygons for the South China Sea islands).
 */
const OUTSIDE_PROVINCE_POLYGONS_OK = new Set<string>(['460300'])

/**
 * A city is reported when it is further than this from the median of its
 * province's other cities AND further than SPREAD_FACTOR times the province's
 * typical distance to its median (large provinces such as 新疆, 内蒙古, 西藏
 * have many cities legitimately 300-1000 km from their median).
 */
const MEDIAN_DISTANCE_KM = 300
const SPREAD_FACTOR = 3
const CHINA_BOX = { minLat: 3, maxLat: 54, minLng: 73, maxLng: 136 }

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

/** Ethnic groups that occur in the names of autonomous prefectures. */
const ETHNIC = [
  '柯尔克孜', '哈萨克', '蒙古族', '蒙古', '朝鲜族', '土家族', '布依族', '景颇族', '傈僳族', '哈尼族',
  '藏族', '羌族', '彝族', '苗族', '侗族', '回族', '傣族', '白族', '壮族',
]

const PLACEHOLDER_NAME = /^(县|市辖区|省直辖县.*|自治区直辖县.*|省直辖县级行政区划)$/

/** Short name as people say it: 德阳市 → 德阳, 甘孜藏族自治州 → 甘孜, 兴安盟 → 兴安. */
function shortName(fullName: string): string {
  let name = fullName
  if (name.endsWith('自治州')) {
    name = name.slice(0, -3)
    let stripped = true
    while (stripped) {
      stripped = false
      for (const e of ETHNIC) {
        if (name.endsWith(e) && name.length > e.length) {
          name = name.slice(0, -e.length)
          stripped = true
          break
        }
      }
    }
  } else if (name.endsWith('地区')) name = name.slice(0, -2)
  else if (name.endsWith('林区')) name = name.slice(0, -2)
  else if (name.endsWith('盟') || name.endsWith('市') || name.endsWith('县')) name = name.slice(0, -1)
  return name
}

function pinyinOf(name: string): { pinyin: string; initials: string; overridden: boolean } {
  const override = PINYIN_OVERRIDES[name]
  const syllables = override
    ? override.split(/\s+/)
    : pinyin(name, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase())
  return {
    pinyin: syllables.join(''),
    initials: syllables.map((s) => s[0]).join(''),
    overridden: Boolean(override),
  }
}

// ---------------------------------------------------------------------------
// Geo data
// ---------------------------------------------------------------------------

type Ring = Array<[number, number]>
interface GeoFeature {
  id?: string
  properties: { name: string; cp?: [number, number]; latitude?: number; longitude?: number }
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] }
}

function loadGeo(file: string): GeoFeature[] {
  return (JSON.parse(readFileSync(join(GEO_DIR, file), 'utf8')) as { features: GeoFeature[] }).features
}

function centreOf(f: GeoFeature): { lat: number; lng: number } | undefined {
  const p = f.properties
  if (p.cp) return { lng: p.cp[0], lat: p.cp[1] }
  if (typeof p.latitude === 'number' && typeof p.longitude === 'number') return { lat: p.latitude, lng: p.longitude }
  return undefined
}

function polygonsOf(f: GeoFeature): Ring[][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
}

/** Even-odd ray casting; rings are [lng, lat]. */
function inRing(ring: Ring, lng: number, lat: number): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function inFeature(f: GeoFeature, lat: number, lng: number): boolean {
  return polygonsOf(f).some(([outer, ...holes]) => inRing(outer, lng, lat) && !holes.some((h) => inRing(h, lng, lat)))
}

/** Name key for matching data names with geo names: 毕节地区 / 毕节市 → 毕节. */
function geoKey(name: string): string {
  const key = shortName(name)
  return RENAMED[key] ?? key
}

// ---------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------

const errors: string[] = []
const warnings: string[] = []

const { province_list: provinces, city_list: cityList, county_list: countyList } = areaList
const EXCLUDED_PROVINCES = new Set(['71', '81', '82'])
const MUNICIPALITIES = new Set(['11', '12', '31', '50'])

interface Row {
  code: string
  fullName: string
  kind: City['kind']
}

const rows: Row[] = []
const skipped: string[] = []
for (const [code, fullName] of Object.entries(cityList)) {
  const prov = code.slice(0, 2)
  if (EXCLUDED_PROVINCES.has(prov)) continue
  if (PLACEHOLDER_NAME.test(fullName)) {
    skipped.push(`${code} ${fullName}`)
    // province-administered county-level cities sit in county_list under the placeholder
    const prefix = code.slice(0, 4)
    for (const [cc, cn] of Object.entries(countyList)) {
      if (!cc.startsWith(prefix)) continue
      if (cn.endsWith('市')) rows.push({ code: cc, fullName: cn, kind: 'county' })
      else skipped.push(`${cc} ${cn}`)
    }
    continue
  }
  if (MUNICIPALITIES.has(prov)) {
    // one entry per municipality: the city_list row named like the province
    if (fullName !== provinces[`${prov}0000`]) {
      skipped.push(`${code} ${fullName}`)
      continue
    }
    rows.push({ code, fullName, kind: 'municipality' })
    continue
  }
  rows.push({ code, fullName, kind: 'prefecture' })
}

// geo features: province files keyed by two-digit province code, china.json for municipalities
const provinceFeatures = new Map<string, GeoFeature[]>()
for (const file of readdirSync(GEO_DIR)) {
  if (!file.endsWith('.json') || file === 'china.json') continue
  for (const f of loadGeo(file)) {
    if (!f.id) continue
    const prov = f.id.slice(0, 2)
    if (!provinceFeatures.has(prov)) provinceFeatures.set(prov, [])
    provinceFeatures.get(prov)!.push(f)
  }
}
const chinaFeatures = loadGeo('china.json')
const usedFeatures = new Set<GeoFeature>()

interface Located {
  lat: number
  lng: number
  source: string
  feature?: GeoFeature
}

function locate(row: Row, short: string): Located | undefined {
  const prov = row.code.slice(0, 2)
  if (row.kind === 'municipality') {
    const f = chinaFeatures.find((g) => g.properties.name === short)
    const c = f && centreOf(f)
    return c && { ...c, source: `china.json ${f!.properties.name}`, feature: f }
  }
  const candidates = provinceFeatures.get(prov) ?? []
  // 1. by code: 4-digit feature ids are prefectures, 6-digit ones county-level units
  const byId = candidates.find((f) =>
    f.id!.length === 4 ? row.kind !== 'county' && row.code.slice(0, 4) === f.id : row.code === f.id,
  )
  if (byId && geoKey(byId.properties.name) === short) {
    return { ...centreOf(byId)!, source: `id ${byId.id} ${byId.properties.name}`, feature: byId }
  }
  // 2. by name within the province (re-coded cities: 毕节地区 5224 → 毕节市 520500, ...)
  const byName = candidates.filter((f) => geoKey(f.properties.name) === short)
  if (byName.length === 1) {
    const f = byName[0]
    return { ...centreOf(f)!, source: `name ${f.id} ${f.properties.name}`, feature: f }
  }
  if (byName.length > 1) errors.push(`${row.code} ${row.fullName}: several geo features named ${short}`)
  return undefined
}

const cities: City[] = []
const features = new Map<string, GeoFeature>()
const pinyinOverridden: string[] = []
const coordOverridden: string[] = []
const renamedMatches: string[] = []

for (const row of rows.sort((a, b) => a.code.localeCompare(b.code))) {
  const prov = row.code.slice(0, 2)
  const name = shortName(row.fullName)
  if (/族|自治|地区|盟$|市$/.test(name) || name.length < 2) errors.push(`${row.code} ${row.fullName}: bad short name "${name}"`)
  const py = pinyinOf(name)
  if (py.overridden) pinyinOverridden.push(`${row.code} ${name} → ${py.pinyin} (${py.initials})`)
  if (!/^[a-z]+$/.test(py.pinyin)) errors.push(`${row.code} ${name}: pinyin "${py.pinyin}" is not plain a-z`)

  const located = locate(row, name)
  if (located?.feature) {
    usedFeatures.add(located.feature)
    features.set(row.code, located.feature)
    if (located.source.startsWith('name') || RENAMED[shortName(located.feature.properties.name)]) {
      renamedMatches.push(`${row.code} ${row.fullName} ← ${located.source}`)
    }
  }
  const override = COORD_OVERRIDES[row.code]
  let lat = located?.lat
  let lng = located?.lng
  if (override) {
    if (override.reason === 'missing' && located) {
      warnings.push(`${row.code} ${name}: override marked "missing" but the package has ${located.source}; drop it?`)
    }
    coordOverridden.push(
      `${row.code} ${name}: ${override.lat}, ${override.lng} (${override.reason}: ${override.note})` +
        (located ? ` instead of ${round2(located.lat)}, ${round2(located.lng)} from ${located.source}` : ''),
    )
    lat = override.lat
    lng = override.lng
  }
  if (lat === undefined || lng === undefined) {
    errors.push(`${row.code} ${row.fullName}: no coordinate (add it to COORD_OVERRIDES)`)
    lat = NaN
    lng = NaN
  }

  cities.push({
    code: row.code,
    name,
    fullName: row.fullName,
    provinceCode: prov,
    provinceName: provinces[`${prov}0000`],
    pinyin: py.pinyin,
    initials: py.initials,
    kind: row.kind,
    lat: round2(lat),
    lng: round2(lng),
  })
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

// unique codes and names
const seenCodes = new Set<string>()
const seenNames = new Map<string, string>()
for (const c of cities) {
  if (!/^\d{6}$/.test(c.code)) errors.push(`${c.code}: not a 6-digit code`)
  if (seenCodes.has(c.code)) errors.push(`${c.code}: duplicate code`)
  seenCodes.add(c.code)
  if (seenNames.has(c.name)) warnings.push(`short name ${c.name} used by ${seenNames.get(c.name)} and ${c.code}`)
  seenNames.set(c.name, c.code)
  if (!c.provinceName) errors.push(`${c.code}: unknown province ${c.provinceCode}`)
}

for (const [name, expected] of Object.entries(EXPECTED_PINYIN)) {
  const c = cities.find((x) => x.name === name)
  if (!c) errors.push(`EXPECTED_PINYIN: no city named ${name}`)
  else if (c.pinyin !== expected) errors.push(`${c.code} ${name}: pinyin ${c.pinyin}, expected ${expected} (add to PINYIN_OVERRIDES)`)
}

for (const code of Object.keys(COORD_OVERRIDES)) {
  if (!seenCodes.has(code)) warnings.push(`COORD_OVERRIDES: ${code} is not a city any more; drop it`)
}

const located = cities.filter((c) => Number.isFinite(c.lat) && Number.isFinite(c.lng))

// bounding box
for (const c of located) {
  const b = CHINA_BOX
  if (c.lat < b.minLat || c.lat > b.maxLat || c.lng < b.minLng || c.lng > b.maxLng) {
    errors.push(`${c.code} ${c.name}: ${c.lat}, ${c.lng} is outside China's bounding box`)
  }
}

// distance from the median of the province's other cities
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const medianDistance = new Map<string, number>()
for (const c of located) {
  const others = located.filter((o) => o.provinceCode === c.provinceCode && o.code !== c.code)
  if (others.length < 2) continue
  const mLat = median(others.map((o) => o.lat))
  const mLng = median(others.map((o) => o.lng))
  medianDistance.set(c.code, distanceKm(c.lat, c.lng, mLat, mLng))
}
for (const c of located) {
  const d = medianDistance.get(c.code)
  if (d === undefined || d <= MEDIAN_DISTANCE_KM) continue
  const spread = median(located.filter((o) => o.provinceCode === c.provinceCode).map((o) => medianDistance.get(o.code) ?? 0))
  if (d > SPREAD_FACTOR * spread) {
    warnings.push(
      `${c.code} ${c.name} (${c.provinceName}) is ${Math.round(d)} km from the median of the province's other cities ` +
        `(typical: ${Math.round(spread)} km); check its coordinate`,
    )
  }
}

// polygons: a city's point must lie in its own polygon (when the package has one)
// and must not lie in another prefecture's polygon
for (const c of located) {
  const own = features.get(c.code)
  if (own && c.kind !== 'municipality' && !inFeature(own, c.lat, c.lng)) {
    errors.push(`${c.code} ${c.name}: ${c.lat}, ${c.lng} is outside its own polygon (${own.properties.name})`)
  }
  if (c.kind === 'county') continue // county-level cities lie inside prefectures' old polygons
  for (const [code, f] of features) {
    if (code === c.code || f.id?.length !== 4) continue
    if (inFeature(f, c.lat, c.lng)) errors.push(`${c.code} ${c.name}: ${c.lat}, ${c.lng} lies inside ${code} ${f.properties.name}`)
  }
}

// every point must lie in some polygon of its own province (catches a hand-entered
// point with swapped or mistyped digits that still lands inside China)
for (const c of located) {
  if (OUTSIDE_PROVINCE_POLYGONS_OK.has(c.code)) continue
  const own = provinceFeatures.get(c.provinceCode) ?? []
  if (!own.some((f) => inFeature(f, c.lat, c.lng))) {
    errors.push(`${c.code} ${c.name}: ${c.lat}, ${c.lng} is not inside ${c.provinceName} (no polygon of the province contains it)`)
  }
}

// citizens in a main district must get their city
for (const p of CHECK_POINTS) {
  const hit = nearestCity(located, p.lat, p.lng)
  if (hit?.city.code !== p.code) {
    const expected = located.find((c) => c.code === p.code)
    errors.push(
      `check point ${p.label} (${p.lat}, ${p.lng}) is nearest to ${hit?.city.code} ${hit?.city.name} ` +
        `(${hit?.distanceKm.toFixed(1)} km), expected ${p.code} ${expected?.name} ` +
        `(${expected ? distanceKm(p.lat, p.lng, expected.lat, expected.lng).toFixed(1) : '?'} km)`,
    )
  }
}

// geo features nobody used (dissolved cities such as 巢湖, 莱芜; counties of 海南 etc.)
const unused = [...provinceFeatures.values()]
  .flat()
  .filter((f) => !usedFeatures.has(f) && f.id!.length === 4 && !MUNICIPALITIES.has(f.id!.slice(0, 2)))
  .filter((f) => !EXCLUDED_PROVINCES.has(f.id!.slice(0, 2)))

// Informational: how much of each city's (2010-era) territory is nearer to its
// own point than to any other city's. Centre points approximate boundaries;
// a low share means citizens in part of the city will be offered a neighbour.
const GRID = 0.1
const coverage: Array<{ city: City; share: number }> = []
{
  const territory = new Map<string, GeoFeature[]>()
  for (const c of located) {
    if (c.kind === 'municipality') territory.set(c.code, provinceFeatures.get(c.provinceCode) ?? [])
    else if (features.has(c.code)) territory.set(c.code, [features.get(c.code)!])
  }
  for (const [code, fs] of territory) {
    let inside = 0
    let own = 0
    for (const f of fs) {
      const pts = polygonsOf(f).flatMap((p) => p[0])
      const lngs = pts.map((p) => p[0])
      const lats = pts.map((p) => p[1])
      for (let lat = Math.ceil(Math.min(...lats) / GRID) * GRID; lat <= Math.max(...lats); lat += GRID) {
        for (let lng = Math.ceil(Math.min(...lngs) / GRID) * GRID; lng <= Math.max(...lngs); lng += GRID) {
          if (!inFeature(f, lat, lng)) continue
          inside++
          if (nearestCity(located, lat, lng)?.city.code === code) own++
        }
      }
    }
    if (inside >= 20) coverage.push({ city: located.find((c) => c.code === code)!, share: own / inside })
  }
  coverage.sort((x, y) => x.share - y.share)
}
const lowCoverage = coverage.filter((x) => x.share < 0.5)

// ---------------------------------------------------------------------------
// Report and write
// ---------------------------------------------------------------------------

const section = (title: string, lines: string[]) => {
  if (!lines.length) return
  console.log(`\n${title} (${lines.length}):`)
  for (const l of lines) console.log(`  ${l}`)
}

section('Skipped placeholder / non-city rows', skipped)
section('Matched to a geo feature by name or old name (re-coded / renamed)', renamedMatches)
section('Unused prefecture features in china-geojson (dissolved or merged cities)', unused.map((f) => `${f.id} ${f.properties.name}`))
section('Pinyin from PINYIN_OVERRIDES', pinyinOverridden)
section('Coordinates from COORD_OVERRIDES (hand-entered)', coordOverridden)
section(
  'Info: cities with under half of their territory nearer to their own point than to a neighbour',
  lowCoverage.map((x) => `${x.city.code} ${x.city.name}: ${Math.round(x.share * 100)}%`),
)
section('WARNINGS', warnings)

if (errors.length) {
  section('ERRORS', errors)
  console.error(`\n${errors.length} error(s); ${OUT} not written.`)
  process.exit(1)
}

mkdirSync(dirname(OUT), { recursive: true })
writeFileSync(OUT, `[\n${cities.map((c) => `  ${JSON.stringify(c)}`).join(',\n')}\n]\n`)

const byKind = (k: City['kind']) => cities.filter((c) => c.kind === k).length
console.log(`\nWrote ${OUT}`)
console.log(
  `  municipality ${byKind('municipality')}, prefecture ${byKind('prefecture')}, county ${byKind('county')}, ` +
    `total ${cities.length}`,
)
console.log(
  `  overrides: pinyin ${pinyinOverridden.length}, coordinates ${coordOverridden.length} ` +
    `(${Object.values(COORD_OVERRIDES).filter((o) => o.reason === 'missing').length} missing from the package, ` +
    `${Object.values(COORD_OVERRIDES).filter((o) => o.reason === 'seat').length} package centre replaced by the government seat)`,
)
console.log(
  `  territory nearer to its own point: median ${Math.round(median(coverage.map((x) => x.share)) * 100)}% over ` +
    `${coverage.length} cities, ${lowCoverage.length} under 50%`,
)
if (warnings.length) console.log(`  ${warnings.length} warning(s), see above`)
