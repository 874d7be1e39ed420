import { describe, expect, it } from 'vitest'
import { addSearchKeys, pinyinKey } from '../../../server/modules/catalog/search-keys'
import { searchCatalog } from '../../../src/domain/search-services'
import { SYNONYM_PINYIN } from '../../../src/domain/search-synonym-pinyin'
import { SEARCH_SYNONYMS } from '../../../src/domain/search-synonyms'
import { SHENZHEN_CATALOG } from '../../fixtures/shenzhen-catalog'

/** Words pinyin-pro reads with the wrong sound in this sense (还 as hái in 还书). */
const MISREAD: Readonly<Record<string, string>> = { 还书: 'huanshu' }

const SHENZHEN = addSearchKeys(SHENZHEN_CATALOG)
const ids = (query: string) => searchCatalog(SHENZHEN, query).map((h) => h.service.id)

describe('the pinyin of the everyday search words (src/domain/search-synonym-pinyin.ts)', () => {
  it('lists every everyday word once, with the pinyin pinyin-pro gives it (the server\'s keys), and nothing else', () => {
    const words = SEARCH_SYNONYMS.flatMap((s) => s.words)
    expect(Object.keys(SYNONYM_PINYIN).sort()).toEqual([...new Set(words)].sort())
    for (const word of words) expect(SYNONYM_PINYIN[word], word).toBe(MISREAD[word] ?? pinyinKey(word).pinyin.replace(/ /g, ''))
  })
})

describe('searchCatalog: an everyday word typed in pinyin finds what the Chinese word finds', () => {
  it.each([
    ['weizhang', '违章'],
    ['guahao', '挂号'],
    ['shuifei', '水费'],
    ['dianfei', '电费'],
    ['shebaoka', '社保卡'],
    ['chaweizhang', '查违章'],
    ['jiaoshuifei', '交水费'],
  ])('%s finds the services %s finds', (typed, chinese) => {
    expect(ids(chinese).length).toBeGreaterThan(0)
    expect([...ids(typed)].sort()).toEqual([...ids(chinese)].sort())
  })

  it('weizhang lists 交通违法 first, as 违章 does', () => {
    expect(searchCatalog(SHENZHEN, 'weizhang')[0]?.service.name).toBe('交通违法')
  })

  it('a word inside a longer one is not heard on its own: jiaoshuifei (交水费) lists no tax service for jiaoshui (交税)', () => {
    expect(ids('jiaoshuifei')).toEqual(ids('交水费'))
    expect(ids('jiaoshui')).toEqual(ids('交税'))
    expect(ids('jiaoshuifei')).not.toEqual(ids('交税'))
  })
})
