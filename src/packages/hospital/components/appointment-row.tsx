import { Text, View } from '@tarojs/components'
import type { AppointmentViewT } from '../../../api/hospital'
import { Pressable } from '../../../components/pressable'
import { appointmentStatusLabel, appointmentStatusTone } from '../../../domain/appointment-status'
import { visitTimeText } from '../../../domain/booking-dates'

/** One appointment in 我的预约: where, whom with, when, for whom, and its status in words. */
export function AppointmentRow({ appointment: a, onOpen }: { appointment: AppointmentViewT; onOpen: (appointment: AppointmentViewT) => void }) {
  return (
    <View role="listitem">
      <Pressable className="list-row appointment-row" onPress={() => onOpen(a)}>
        <View className="list-row__top">
          <Text className="list-row__title">
            {a.hospitalName} · {a.departmentName}
          </Text>
          <Text className={`status-tag status-tag--${appointmentStatusTone(a)}`}>{appointmentStatusLabel(a)}</Text>
        </View>
        <Text className="list-row__text">
          {a.doctorName} {a.doctorTitle}
        </Text>
        <Text className="list-row__text appointment-row__time">{visitTimeText(a.date, a.start, a.end)}</Text>
        <Text className="list-row__text">
          就诊人 {a.patient.name} · 第 {a.queueNo} 号
        </Text>
      </Pressable>
    </View>
  )
}
