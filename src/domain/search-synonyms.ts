/**
 * The words citizens type for a need, and the words the catalog names it by
 * (01-product.md, 搜索): a query containing one of `words` (or a word the
 * query starts, from two characters: 燃气 → 燃气费) also looks for services
 * whose name, an item or domain label contains one of `terms`. Kept small and
 * hand-made: only everyday words a tile's own text does not already contain.
 */
export interface SearchSynonym {
  words: readonly string[]
  terms: readonly string[]
}

export const SEARCH_SYNONYMS: readonly SearchSynonym[] = [
  { words: ['违章', '违停', '罚单', '罚款', '扣分', '闯红灯', '超速'], terms: ['交通违法', '违法'] },
  { words: ['驾照', '驾驶本', '换驾照'], terms: ['驾驶证'] },
  { words: ['年检', '年审', '车检', '验车'], terms: ['机动车检验', '车管'] },
  { words: ['车牌', '选车牌'], terms: ['选号'] },
  { words: ['交通事故', '撞车', '剐蹭', '追尾'], terms: ['事故'] },
  { words: ['挂号', '看病', '看医生', '就医', '医院', '门诊'], terms: ['预约挂号', '挂号', '门诊'] },
  // Each kind on its own: 电费 should not list a water company's tile.
  { words: ['水费', '自来水', '交水费'], terms: ['生活缴费', '水费'] },
  { words: ['电费', '交电费', '电表'], terms: ['生活缴费', '电费'] },
  { words: ['燃气费', '煤气费', '燃气', '煤气', '天然气'], terms: ['生活缴费', '燃气'] },
  { words: ['社保卡', '社会保险', '养老金', '养老保险', '医保', '医保卡', '五险'], terms: ['社保', '医保'] },
  { words: ['住房公积金', '公积金贷款', '房贷', '提取公积金'], terms: ['公积金'] },
  { words: ['护照', '港澳通行证', '通行证', '签注', '出国'], terms: ['出入境', '通行证'] },
  { words: ['个税', '退税', '纳税', '交税', '汇算'], terms: ['个人所得税', '纳税', '税务'] },
  { words: ['公交车', '地铁', '坐车', '乘车'], terms: ['公交', '乘车码'] },
  { words: ['停车费', '停车场', '路边停车'], terms: ['停车'] },
  { words: ['户口', '落户', '身份证', '居住证'], terms: ['户政', '户籍', '居住证'] },
  { words: ['上学', '小学', '初中', '学位'], terms: ['入学'] },
  { words: ['律师', '打官司', '法律援助'], terms: ['法律'] },
  { words: ['借书', '还书'], terms: ['图书'] },
  { words: ['雾霾', '空气', '污染'], terms: ['空气质量'] },
  { words: ['下雨', '台风', '预报'], terms: ['天气', '气象'] },
]
