import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { useServiceUsage } from '../../../../hooks/use-service-usage'
import { openPage } from '../../../../services/navigation'
import { appointmentsUrl, hospitalDepartmentsUrl, patientsUrl } from '../../../../services/routes'
import { HospitalCard } from '../../components/hospital-card'
import { campusesOf } from '../../hooks/hospital-lookup'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/** 预约挂号: the service's campuses with their booking rules, and 我的预约 and 就诊人管理. */
export default function HospitalHomePage() {
  const pageClass = usePageClass('page hospital-home')
  const { service, name } = useRouteParams('service', 'name')
  useServiceUsage(service)
  const hospitals = useRemote(() => (service ? campusesOf(service) : Promise.resolve([])), [service])
  const { state } = hospitals

  return (
    <View className={pageClass} role="main">
      <PageTitle>{name || '预约挂号'}</PageTitle>
      <View className="hospital-home__entries">
        <Pressable className="button button--secondary hospital-home__appointments" onPress={() => openPage(appointmentsUrl())}>
          我的预约
        </Pressable>
        <Pressable className="button button--secondary hospital-home__patients" onPress={() => openPage(patientsUrl())}>
          就诊人管理
        </Pressable>
      </View>
      {!service ? (
        <Text className="subpage-notice">在首页打开所在城市的「预约挂号」服务，可选择医院预约挂号。</Text>
      ) : (
        <>
          <RemoteStatus remote={hospitals} />
          {state.status === 'ready' && state.data.length === 0 && <EmptyView text="该服务暂无可预约的医院" />}
          {state.status === 'ready' && state.data.length > 0 && (
            <View className="subpage-card card" role="list" aria-label="医院">
              {state.data.map((h) => (
                <HospitalCard key={h.id} hospital={h} onOpen={(o) => openPage(hospitalDepartmentsUrl(service, o.id))} />
              ))}
            </View>
          )}
        </>
      )}
    </View>
  )
}
