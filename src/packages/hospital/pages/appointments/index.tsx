import { View } from '@tarojs/components'
import { useState } from 'react'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { splitAppointments } from '../../../../domain/appointment-status'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { listAppointments } from '../../../../services/hospital-api'
import { openPage } from '../../../../services/navigation'
import { appointmentUrl } from '../../../../services/routes'
import { AppointmentRow } from '../../components/appointment-row'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

type Tab = 'upcoming' | 'history'
const TABS: { tab: Tab; title: string; empty: string }[] = [
  { tab: 'upcoming', title: '待就诊', empty: '暂无待就诊的预约' },
  { tab: 'history', title: '历史', empty: '暂无历史预约' },
]

/** 我的预约: 待就诊 (to come, including 待支付) and 历史 (past and cancelled), newest first. */
export default function AppointmentsPage() {
  const pageClass = usePageClass('page appointments')
  const list = useRemote(listAppointments, [])
  // Back from an appointment (paid, cancelled): statuses changed.
  usePageReturn(list.reload)
  const [tab, setTab] = useState<Tab>('upcoming')
  const { state } = list
  const split = state.status === 'ready' ? splitAppointments(state.data) : { upcoming: [], history: [] }
  const current = TABS.find((t) => t.tab === tab)!

  return (
    <View className={pageClass} role="main">
      <PageTitle>我的预约</PageTitle>
      <View className="appointments__tabs" role="group" aria-label="预约分类">
        {TABS.map((t) => (
          <Pressable
            key={t.tab}
            className={t.tab === tab ? 'appointments__tab appointments__tab--on' : 'appointments__tab'}
            current={t.tab === tab}
            onPress={() => setTab(t.tab)}
          >
            {state.status === 'ready' ? `${t.title}（${split[t.tab].length}）` : t.title}
          </Pressable>
        ))}
      </View>
      <RemoteStatus remote={list} />
      {state.status === 'ready' && split[tab].length === 0 && <EmptyView text={current.empty} />}
      {state.status === 'ready' && split[tab].length > 0 && (
        <View className="subpage-card card" role="list" aria-label={current.title}>
          {split[tab].map((a) => (
            <AppointmentRow key={a.id} appointment={a} onOpen={(o) => openPage(appointmentUrl(o.id))} />
          ))}
        </View>
      )}
    </View>
  )
}
