import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { RemoteStatus } from '../../../../components/remote-status'
import { Section } from '../../../../components/section'
import { EmptyView } from '../../../../components/status-view'
import { firstBookableDate } from '../../../../domain/booking-day'
import { visitDateText } from '../../../../domain/booking-dates'
import { groupSlotsByDoctor } from '../../../../domain/slot-groups'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getBookingDates, getDaySchedule, listDoctors } from '../../../../services/hospital-api'
import { openPage } from '../../../../services/navigation'
import { bookingConfirmUrl } from '../../../../services/routes'
import { DateStrip } from '../../components/date-strip'
import { DoctorPicker } from '../../components/doctor-picker'
import { DoctorSlots } from '../../components/doctor-slots'
import { findDepartment, findHospital } from '../../hooks/hospital-lookup'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/**
 * A department's numbers: its doctors (普通门诊 first), the booking window as
 * a date strip (the whole department, or the chosen doctor), and the chosen
 * date's slots by doctor under 上午 and 下午. A slot opens 确认预约.
 */
export default function DepartmentPage() {
  const pageClass = usePageClass('page hospital-department')
  const ids = useRouteParams('service', 'hospital', 'department', 'doctor')
  const [doctorId, setDoctorId] = useState(ids.doctor)
  const [chosenDate, setChosenDate] = useState<string>()
  const scope = { departmentId: ids.department, doctorId: doctorId || undefined }

  const info = useRemote(async () => {
    const [campus, department, doctors] = await Promise.all([
      findHospital(ids.service, ids.hospital),
      findDepartment(ids.service, ids.hospital, ids.department),
      listDoctors(ids.service, ids.hospital, ids.department),
    ])
    return { campus, department, doctors }
  }, [ids.service, ids.hospital, ids.department])
  const dates = useRemote(() => getBookingDates(ids.service, ids.hospital, scope), [ids.service, ids.hospital, ids.department, doctorId])
  const days = dates.state.status === 'ready' ? dates.state.data.dates : []
  // The date the citizen chose while it stays bookable (e.g. after choosing a doctor), else the first bookable one.
  const date = firstBookableDate(days, chosenDate)
  const schedule = useRemote(
    () => (date ? getDaySchedule(ids.service, ids.hospital, date, scope) : Promise.resolve(null)),
    [ids.service, ids.hospital, ids.department, doctorId, date],
  )
  // Back from 确认预约 or elsewhere: numbers have moved on.
  usePageReturn(() => {
    dates.reload()
    schedule.reload()
  })

  const doctors = info.state.status === 'ready' ? info.state.data.doctors : []
  const groups = schedule.state.status === 'ready' && schedule.state.data ? groupSlotsByDoctor(schedule.state.data.slots, doctors.map((d) => d.id)) : []

  return (
    <View className={pageClass} role="main">
      <PageTitle>{info.state.status === 'ready' ? info.state.data.department.name : '选择号源'}</PageTitle>
      <RemoteStatus remote={info} />
      {info.state.status === 'ready' && (
        <>
          <Text className="subpage-lead">{info.state.data.campus.name}</Text>
          {doctors.length > 0 && <DoctorPicker doctors={doctors} value={doctorId} onChange={setDoctorId} />}
        </>
      )}
      <Section id="booking-dates-title" title="就诊日期" className="hospital-department__dates" titleClassName="hospital-department__heading">
        <RemoteStatus remote={dates} />
        {dates.state.status === 'ready' && <DateStrip days={days} selected={date} onSelect={setChosenDate} />}
      </Section>
      {dates.state.status === 'ready' && !date && <EmptyView text={`近 ${days.length} 天暂无可预约号源，请留意放号时间`} />}
      {date && (
        <Section id="booking-slots-title" title={`${visitDateText(date)} 号源`} className="hospital-department__slots" titleClassName="hospital-department__heading">
          <RemoteStatus remote={schedule} />
          {schedule.state.status === 'ready' && schedule.state.data && groups.length === 0 && (
            <EmptyView text={schedule.state.data.reason ?? '当日暂无号源'} />
          )}
          {groups.map((group) => (
            <DoctorSlots
              key={group.doctorId}
              group={group}
              doctor={doctors.find((d) => d.id === group.doctorId)}
              general={doctors[0]?.id === group.doctorId}
              onPick={(slot) =>
                openPage(
                  bookingConfirmUrl({ service: ids.service, hospital: ids.hospital, department: ids.department, date, slot: slot.id, doctor: slot.doctorId }),
                )
              }
            />
          ))}
        </Section>
      )}
    </View>
  )
}
