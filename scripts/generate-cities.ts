/**
 * Generates server/reference/cities.json: every city a citizen can pick, as `City`
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
 * Coordinates: the package's centre point, matched by code or (for re-coded
 * and renamed cities) by name; COORD_OVERRIDES for cities the package lacks;
 * SEAT_OVERRIDES where the package centre is so far from the city itself that
 * a citizen at the city government would be located in a neighbouring city.
 *
 * The script exits non-zero (and writes nothing) when a city ends up without a
 * coordinate, a coordinate is outside China's bounding box or outside every
 * polygon of its province, a package point lies in another city's polygon, a
 * seat in SEATS_TABLE lies outside its city's polygon, or an acceptance point
 * or seat is not nearest to its own city; so a data update cannot silently
 * lose a city or mislocate one. It prints everything that came from a table.
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
const OUT = join(ROOT, 'server/reference/cities.json')
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
 * Coordinates for cities china-geojson (2010-era data) has no feature for.
 * HAND-ENTERED: city government seats, degrees rounded to 2 decimals, taken
 * from the cities' encyclopedia entries. Each must still lie inside a polygon
 * of its province (三沙 excepted, see OUTSIDE_PROVINCE_POLYGONS_OK).
 */
const COORD_OVERRIDES: Record<string, { lat: number; lng: number; note: string }> = {
  '419001': { lat: 35.07, lng: 112.6, note: '济源: package only has 河南 prefectures' },
  '460300': { lat: 16.83, lng: 112.34, note: '三沙: 永兴岛 (created 2012)' },
  '659005': { lat: 47.36, lng: 87.82, note: '北屯 (2011)' },
  '659006': { lat: 41.8, lng: 85.7, note: '铁门关 (2012)' },
  '659007': { lat: 44.84, lng: 82.35, note: '双河 (2014)' },
  '659008': { lat: 43.93, lng: 81.09, note: '可克达拉 (2015)' },
  '659009': { lat: 37.22, lng: 79.28, note: '昆玉 (2016)' },
  '659010': { lat: 44.69, lng: 84.83, note: '胡杨河 (2019)' },
  '659011': { lat: 42.8, lng: 93.7, note: '新星 (2021), 黄田农场 east of 哈密' },
  '659012': { lat: 46.72, lng: 82.9, note: '白杨 (2023), near 塔城' },
}

/**
 * Cities whose package centre point is replaced by their seat from SEATS_TABLE
 * (the coordinates are there). The package's `cp` is a label point in the
 * middle of the city's whole territory, which for a large prefecture can be
 * 100-400 km from the city itself; then the seat check fails: a citizen at the
 * city government would be offered a neighbouring city. Each entry records the
 * failure that put it here ("centre N km from the seat: A fell to B").
 * Some entries are second-round: once a neighbour moved to its seat, the
 * neighbour's territory centre no longer won its own seat (镇江, 鄂州, 湘潭,
 * 西安, 乌鲁木齐, 克孜勒苏, 黄石).
 */
const SEAT_OVERRIDES: Record<string, string> = {
  '131000': 'centre 56 km from the seat: 廊坊 fell to 北京',
  '140200': 'centre 52 km from the seat: 大同 fell to 朔州',
  '140600': 'centre 69 km from the seat: 朔州 fell to 忻州',
  '152900': 'centre 347 km from the seat: 阿拉善 fell to 石嘴山',
  '210300': 'centre 56 km from the seat: 鞍山 fell to 辽阳',
  '220600': 'centre 68 km from the seat: 白山 fell to 通化',
  '230100': 'centre 122 km from the seat: 哈尔滨 fell to 绥化',
  '230300': 'centre 150 km from the seat: 鸡西 fell to 七台河',
  '230500': 'centre 186 km from the seat: 双鸭山 fell to 七台河',
  '230800': 'centre 220 km from the seat: 佳木斯 fell to 鹤岗',
  '320400': 'centre 56 km from the seat: 常州 fell to 无锡',
  '321000': 'centre 48 km from the seat: 扬州 fell to 镇江',
  '321100': 'centre 25 km from the seat: 镇江 fell to 扬州',
  '330100': 'centre ~75 km from the seat (in 淳安/建德): 杭州 fell to 湖州',
  '340200': 'centre 30 km from the seat: 芜湖 fell to 马鞍山',
  '341300': 'centre 52 km from the seat: 宿州 fell to 淮北',
  '341600': 'centre 56 km from the seat: 亳州 fell to 商丘',
  '360900': 'centre 82 km from the seat: 宜春 fell to 新余',
  '370600': 'centre 63 km from the seat: 烟台 fell to 威海',
  '411200': 'centre 60 km from the seat: 三门峡 fell to 运城',
  '411500': 'centre 71 km from the seat: 信阳 fell to 随州',
  '420200': 'centre 31 km from the seat: 黄石 fell to 鄂州',
  '420700': 'centre 16 km from the seat: 鄂州 fell to 黄冈',
  '421000': 'centre 107 km from the seat: 荆州 fell to 潜江',
  '421100': 'centre 45 km from the seat: 黄冈 fell to 鄂州',
  '430200': 'centre 97 km from the seat: 株洲 fell to 长沙',
  '430300': 'centre 42 km from the seat: 湘潭 fell to 株洲',
  '430500': 'centre 70 km from the seat: 邵阳 fell to 娄底',
  '440300': 'centre 49 km from the seat (in 大鹏): 深圳 (福田) fell to 东莞',
  '440700': 'centre 66 km from the seat: 江门 fell to 中山',
  '441200': 'centre 68 km from the seat: 肇庆 fell to 佛山',
  '441800': 'centre 74 km from the seat: 清远 fell to 佛山',
  '450200': 'centre 72 km from the seat: 柳州 fell to 来宾',
  '500100': 'china.json centre (near 丰都) 125 km from the seat: 重庆 (渝中) fell to 广安',
  '510700': 'centre 45 km from the seat: 绵阳 fell to 德阳',
  '513300': 'centre 226 km from the seat: 甘孜 fell to 雅安',
  '540200': 'centre 257 km from the seat: 日喀则 fell to 拉萨',
  '540600': 'centre 415 km from the seat: 那曲 fell to 拉萨',
  '610100': 'centre 23 km from the seat: 西安 fell to 咸阳',
  '610400': 'centre 66 km from the seat: 咸阳 fell to 西安',
  '610500': 'centre 64 km from the seat: 渭南 fell to 西安',
  '620400': 'centre 64 km from the seat: 白银 fell to 兰州',
  '620900': 'centre 206 km from the seat: 酒泉 fell to 嘉峪关',
  '632200': 'centre 116 km from the seat: 海北 fell to 西宁',
  '632700': 'centre 334 km from the seat: 玉树 fell to 果洛',
  '640300': 'centre 89 km from the seat: 吴忠 fell to 银川',
  '650100': 'centre 36 km from the seat: 乌鲁木齐 fell to 昌吉',
  '650500': 'centre 23 km from the seat: 哈密 fell to 新星',
  '652300': 'centre 195 km from the seat: 昌吉 fell to 五家渠',
  '652700': 'centre 28 km from the seat: 博尔塔拉 fell to 双河',
  '652800': 'centre 294 km from the seat: 巴音郭楞 fell to 铁门关',
  '652900': 'centre 228 km from the seat: 阿克苏 fell to 阿拉尔',
  '653000': 'centre 134 km from the seat: 克孜勒苏 fell to 喀什',
  '653100': 'centre 207 km from the seat: 喀什 fell to 克孜勒苏',
  '653200': 'centre 112 km from the seat: 和田 fell to 昆玉',
  '654000': 'centre 107 km from the seat: 伊犁 fell to 可克达拉',
  '654200': 'centre 298 km from the seat: 塔城 fell to 白杨',
  '654300': 'centre 84 km from the seat: 阿勒泰 fell to 北屯',
}

/** Old names in china-geojson -> current names (after the short-name normalisation). */
const RENAMED: Record<string, string> = {
  襄樊: '襄阳', // 2010
  思茅: '普洱', // 2007
}

/** Product acceptance points: a citizen standing here must be located in this city. */
const ACCEPTANCE_POINTS: Array<{ lat: number; lng: number; code: string; label: string }> = [
  { lat: 22.54, lng: 114.06, code: '440300', label: '深圳 福田' },
  { lat: 31.23, lng: 121.47, code: '310100', label: '上海 人民广场' },
  { lat: 39.9, lng: 116.4, code: '110100', label: '北京 天安门' },
  { lat: 30.57, lng: 104.07, code: '510100', label: '成都 天府广场' },
  { lat: 31.13, lng: 104.4, code: '510600', label: '德阳' },
]

/**
 * Seat check points: the government seat (or main district) of every city,
 * "code lat lng label". HAND-ENTERED, degrees rounded to 2 decimals. They are
 * not used as coordinates (except for SEAT_OVERRIDES); they check that a
 * citizen standing at the city's seat is located in that city. Each point is
 * itself checked against the package's polygon of its city, which catches
 * typos here. Cities in COORD_OVERRIDES need no entry (their coordinate is
 * their seat already).
 */
const SEATS_TABLE = `
110100 39.90 116.40 北京 天安门
120100 39.12 117.20 天津 和平
130100 38.04 114.51 石家庄
130200 39.63 118.18 唐山
130300 39.94 119.60 秦皇岛
130400 36.63 114.54 邯郸
130500 37.07 114.50 邢台
130600 38.87 115.46 保定
130700 40.77 114.89 张家口
130800 40.95 117.96 承德
130900 38.30 116.84 沧州
131000 39.54 116.68 廊坊
131100 37.74 115.67 衡水
140100 37.87 112.55 太原
140200 40.08 113.30 大同
140300 37.86 113.58 阳泉
140400 36.20 113.12 长治
140500 35.49 112.85 晋城
140600 39.33 112.43 朔州
140700 37.69 112.75 晋中 榆次
140800 35.03 111.01 运城
140900 38.42 112.73 忻州
141000 36.09 111.52 临汾
141100 37.52 111.14 吕梁 离石
150100 40.84 111.75 呼和浩特
150200 40.66 109.84 包头
150300 39.66 106.79 乌海
150400 42.26 118.89 赤峰
150500 43.65 122.24 通辽
150600 39.61 109.78 鄂尔多斯 康巴什
150700 49.21 119.77 呼伦贝尔 海拉尔
150800 40.74 107.39 巴彦淖尔 临河
150900 41.00 113.13 乌兰察布 集宁
152200 46.08 122.04 兴安盟 乌兰浩特
152500 43.93 116.05 锡林郭勒 锡林浩特
152900 38.85 105.73 阿拉善 巴彦浩特
210100 41.80 123.43 沈阳
210200 38.91 121.61 大连
210300 41.11 122.99 鞍山
210400 41.88 123.96 抚顺
210500 41.29 123.77 本溪
210600 40.00 124.35 丹东
210700 41.10 121.13 锦州
210800 40.67 122.24 营口
210900 42.02 121.67 阜新
211000 41.27 123.24 辽阳
211100 41.12 122.07 盘锦
211200 42.29 123.84 铁岭
211300 41.57 120.45 朝阳
211400 40.71 120.84 葫芦岛
220100 43.82 125.32 长春
220200 43.84 126.55 吉林
220300 43.17 124.35 四平
220400 42.89 125.14 辽源
220500 41.73 125.94 通化
220600 41.94 126.42 白山
220700 45.14 124.83 松原
220800 45.62 122.84 白城
222400 42.89 129.51 延边 延吉
230100 45.80 126.53 哈尔滨 松北
230200 47.35 123.92 齐齐哈尔
230300 45.30 130.97 鸡西
230400 47.35 130.30 鹤岗
230500 46.65 131.16 双鸭山
230600 46.59 125.10 大庆
230700 47.73 128.84 伊春
230800 46.80 130.32 佳木斯
230900 45.77 131.00 七台河
231000 44.55 129.63 牡丹江
231100 50.25 127.53 黑河
231200 46.65 126.97 绥化
232700 50.42 124.13 大兴安岭 加格达奇
310100 31.23 121.47 上海 人民广场
320100 32.06 118.80 南京
320200 31.49 120.31 无锡
320300 34.26 117.18 徐州
320400 31.81 119.97 常州
320500 31.30 120.59 苏州
320600 31.98 120.89 南通
320700 34.60 119.22 连云港
320800 33.61 119.02 淮安
320900 33.35 120.16 盐城
321000 32.39 119.41 扬州
321100 32.19 119.42 镇江
321200 32.46 119.92 泰州
321300 33.96 118.28 宿迁
330100 30.25 120.21 杭州 市民中心
330200 29.87 121.55 宁波
330300 28.00 120.70 温州
330400 30.75 120.76 嘉兴
330500 30.89 120.09 湖州
330600 30.00 120.58 绍兴
330700 29.08 119.65 金华
330800 28.97 118.87 衢州
330900 30.00 122.20 舟山 定海
331000 28.66 121.42 台州 椒江
331100 28.47 119.92 丽水
340100 31.82 117.23 合肥
340200 31.35 118.43 芜湖
340300 32.92 117.39 蚌埠
340400 32.63 117.00 淮南
340500 31.67 118.51 马鞍山
340600 33.96 116.80 淮北
340700 30.94 117.81 铜陵
340800 30.54 117.06 安庆
341000 29.71 118.34 黄山 屯溪
341100 32.30 118.32 滁州
341200 32.89 115.81 阜阳
341300 33.64 116.96 宿州
341500 31.74 116.52 六安
341600 33.84 115.78 亳州
341700 30.66 117.49 池州
341800 30.94 118.76 宣城
350100 26.07 119.30 福州
350200 24.48 118.09 厦门
350300 25.45 119.01 莆田
350400 26.26 117.64 三明
350500 24.87 118.68 泉州
350600 24.51 117.65 漳州
350700 26.64 118.18 南平 延平
350800 25.08 117.02 龙岩
350900 26.67 119.55 宁德
360100 28.68 115.86 南昌
360200 29.27 117.18 景德镇
360300 27.62 113.85 萍乡
360400 29.71 116.00 九江
360500 27.82 114.92 新余
360600 28.26 117.07 鹰潭
360700 25.83 114.93 赣州
360800 27.11 114.99 吉安
360900 27.81 114.42 宜春
361000 27.95 116.36 抚州
361100 28.45 117.94 上饶
370100 36.65 117.12 济南
370200 36.07 120.38 青岛
370300 36.81 118.05 淄博
370400 34.81 117.32 枣庄
370500 37.43 118.67 东营
370600 37.46 121.45 烟台
370700 36.71 119.16 潍坊
370800 35.41 116.59 济宁
370900 36.20 117.09 泰安
371000 37.51 122.12 威海
371100 35.42 119.53 日照
371300 35.10 118.36 临沂
371400 37.43 116.36 德州
371500 36.46 115.99 聊城
371600 37.38 117.97 滨州
371700 35.23 115.48 菏泽
410100 34.75 113.63 郑州
410200 34.80 114.31 开封
410300 34.62 112.45 洛阳
410400 33.77 113.19 平顶山
410500 36.10 114.39 安阳
410600 35.75 114.30 鹤壁
410700 35.30 113.93 新乡
410800 35.22 113.24 焦作
410900 35.76 115.03 濮阳
411000 34.04 113.85 许昌
411100 33.58 114.02 漯河
411200 34.77 111.20 三门峡
411300 33.00 112.53 南阳
411400 34.41 115.66 商丘
411500 32.15 114.09 信阳
411600 33.63 114.70 周口
411700 33.01 114.02 驻马店
420100 30.59 114.31 武汉
420200 30.20 115.04 黄石
420300 32.63 110.80 十堰
420500 30.69 111.29 宜昌
420600 32.01 112.12 襄阳
420700 30.39 114.89 鄂州
420800 31.04 112.20 荆门
420900 30.92 113.92 孝感
421000 30.33 112.24 荆州
421100 30.45 114.87 黄冈
421200 29.84 114.32 咸宁
421300 31.69 113.38 随州
422800 30.27 109.49 恩施
429004 30.36 113.45 仙桃
429005 30.40 112.90 潜江
429006 30.66 113.17 天门
430100 28.23 112.94 长沙
430200 27.83 113.13 株洲
430300 27.83 112.94 湘潭
430400 26.89 112.57 衡阳
430500 27.24 111.47 邵阳
430600 29.36 113.13 岳阳
430700 29.03 111.70 常德
430800 29.12 110.48 张家界
430900 28.55 112.36 益阳
431000 25.77 113.01 郴州
431100 26.42 111.61 永州
431200 27.55 109.98 怀化
431300 27.70 112.00 娄底
433100 28.31 109.74 湘西 吉首
440100 23.13 113.26 广州
440200 24.81 113.60 韶关
440300 22.54 114.06 深圳 福田
440400 22.27 113.58 珠海
440500 23.35 116.68 汕头
440600 23.02 113.12 佛山
440700 22.58 113.08 江门
440800 21.27 110.36 湛江
440900 21.66 110.93 茂名
441200 23.05 112.47 肇庆
441300 23.11 114.42 惠州
441400 24.29 116.12 梅州
441500 22.79 115.38 汕尾
441600 23.74 114.70 河源
441700 21.86 111.98 阳江
441800 23.68 113.06 清远
441900 23.02 113.75 东莞
442000 22.52 113.39 中山
445100 23.66 116.62 潮州
445200 23.55 116.37 揭阳
445300 22.92 112.04 云浮
450100 22.82 108.37 南宁
450200 24.33 109.42 柳州
450300 25.27 110.29 桂林
450400 23.48 111.28 梧州
450500 21.48 109.12 北海
450600 21.69 108.35 防城港
450700 21.98 108.65 钦州
450800 23.11 109.60 贵港
450900 22.65 110.18 玉林
451000 23.90 106.62 百色
451100 24.40 111.57 贺州
451200 24.69 108.09 河池 金城江
451300 23.75 109.22 来宾
451400 22.38 107.36 崇左
460100 20.04 110.34 海口
460200 18.25 109.51 三亚
460400 19.52 109.58 儋州 那大
469001 18.78 109.52 五指山
469002 19.25 110.47 琼海
469005 19.54 110.80 文昌
469006 18.80 110.39 万宁
469007 19.10 108.65 东方
500100 29.56 106.55 重庆 渝中
510100 30.57 104.07 成都 天府广场
510300 29.34 104.78 自贡
510400 26.58 101.72 攀枝花
510500 28.87 105.44 泸州
510600 31.13 104.40 德阳
510700 31.47 104.68 绵阳
510800 32.44 105.84 广元
510900 30.53 105.59 遂宁
511000 29.58 105.06 内江
511100 29.55 103.77 乐山
511300 30.84 106.11 南充
511400 30.08 103.85 眉山
511500 28.75 104.64 宜宾
511600 30.46 106.63 广安
511700 31.21 107.47 达州
511800 29.98 103.01 雅安
511900 31.87 106.75 巴中
512000 30.13 104.63 资阳
513200 31.90 102.22 阿坝 马尔康
513300 30.05 101.96 甘孜 康定
513400 27.88 102.27 凉山 西昌
520100 26.65 106.63 贵阳
520200 26.59 104.83 六盘水
520300 27.73 106.93 遵义
520400 26.25 105.95 安顺
520500 27.30 105.29 毕节
520600 27.72 109.19 铜仁
522300 25.09 104.90 黔西南 兴义
522600 26.58 107.98 黔东南 凯里
522700 26.26 107.52 黔南 都匀
530100 25.04 102.71 昆明
530300 25.49 103.80 曲靖
530400 24.35 102.54 玉溪
530500 25.11 99.16 保山
530600 27.34 103.72 昭通
530700 26.86 100.23 丽江
530800 22.79 100.97 普洱
530900 23.88 100.09 临沧
532300 25.03 101.55 楚雄
532500 23.36 103.38 红河 蒙自
532600 23.37 104.24 文山
532800 22.01 100.80 西双版纳 景洪
532900 25.61 100.27 大理
533100 24.43 98.58 德宏 芒市
533300 25.82 98.86 怒江 泸水
533400 27.83 99.71 迪庆 香格里拉
540100 29.65 91.13 拉萨
540200 29.27 88.88 日喀则
540300 31.14 97.17 昌都
540400 29.65 94.36 林芝
540500 29.24 91.77 山南 泽当
540600 31.48 92.05 那曲
542500 32.50 80.11 阿里 狮泉河
610100 34.34 108.94 西安
610200 34.90 108.95 铜川
610300 34.36 107.24 宝鸡
610400 34.33 108.71 咸阳
610500 34.50 109.51 渭南
610600 36.59 109.49 延安
610700 33.07 107.02 汉中
610800 38.29 109.73 榆林
610900 32.68 109.03 安康
611000 33.87 109.94 商洛
620100 36.06 103.83 兰州
620200 39.77 98.29 嘉峪关
620300 38.52 102.19 金昌
620400 36.54 104.14 白银
620500 34.58 105.72 天水
620600 37.93 102.64 武威
620700 38.93 100.45 张掖
620800 35.54 106.66 平凉
620900 39.73 98.49 酒泉
621000 35.71 107.64 庆阳 西峰
621100 35.58 104.63 定西
621200 33.40 104.92 陇南 武都
622900 35.60 103.21 临夏
623000 34.98 102.91 甘南 合作
630100 36.62 101.78 西宁
630200 36.50 102.10 海东 平安
632200 36.96 100.90 海北 西海
632300 35.52 102.02 黄南 同仁
632500 36.29 100.62 海南州 共和
632600 34.47 100.24 果洛 玛沁
632700 33.00 97.01 玉树 结古
632800 37.37 97.37 海西 德令哈
640100 38.49 106.23 银川
640200 39.02 106.38 石嘴山 大武口
640300 37.99 106.20 吴忠
640400 36.02 106.24 固原
640500 37.50 105.19 中卫
650100 43.83 87.62 乌鲁木齐
650200 45.58 84.89 克拉玛依
650400 42.95 89.19 吐鲁番
650500 42.83 93.52 哈密
652300 44.01 87.31 昌吉
652700 44.90 82.07 博尔塔拉 博乐
652800 41.76 86.15 巴音郭楞 库尔勒
652900 41.17 80.26 阿克苏
653000 39.71 76.17 克孜勒苏 阿图什
653100 39.47 75.99 喀什
653200 37.11 79.92 和田
654000 43.92 81.32 伊犁 伊宁
654200 46.75 82.98 塔城
654300 47.84 88.14 阿勒泰
659001 44.31 86.08 石河子
659002 40.55 81.28 阿拉尔
659003 39.87 79.07 图木舒克
659004 44.17 87.54 五家渠
`

/**
 * Seats that lie outside their city's polygon in china-geojson for a known
 * reason (simplified borders, seats outside the territory they administer).
 */
const SEAT_OUTSIDE_POLYGON_OK: Record<string, string> = {
  '231100': '黑河 lies on the 黑龙江 (Amur) bank; the simplified border polygon misses it by ~5 km',
  '232700': '加格达奇 is administered by 大兴安岭 but lies inside 内蒙古 (鄂伦春旗), so in 呼伦贝尔\'s polygon',
}

const SEATS = new Map(
  SEATS_TABLE.trim()
    .split('\n')
    .map((line) => {
      const [code = "", lat, lng, ...label] = line.trim().split(/\s+/)
      return [code, { code, lat: Number(lat), lng: Number(lng), label: label.join(' ') }] as const
    }),
)

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
/** Cities reviewed and legitimately far from their province's median. */
const FAR_FROM_PROVINCE_OK: Record<string, string> = {
  '610800': '榆林 is at the northern tip of 陕西, the other cities cluster around 西安',
  '632800': '海西 covers western 青海 (柴达木); the package centre is mid-territory, the others cluster around 西宁',
}
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
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function inFeature(f: GeoFeature, lat: number, lng: number): boolean {
  return polygonsOf(f).some(([outer, ...holes]) => inRing(outer!, lng, lat) && !holes.some((h) => inRing(h, lng, lat)))
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
    const f = byName[0]!
    return { ...centreOf(f)!, source: `name ${f.id} ${f.properties.name}`, feature: f }
  }
  if (byName.length > 1) errors.push(`${row.code} ${row.fullName}: several geo features named ${short}`)
  return undefined
}

const cities: City[] = []
const features = new Map<string, GeoFeature>()
const pinyinOverridden: string[] = []
const coordOverridden: string[] = []
const seatOverridden: string[] = []
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
  const seatOverride = SEAT_OVERRIDES[row.code]
  let lat = located?.lat
  let lng = located?.lng
  const from = located ? ` instead of ${round2(located.lat)}, ${round2(located.lng)} from ${located.source}` : ''
  if (override) {
    if (located) warnings.push(`${row.code} ${name}: in COORD_OVERRIDES but the package has ${located.source}; drop it?`)
    coordOverridden.push(`${row.code} ${name}: ${override.lat}, ${override.lng} (missing from the package: ${override.note})${from}`)
    lat = override.lat
    lng = override.lng
  } else if (seatOverride) {
    const seat = SEATS.get(row.code)
    if (!seat) errors.push(`${row.code} ${name}: in SEAT_OVERRIDES but has no entry in SEATS_TABLE`)
    else {
      seatOverridden.push(`${row.code} ${name}: ${seat.lat}, ${seat.lng} (seat, ${seat.label}; ${seatOverride})${from}`)
      lat = seat.lat
      lng = seat.lng
    }
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
    provinceName: provinces[`${prov}0000`]!,
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

for (const code of [...Object.keys(COORD_OVERRIDES), ...Object.keys(SEAT_OVERRIDES), ...SEATS.keys()]) {
  if (!seenCodes.has(code)) warnings.push(`${code} is in an override or seat table but is not a city any more; drop it`)
}
for (const c of cities) {
  if (!SEATS.has(c.code) && !COORD_OVERRIDES[c.code]) warnings.push(`${c.code} ${c.name}: no seat check point in SEATS_TABLE; add one`)
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
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
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
  if (d > SPREAD_FACTOR * spread && !FAR_FROM_PROVINCE_OK[c.code]) {
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

// seat check points must lie in their own city's polygon (validates SEATS_TABLE)
for (const seat of SEATS.values()) {
  const c = cities.find((x) => x.code === seat.code)
  if (!c || SEAT_OUTSIDE_POLYGON_OK[seat.code]) continue
  const polygons = c.kind === 'municipality' ? (provinceFeatures.get(c.provinceCode) ?? []) : [features.get(c.code)].filter((f) => f !== undefined)
  const container = polygons.length ? polygons : (provinceFeatures.get(c.provinceCode) ?? [])
  if (!container.some((f) => inFeature(f, seat.lat, seat.lng))) {
    errors.push(`SEATS_TABLE ${seat.code} ${seat.label} (${seat.lat}, ${seat.lng}) is outside ${c.name}'s polygon: typo?`)
  }
}

// citizens at a city's seat (and at the acceptance points) must get that city
const checkPoints = [...ACCEPTANCE_POINTS, ...SEATS.values()]
for (const p of checkPoints) {
  const hit = nearestCity(located, p.lat, p.lng)
  if (hit?.city.code !== p.code) {
    const expected = located.find((c) => c.code === p.code)
    errors.push(
      `${p.label} (${p.lat}, ${p.lng}) is nearest to ${hit?.city.code} ${hit?.city.name} ` +
        `(${hit?.distanceKm.toFixed(1)} km), expected ${p.code} ${expected?.name} ` +
        `(${expected ? distanceKm(p.lat, p.lng, expected.lat, expected.lng).toFixed(1) : '?'} km): add ${p.code} to SEAT_OVERRIDES`,
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
      const lngs = pts.map((p) => p![0])
      const lats = pts.map((p) => p![1])
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
section('Coordinates from COORD_OVERRIDES (hand-entered, city missing from the package)', coordOverridden)
section('Coordinates from SEAT_OVERRIDES (hand-entered seat replaces the package centre)', seatOverridden)
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
  `  overrides: pinyin ${pinyinOverridden.length}, coordinates ${coordOverridden.length + seatOverridden.length} ` +
    `(${coordOverridden.length} missing from the package, ${seatOverridden.length} package centre replaced by the seat); ` +
    `${checkPoints.length} check points pass`,
)
console.log(
  `  territory nearer to its own point: median ${Math.round(median(coverage.map((x) => x.share)) * 100)}% over ` +
    `${coverage.length} cities, ${lowCoverage.length} under 50%`,
)
if (warnings.length) console.log(`  ${warnings.length} warning(s), see above`)
