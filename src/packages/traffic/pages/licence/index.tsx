import { Text, View } from '@tarojs/components'
import { DetailList } from '../../../../components/detail-list'
import { Pressable } from '../../../../components/pressable'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-view'
import { FULL_POINTS, licenceStatusLabel } from '../../../../domain/licence-status'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { openPage } from '../../../../services/navigation'
import { ApiError } from '../../../../services/request'
import { identityUrl } from '../../../../services/routes'
import { getLicence } from '../../../../services/traffic-api'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

function errorCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined
}

/** 驾驶证记分: points in the current cycle, 准驾车型, the cycle's dates and the licence's status. */
export default function LicencePage() {
  const pageClass = usePageClass('page licence')
  const { service } = useRouteParams('service')
  const licence = useRemote(() => getLicence(service), [service])
  // Back from 实名认证 (opened on top of this page), the licence can now be found.
  usePageReturn(licence.reload)
  const { state } = licence
  const code = state.status === 'error' ? errorCode(state.error) : undefined

  return (
    <View className={pageClass} role="main">
      <PageTitle>驾驶证记分</PageTitle>
      {state.status === 'loading' && <LoadingView />}
      {code === 'IDENTITY_REQUIRED' && (
        <View className="licence__identity">
          <EmptyView text="查询驾驶证记分需要先完成实名认证" />
          <Pressable className="button button--primary" onPress={() => openPage(identityUrl())}>
            去认证
          </Pressable>
        </View>
      )}
      {code === 'LICENCE_NOT_FOUND' && <EmptyView text="未查询到登记在你名下的驾驶证" />}
      {state.status === 'error' && code !== 'IDENTITY_REQUIRED' && code !== 'LICENCE_NOT_FOUND' && (
        <ErrorView message={state.message} onRetry={licence.retry} />
      )}
      {state.status === 'ready' && (
        <View className="subpage-card card">
          <View className="licence-points">
            <Text className="licence-points__value">{state.data.points} 分</Text>
            <Text className="licence-points__caption">
              本记分周期累计记分（满分 {FULL_POINTS} 分）
            </Text>
          </View>
          <DetailList
            rows={[
              { label: '状态', value: licenceStatusLabel(state.data.status), strong: true },
              { label: '准驾车型', value: state.data.licenceClass },
              { label: '记分周期', value: `${state.data.cycleStart} 至 ${state.data.cycleEnd}` },
              { label: '有效期至', value: state.data.validUntil },
              { label: '驾驶证号', value: state.data.licenceNo },
            ]}
          />
        </View>
      )}
    </View>
  )
}
