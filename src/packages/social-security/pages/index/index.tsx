import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../../components/pressable'
import { Section } from '../../../../components/section'
import { EmptyView } from '../../../../components/status-view'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { useServiceUsage } from '../../../../hooks/use-service-usage'
import { openPage } from '../../../../services/navigation'
import { contributionsUrl, medicalAccountUrl, socialSecurityCardUrl } from '../../../../services/routes'
import { getInsured } from '../../../../services/social-security-api'
import { EmploymentList } from '../../components/employment-list'
import { InsuranceRow } from '../../components/insurance-row'
import { QueryStatus } from '../../../../components/query-status'
import { NOT_INSURED } from '../../components/not-insured'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

const ENTRIES = [
  { title: '缴费记录', hint: '每月缴费明细', url: contributionsUrl },
  { title: '医保账户', hint: '余额和收支', url: medicalAccountUrl },
  { title: '电子社保卡', hint: '出示二维码', url: socialSecurityCardUrl },
]

/**
 * 社保服务: the citizen's status per insurance type (正常参保 / 暂停缴费 /
 * 未参保), the 参保单位 history with its gaps (断缴), and the ways on to
 * 缴费记录, 医保账户 and 电子社保卡.
 */
export default function SocialSecurityHomePage() {
  const pageClass = usePageClass('page ss-home')
  const { service, name } = useRouteParams('service', 'name')
  useServiceUsage(service)
  const insured = useRemote(() => (service ? getInsured(service) : Promise.resolve(undefined)), [service])
  // Back from 实名认证 (or any page on top): the status can now be shown, or may have changed.
  usePageReturn(insured.reload)
  const { state } = insured

  return (
    <View className={pageClass} role="main">
      <PageTitle>{name || '社保服务'}</PageTitle>
      {!service ? (
        <Text className="subpage-notice">在首页打开所在城市的社保服务，可查询参保和缴费情况。</Text>
      ) : (
        <>
          <View className="ss-entries" role="list" aria-label="社保业务">
            {ENTRIES.map((e) => (
              <View key={e.title} className="ss-entries__item" role="listitem">
                <Pressable className="ss-entry" onPress={() => openPage(e.url(service))}>
                  <Text className="ss-entry__title">{e.title}</Text>
                  <Text className="ss-entry__hint">{e.hint}</Text>
                </Pressable>
              </View>
            ))}
          </View>
          <QueryStatus remote={insured} identityText="查询社保需要先完成实名认证" final={NOT_INSURED} />
          {state.status === 'ready' && state.data && (
            <>
              <Section id="ss-insurances-title" title="参保状态" className="ss-section" titleClassName="section-title">
                <Text className="subpage-lead">社会保障号码 {state.data.idNumber}</Text>
                <View className="card" role="list" aria-label="各险种参保状态">
                  {state.data.insurances.map((i) => (
                    <InsuranceRow key={i.type} insurance={i} />
                  ))}
                </View>
              </Section>
              <Section id="ss-employments-title" title="参保单位" className="ss-section" titleClassName="section-title">
                {state.data.employments.length > 0 ? <EmploymentList employments={state.data.employments} /> : <EmptyView text="暂无参保单位记录" />}
              </Section>
            </>
          )}
        </>
      )}
    </View>
  )
}
