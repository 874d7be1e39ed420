import { describe, expect, it } from 'vitest'
import { CONTRACTS, type Contract, PATTERNS } from '../../../server/modules/onboarding/manifest-schema'
import { type ManifestProblem, formatPath, validateManifest } from '../../../server/modules/onboarding/validate-manifest'
import { type RawManifest, validManifest } from '../../fixtures/manifests'

/** The problems of a manifest (fails the test if it was accepted). */
function problemsOf(input: unknown): ManifestProblem[] {
  const result = validateManifest(input)
  if (result.ok) throw new Error('expected the manifest to be rejected')
  return result.problems
}
const pathsOf = (input: unknown) => problemsOf(input).map((p) => p.path)

/** A valid manifest of `contract` after `change`. */
function broken(change: (m: RawManifest) => void, contract: Contract = 'traffic@1'): RawManifest {
  const m = validManifest(contract)
  change(m)
  return m
}

function expectOk(m: RawManifest) {
  const result = validateManifest(m)
  expect(result.ok ? [] : result.problems).toEqual([])
}

describe('validateManifest: valid manifests', () => {
  it.each(CONTRACTS)('accepts a valid %s manifest and returns it', (contract) => {
    const m = validManifest(contract)
    const result = validateManifest(m)
    expect(result).toEqual({ ok: true, manifest: m })
  })

  it.each([
    ['province', { level: 'province', code: '51' }],
    ['national', { level: 'national' }],
  ])('accepts %s coverage', (_, coverage) => expectOk(broken((m) => (m.coverage = coverage))))

  it.each(['http://localhost:4010', 'http://127.0.0.1:8080/agency', 'http://[::1]:3000/api', 'https://10.0.0.8/api'])(
    'accepts the endpoint %s',
    (endpoint) => expectOk(broken((m) => (m.endpoint = endpoint))),
  )

  it('accepts a webview without fixtures and with empty fixtures', () => {
    expectOk(validManifest('webview'))
    expectOk(broken((m) => (m.fixtures = {}), 'webview'))
  })

  it('accepts no materials when every item is a query', () => {
    expectOk(broken((m) => ((m.items = [{ id: 'lookup', name: '违法查询', kind: 'query' }]), (m.docs.materials = []), (m.payments = { takesPayments: false }))))
  })

  it('accepts fee items without online payment (the review flags that, not the manifest)', () => {
    expectOk(broken((m) => (m.payments = { takesPayments: false, feeItems: ['pay-fine'] })))
  })

  it.each([
    [{ hotline: '12345' }],
    [{ hotline: '0838-1234567' }],
    [{ hotline: '400-800-1234' }],
    [{ hotline: '122' }],
    [{ online: 'https://kf.example.cn/chat?from=onecity' }],
  ])('accepts support %o', (support) => expectOk(broken((m) => (m.support = support))))

  it.each(['ETC办理', '12345热线', '德阳·旌阳', '公积金（德阳）'])('accepts the name %s', (name) => expectOk(broken((m) => (m.name = name))))

  it('accepts 30 items, and items without a key item in any domain', () => {
    expectOk(
      broken((m) => {
        m.items = Array.from({ length: 30 }, (_, i) => ({ id: `item-${i}`, name: `事项${i}`, kind: 'query' }))
        m.payments = { takesPayments: false }
      }),
    )
    expectOk(broken((m) => (m.domain = 'other'), 'webview'))
  })

  it.each([
    ['vehicle', '机动车选号'],
    ['housing-fund', '贷款查询与试算'],
    ['social-security', '医保余额查询'],
    ['medical', '就诊卡办理'],
    ['traffic', '事故快撤快赔'],
  ])('accepts a key item of its own industry: %s %s', (domain, keyItem) => {
    expectOk(broken((m) => ((m.domain = domain), (m.items[0].keyItem = keyItem)), 'webview'))
  })
})

describe('validateManifest: not an object', () => {
  it.each([[null], [[]], ['{}'], [42], [undefined], [true]])('rejects %o with one problem at the root', (input) => {
    expect(problemsOf(input)).toEqual([{ path: '', message: 'the manifest must be a JSON object / 服务清单必须是 JSON 对象' }])
  })
})

describe('validateManifest: required fields', () => {
  const required = [
    'id', 'name', 'summary', 'icon', 'domain', 'type', 'coverage', 'items', 'contract', 'docs', 'support', 'privacy',
    'payments', 'records', 'notify', 'feedback', 'elderFriendly', 'realNameRequired', 'adsFree',
  ]

  it('lists every missing field of an empty object at once (more than TypeBox buffers by default)', () => {
    const paths = pathsOf({})
    expect(paths).toEqual(expect.arrayContaining(required))
    expect(paths).toHaveLength(required.length)
  })

  it.each(required)('reports a missing %s at its path', (field) => {
    const problems = problemsOf(broken((m) => delete m[field]))
    expect(problems).toContainEqual({ path: field, message: 'is required / 必填' })
  })

  it.each([
    ['docs.fees', (m: RawManifest) => delete m.docs.fees],
    ['docs.materials', (m: RawManifest) => delete m.docs.materials],
    ['privacy.noticeUrl', (m: RawManifest) => delete m.privacy.noticeUrl],
    ['privacy.dataUsed', (m: RawManifest) => delete m.privacy.dataUsed],
    ['payments.takesPayments', (m: RawManifest) => delete m.payments.takesPayments],
    ['records.exposesProgress', (m: RawManifest) => delete m.records.exposesProgress],
    ['notify.subscribeMessage', (m: RawManifest) => delete m.notify.subscribeMessage],
    ['feedback.answersBadRatings', (m: RawManifest) => delete m.feedback.answersBadRatings],
    ['items[1].kind', (m: RawManifest) => delete m.items[1].kind],
    ['items[0].name', (m: RawManifest) => delete m.items[0].name],
    ['coverage.code', (m: RawManifest) => delete m.coverage.code],
    ['coverage.level', (m: RawManifest) => delete m.coverage.level],
  ])('reports a missing %s', (path, change) => {
    expect(pathsOf(broken(change))).toEqual([path])
  })
})

describe('validateManifest: field formats', () => {
  it.each(['A-b', '-ab', 'a', 'a_b', 'ab cd', 'a'.repeat(64), '服务'])('rejects the id %j', (id) => {
    expect(pathsOf(broken((m) => (m.id = id)))).toContain('id')
  })

  it.each(['Hello', '德', '德阳交警'.repeat(6), '德阳 交警', '德阳交警!'])('rejects the name %j', (name) => {
    expect(new Set(pathsOf(broken((m) => (m.name = name))))).toEqual(new Set(['name']))
  })

  it('limits the summary to 1–60 characters', () => {
    expectOk(broken((m) => (m.summary = '办'.repeat(60))))
    expect(pathsOf(broken((m) => (m.summary = '办'.repeat(61))))).toEqual(['summary'])
    expect(pathsOf(broken((m) => (m.summary = '')))).toEqual(['summary'])
  })

  it.each(['Icon', 'icon!', '', 'i'.repeat(33)])('rejects the icon %j', (icon) => {
    expect(pathsOf(broken((m) => (m.icon = icon)))).toEqual(['icon'])
  })

  it('names the allowed values of an enum', () => {
    expect(problemsOf(broken((m) => (m.items[1].kind = 'both')))).toEqual([
      { path: 'items[1].kind', message: 'must be one of query, transaction / 必须是 query 或 transaction' },
    ])
    expect(problemsOf(broken((m) => (m.type = 'fun')))).toEqual([
      { path: 'type', message: 'must be one of life, government, vehicle, travel / 必须是以下之一：life、government、vehicle、travel' },
    ])
  })

  it.each([
    ['domain', 'space'],
    ['contract', 'ftp@1'],
    ['contract', 'traffic'],
    ['contract', 'traffic@2'],
  ])('rejects %s %j', (field, value) => {
    expect(pathsOf(broken((m) => (m[field] = value)))).toContain(field)
  })

  it('rejects wrong types with the expected type in the message', () => {
    expect(problemsOf(broken((m) => (m.elderFriendly = 'yes')))).toEqual([
      { path: 'elderFriendly', message: 'must be true or false / 必须是 true 或 false' },
    ])
    expect(problemsOf(broken((m) => (m.items = 'violations')))).toEqual([{ path: 'items', message: 'must be an array / 必须是数组' }])
    expect(pathsOf(broken((m) => (m.docs = ['身份证'])))).toEqual(['docs'])
    expect(pathsOf(broken((m) => (m.summary = 42)))).toEqual(['summary'])
  })
})

describe('validateManifest: coverage', () => {
  it.each([
    ['a 5-digit city code', { level: 'city', code: '51060' }, ['coverage.code']],
    ['a numeric city code', { level: 'city', code: 510600 }, ['coverage.code']],
    ['a 3-digit province code', { level: 'province', code: '510' }, ['coverage.code']],
    ['a city code starting with 0', { level: 'city', code: '010100' }, ['coverage.code']],
    ['a code on national coverage', { level: 'national', code: '51' }, ['coverage.code']],
    ['an unknown level', { level: 'planet' }, ['coverage.level']],
    ['no level', { code: '510600' }, ['coverage.level']],
    ['a string', 'city', ['coverage']],
    ['an extra field', { level: 'city', code: '510600', name: '德阳' }, ['coverage.name']],
  ])('rejects %s at the exact path', (_, coverage, paths) => {
    expect(pathsOf(broken((m) => (m.coverage = coverage)))).toEqual(paths)
  })

  it('explains the code by the level chosen', () => {
    expect(problemsOf(broken((m) => (m.coverage = { level: 'province', code: '510600' })))).toEqual([
      { path: 'coverage.code', message: 'must be a 2-digit province code / 必须是 2 位省级代码' },
    ])
  })
})

describe('validateManifest: items', () => {
  it('needs 1 to 30 items', () => {
    expect(pathsOf(broken((m) => ((m.items = []), (m.payments = { takesPayments: false }))))).toEqual(['items'])
    const many = broken((m) => {
      m.items = Array.from({ length: 31 }, (_, i) => ({ id: `item-${i}`, name: `事项${i}`, kind: 'query' }))
      m.payments = { takesPayments: false }
    })
    expect(problemsOf(many)).toEqual([{ path: 'items', message: 'must have at most 30 entries / 最多 30 项' }])
  })

  it('rejects a non-object item at its index', () => {
    expect(pathsOf(broken((m) => (m.items[2] = 'points')))).toEqual(['items[2]'])
  })

  it('reports each repeated item id at the repeat', () => {
    const m = broken((m) => {
      m.items.push({ id: 'violations', name: '违法查询', kind: 'query' }, { id: 'points', name: '记分查询', kind: 'query' })
    })
    expect(problemsOf(m)).toEqual([
      { path: 'items[3].id', message: 'repeats the id of items[0]; item ids must be unique / 与 items[0] 的 id 重复，事项 id 不能重复' },
      { path: 'items[4].id', message: 'repeats the id of items[2]; item ids must be unique / 与 items[2] 的 id 重复，事项 id 不能重复' },
    ])
  })

  it('rejects a bad item id slug', () => {
    expect(pathsOf(broken((m) => (m.items[1].id = 'Pay_Fine')))).toEqual(['items[1].id', 'payments.feeItems[0]'])
  })

  it('rejects a key item that is not one of the 21', () => {
    expect(pathsOf(broken((m) => (m.items[0].keyItem = '违法查询')))).toEqual(['items[0].keyItem'])
  })

  it.each([
    ['traffic', '预约挂号', 'medical'],
    ['traffic', '机动车选号', 'vehicle'],
    ['vehicle', '机动车违法查询', 'traffic'],
    ['social-security', '账户查询', 'housing-fund'],
    ['housing-fund', '参保信息查询', 'social-security'],
    ['medical', '医保余额查询', 'social-security'],
    ['other', '预约挂号', 'medical'],
  ])('rejects in domain %s the key item %s (of %s)', (domain, keyItem, industry) => {
    const problems = problemsOf(broken((m) => ((m.domain = domain), (m.items[0].keyItem = keyItem)), 'webview'))
    expect(problems.map((p) => p.path)).toEqual(['items[0].keyItem'])
    expect(problems[0]?.message).toContain(`fits only services of domain ${industry}`)
  })

  it('rejects an unknown field of an item at its own path', () => {
    expect(problemsOf(broken((m) => (m.items[1].price = 200)))).toEqual([
      { path: 'items[1].price', message: 'unknown field; remove it / 不认识的字段，请删除' },
    ])
  })
})

describe('validateManifest: endpoint and mini-program per contract', () => {
  it.each(CONTRACTS.filter((c) => c !== 'miniprogram'))('requires an endpoint for %s', (contract) => {
    expect(pathsOf(broken((m) => delete m.endpoint, contract))).toEqual(['endpoint'])
  })

  it('forbids an endpoint and requires appId + path for miniprogram', () => {
    expect(pathsOf(broken((m) => (m.endpoint = 'https://metro.example.cn'), 'miniprogram'))).toEqual(['endpoint'])
    expect(pathsOf(broken((m) => delete m.miniprogram, 'miniprogram'))).toEqual(['miniprogram'])
  })

  it('forbids miniprogram on other contracts', () => {
    expect(pathsOf(broken((m) => (m.miniprogram = { appId: 'wx0123456789abcdef', path: 'pages/a' }), 'webview'))).toEqual(['miniprogram'])
  })

  it.each(['wx123', 'WX0123456789abcdef', 'wx0123456789ABCDEF', 'wx0123456789abcdeg', 'gh_0123456789abcd'])(
    'rejects the appId %j',
    (appId) => {
      expect(pathsOf(broken((m) => (m.miniprogram.appId = appId), 'miniprogram'))).toEqual(['miniprogram.appId'])
    },
  )

  it.each(['pages index', '', 'https://x.cn/pages'])('rejects the mini-program path %j', (path) => {
    expect(pathsOf(broken((m) => (m.miniprogram.path = path), 'miniprogram'))).toEqual(['miniprogram.path'])
  })

  it.each([
    'http://jj.deyang.gov.cn/api',
    'http://127.0.0.2:8080',
    'http://localhost.example.com',
    'http://10.0.0.8/api',
  ])('requires https for the public endpoint %s', (endpoint) => {
    expect(problemsOf(broken((m) => (m.endpoint = endpoint)))).toEqual([
      {
        path: 'endpoint',
        message: 'must use https; plain http is allowed only for localhost, 127.0.0.1 and [::1] / 必须使用 https，仅本机地址可用 http',
      },
    ])
  })

  it.each(['ftp://files.example.cn', 'jj.deyang.gov.cn/api', 'https://', 'https://user:pw@example.cn', 'https://exa mple.cn'])(
    'rejects the endpoint %j',
    (endpoint) => {
      expect(pathsOf(broken((m) => (m.endpoint = endpoint)))).toEqual(['endpoint'])
    },
  )

  it('requires https for webview pages too', () => {
    expect(pathsOf(broken((m) => (m.endpoint = 'http://library.example.cn/h5'), 'webview'))).toEqual(['endpoint'])
  })
})

describe('validateManifest: 办事指南, support, privacy', () => {
  it('requires materials when there are transaction items', () => {
    expect(problemsOf(broken((m) => (m.docs.materials = [])))).toEqual([
      { path: 'docs.materials', message: 'must list at least one material: the service has transaction items / 有办理类事项，必须列出所需材料' },
    ])
  })

  it('rejects empty strings in docs at their index', () => {
    expect(pathsOf(broken((m) => (m.docs.materials = ['身份证', ''])))).toEqual(['docs.materials[1]'])
    expect(pathsOf(broken((m) => (m.docs.fees = '')))).toEqual(['docs.fees'])
  })

  it('needs a hotline or an online contact', () => {
    expect(problemsOf(broken((m) => (m.support = {})))).toEqual([
      { path: 'support', message: 'needs at least one of hotline, online / 至少填写 hotline、online 之一' },
    ])
  })

  it.each(['call us', '12--345', '-12345', '12', '+86 838 1234'])('rejects the hotline %j', (hotline) => {
    expect(pathsOf(broken((m) => (m.support.hotline = hotline)))).toEqual(['support.hotline'])
  })

  it.each([
    ['support.online', (m: RawManifest) => (m.support.online = 'http://help.example.cn')],
    ['privacy.noticeUrl', (m: RawManifest) => (m.privacy.noticeUrl = 'http://www.example.gov.cn/privacy')],
    ['privacy.noticeUrl', (m: RawManifest) => (m.privacy.noticeUrl = 'http://localhost/privacy')],
  ])('requires https for %s', (path, change) => {
    expect(problemsOf(broken(change))).toEqual([{ path, message: 'must be an https URL / 必须是 https 地址' }])
  })

  it('rejects dataUsed that is not a list', () => {
    expect(pathsOf(broken((m) => (m.privacy.dataUsed = '姓名')))).toEqual(['privacy.dataUsed'])
  })
})

describe('validateManifest: payments and declarations', () => {
  it('rejects fee items that are not items of the service', () => {
    expect(problemsOf(broken((m) => (m.payments.feeItems = ['pay-fine', 'parking'])))).toEqual([
      { path: 'payments.feeItems[1]', message: 'parking is not an item id of this service / parking 不是本服务的事项 id' },
    ])
  })

  it.each([
    ['missing', (m: RawManifest) => delete m.payments.feeItems],
    ['empty', (m: RawManifest) => (m.payments.feeItems = [])],
  ])('requires fee items when takesPayments is true (%s)', (_, change) => {
    expect(pathsOf(broken(change))).toEqual(['payments.feeItems'])
  })

  it('rejects a repeated fee item', () => {
    expect(pathsOf(broken((m) => (m.payments.feeItems = ['pay-fine', 'pay-fine'])))).toEqual(['payments.feeItems'])
  })

  it.each([
    ['records.keepsRecords', (m: RawManifest) => (m.records.keepsRecords = 'yes')],
    ['notify.subscribeMessage', (m: RawManifest) => (m.notify.subscribeMessage = 1)],
    ['feedback.takesRatings', (m: RawManifest) => (m.feedback.takesRatings = null)],
    ['adsFree', (m: RawManifest) => (m.adsFree = 'true')],
    ['realNameRequired', (m: RawManifest) => (m.realNameRequired = 0)],
  ])('rejects a non-boolean %s', (path, change) => {
    expect(pathsOf(broken(change))).toEqual([path])
  })
})

describe('validateManifest: fixtures per contract', () => {
  it.each(['traffic@1', 'social-security@1', 'housing-fund@1', 'hospital@1', 'identity@1', 'payment@1'] as const)(
    'requires fixtures for %s',
    (contract) => {
      expect(pathsOf(broken((m) => delete m.fixtures, contract))).toEqual(['fixtures'])
    },
  )

  it('names the fields the contract expects', () => {
    expect(problemsOf(broken((m) => delete m.fixtures))[0]?.message).toContain('plate, plateType, engineTail, licenceNo')
  })

  it.each<[Contract, (m: RawManifest) => unknown, string[]]>([
    ['traffic@1', (m: RawManifest) => (m.fixtures.plate = 'AB12345'), ['fixtures.plate']],
    ['traffic@1', (m: RawManifest) => (m.fixtures.engineTail = '12'), ['fixtures.engineTail']],
    ['traffic@1', (m: RawManifest) => (m.fixtures = { name: '张三', idNumber: '51060019900101001X' }), ['fixtures.name', 'fixtures.idNumber', 'fixtures.plate', 'fixtures.plateType', 'fixtures.engineTail', 'fixtures.licenceNo']],
    ['hospital@1', (m: RawManifest) => (m.fixtures.patient.idNumber = '51060019900101001x'), ['fixtures.patient.idNumber']],
    ['hospital@1', (m: RawManifest) => delete m.fixtures.patient, ['fixtures.patient']],
    ['identity@1', (m: RawManifest) => (m.fixtures.name = 'Zhang San'), ['fixtures.name']],
    ['social-security@1', (m: RawManifest) => (m.fixtures = 'zhangsan'), ['fixtures']],
    ['payment@1', (m: RawManifest) => (m.fixtures.amountFen = 0), ['fixtures.amountFen']],
    ['payment@1', (m: RawManifest) => (m.fixtures.amountFen = 1.5), ['fixtures.amountFen']],
    ['webview', (m: RawManifest) => (m.fixtures = { plate: '川A12345' }), ['fixtures.plate']],
    ['miniprogram', (m: RawManifest) => (m.fixtures = { amountFen: 1 }), ['fixtures.amountFen']],
  ])('%s: rejects bad fixtures at %j', (contract, change, paths) => {
    expect(new Set(pathsOf(broken(change, contract)))).toEqual(new Set(paths))
  })

  it('does not guess fixtures when the contract itself is wrong', () => {
    expect(pathsOf(broken((m) => (m.contract = 'traffic@9')))).toEqual(['contract'])
  })
})

describe('validateManifest: unknown fields and many problems at once', () => {
  it.each([
    ['color', (m: RawManifest) => (m.color = 'red')],
    ['docs.cost', (m: RawManifest) => (m.docs.cost = 0)],
    ['support.email', (m: RawManifest) => (m.support.email = 'a@b.cn')],
    ['miniprogram.version', (m: RawManifest) => (m.miniprogram.version = '1')],
    ['fixtures.extra', (m: RawManifest) => (m.fixtures = { extra: true })],
    ['a/b~c', (m: RawManifest) => (m['a/b~c'] = 1)],
  ])('reports the extra field %s by its own path', (path, change) => {
    expect(problemsOf(broken(change, 'miniprogram'))).toEqual([{ path, message: 'unknown field; remove it / 不认识的字段，请删除' }])
  })

  it('reports every problem of a badly broken manifest, each once', () => {
    const m = broken((m) => {
      m.id = 'Bad Id'
      m.domain = 'space'
      m.coverage = { level: 'city', code: '12' }
      m.items[1].kind = 'both'
      m.items[2].id = 'violations'
      m.endpoint = 'http://example.com'
      m.docs.materials = []
      m.support = {}
      m.privacy.noticeUrl = 'ftp://x'
      m.payments.feeItems = ['ghost']
      m.elderFriendly = 'yes'
      m.fixtures.plate = 'plate'
      m.extra = 1
    })
    const paths = pathsOf(m)
    expect(new Set(paths)).toEqual(
      new Set([
        'id', 'domain', 'coverage.code', 'items[1].kind', 'items[2].id', 'endpoint', 'support', 'privacy.noticeUrl',
        'payments.feeItems[0]', 'elderFriendly', 'fixtures.plate', 'extra',
      ]),
    )
    expect(paths).toHaveLength(new Set(paths).size)
  })

  it('writes every message in English and Chinese', () => {
    for (const p of problemsOf({ coverage: {}, items: [{}], contract: 'traffic@1', support: {}, endpoint: 'http://a.cn', x: 1 })) {
      expect(p.message).toMatch(/^[^\u4e00-\u9fff]+ \/ .*[\u4e00-\u9fff]/u)
    }
  })
})

describe('PATTERNS', () => {
  it('has distinct sources, so each pattern error finds its own message', () => {
    const sources = Object.values(PATTERNS).map((p) => p.source)
    expect(new Set(sources).size).toBe(sources.length)
  })

  it('gives every pattern a bilingual message', () => {
    for (const p of Object.values(PATTERNS)) expect(p.message).toMatch(/ \/ .*[\u4e00-\u9fff]/u)
  })
})

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['endpoint'], 'endpoint'],
    [['items', 2, 'kind'], 'items[2].kind'],
    [['payments', 'feeItems', 0], 'payments.feeItems[0]'],
  ] as const)('%j → %j', (segments, path) => {
    expect(formatPath(segments)).toBe(path)
  })
})
