/**
 * The full pinyin (no tones, ü as v, no spaces) of every everyday word in
 * search-synonyms.ts, so `weizhang` finds what 违章 finds without a pinyin
 * dictionary on the phone. Hand-kept; tests/unit/domain/search-synonym-pinyin.test.ts
 * checks it against pinyin-pro (还书 is huán shū, which pinyin-pro reads hái).
 */
export const SYNONYM_PINYIN: Readonly<Record<string, string>> = {
  违章: 'weizhang', 违停: 'weiting', 罚单: 'fadan', 罚款: 'fakuan', 扣分: 'koufen', 闯红灯: 'chuanghongdeng', 超速: 'chaosu',
  驾照: 'jiazhao', 驾驶本: 'jiashiben', 换驾照: 'huanjiazhao',
  年检: 'nianjian', 年审: 'nianshen', 车检: 'chejian', 验车: 'yanche',
  车牌: 'chepai', 选车牌: 'xuanchepai',
  交通事故: 'jiaotongshigu', 撞车: 'zhuangche', 剐蹭: 'guaceng', 追尾: 'zhuiwei',
  挂号: 'guahao', 看病: 'kanbing', 看医生: 'kanyisheng', 就医: 'jiuyi', 医院: 'yiyuan', 门诊: 'menzhen',
  水费: 'shuifei', 自来水: 'zilaishui', 交水费: 'jiaoshuifei',
  电费: 'dianfei', 交电费: 'jiaodianfei', 电表: 'dianbiao',
  燃气费: 'ranqifei', 煤气费: 'meiqifei', 燃气: 'ranqi', 煤气: 'meiqi', 天然气: 'tianranqi',
  社保卡: 'shebaoka', 社会保险: 'shehuibaoxian', 养老金: 'yanglaojin', 养老保险: 'yanglaobaoxian', 医保: 'yibao', 医保卡: 'yibaoka', 五险: 'wuxian',
  住房公积金: 'zhufanggongjijin', 公积金贷款: 'gongjijindaikuan', 房贷: 'fangdai', 提取公积金: 'tiqugongjijin',
  护照: 'huzhao', 港澳通行证: 'gangaotongxingzheng', 通行证: 'tongxingzheng', 签注: 'qianzhu', 出国: 'chuguo',
  个税: 'geshui', 退税: 'tuishui', 纳税: 'nashui', 交税: 'jiaoshui', 汇算: 'huisuan',
  公交车: 'gongjiaoche', 地铁: 'ditie', 坐车: 'zuoche', 乘车: 'chengche',
  停车费: 'tingchefei', 停车场: 'tingchechang', 路边停车: 'lubiantingche',
  户口: 'hukou', 落户: 'luohu', 身份证: 'shenfenzheng', 居住证: 'juzhuzheng',
  上学: 'shangxue', 小学: 'xiaoxue', 初中: 'chuzhong', 学位: 'xuewei',
  律师: 'lvshi', 打官司: 'daguansi', 法律援助: 'falvyuanzhu',
  借书: 'jieshu', 还书: 'huanshu',
  雾霾: 'wumai', 空气: 'kongqi', 污染: 'wuran',
  下雨: 'xiayu', 台风: 'taifeng', 预报: 'yubao',
}
