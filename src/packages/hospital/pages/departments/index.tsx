import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { Section } from '../../../../components/section'
import { EmptyView } from '../../../../components/status-view'
import { bookingRulesSummary } from '../../../../domain/booking-rules'
import { groupDepartments } from '../../../../domain/department-groups'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { openPage } from '../../../../services/navigation'
import { hospitalDepartmentUrl } from '../../../../services/routes'
import { departmentsOf, findHospital } from '../../hooks/hospital-lookup'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/** The departments of a campus under their 科室大类, with the campus's booking rules on top. */
export default function DepartmentsPage() {
  const pageClass = usePageClass('page hospital-departments')
  const { service, hospital } = useRouteParams('service', 'hospital')
  const view = useRemote(async () => {
    const [campus, departments] = await Promise.all([findHospital(service, hospital), departmentsOf(service, hospital)])
    return { campus, groups: groupDepartments(departments) }
  }, [service, hospital])
  const { state } = view

  return (
    <View className={pageClass} role="main">
      <PageTitle>{state.status === 'ready' ? state.data.campus.name : '选择科室'}</PageTitle>
      <RemoteStatus remote={view} />
      {state.status === 'ready' && (
        <>
          <Text className="subpage-lead">
            {state.data.campus.level} · {state.data.campus.address}
          </Text>
          <Text className="subpage-notice hospital-departments__rules">{bookingRulesSummary(state.data.campus.rules)}</Text>
          {state.data.groups.length === 0 && <EmptyView text="该医院暂无可预约的科室" />}
          {state.data.groups.map((group, i) => (
            <Section key={group.category} id={`department-group-${i}`} title={group.category} className="subpage-card card" titleClassName="subpage-heading">
              <View role="list">
                {group.departments.map((d) => (
                  <View key={d.id} role="listitem">
                    <Pressable className="list-row department-row" onPress={() => openPage(hospitalDepartmentUrl(service, hospital, d.id))}>
                      <Text className="list-row__title">{d.name}</Text>
                      {d.intro && <Text className="list-row__text">{d.intro}</Text>}
                    </Pressable>
                  </View>
                ))}
              </View>
            </Section>
          ))}
        </>
      )}
    </View>
  )
}
