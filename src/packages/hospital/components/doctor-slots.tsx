import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../components/pressable'
import { formatPrice } from '../../../domain/money'
import { isSlotBookable, slotNote, type DoctorSlots as DoctorSlotGroup, type Slot } from '../../../domain/slot-groups'
import type { Doctor } from '../../../services/hospital-api'

export interface DoctorSlotsProps {
  group: DoctorSlotGroup
  /** The doctor as the department lists them (specialty); absent when the list did not know them. */
  doctor?: Doctor
  /** The department's 普通门诊. */
  general: boolean
  onPick: (slot: Slot) => void
}

/** A doctor on the chosen day: title, specialty and fee, then their slots under 上午 and 下午, each with the numbers left. */
export function DoctorSlots({ group, doctor, general, onPick }: DoctorSlotsProps) {
  const headingId = `doctor-${group.doctorId}`
  return (
    <View className="subpage-card card doctor-slots" role="region" aria-labelledby={headingId}>
      <View className="doctor-slots__head">
        <View className="list-row__top">
          <View id={headingId} className="list-row__title" role="heading" aria-level={3}>
            {group.doctorName}
          </View>
          <Text className="doctor-slots__fee">挂号费 {formatPrice(group.feeFen)}</Text>
        </View>
        <View className="doctor-slots__tags">
          {general && <Text className="tag">普通门诊</Text>}
          <Text className="tag">{group.doctorTitle}</Text>
        </View>
        {doctor?.specialty && <Text className="list-row__text">擅长：{doctor.specialty}</Text>}
      </View>
      {group.halves.map((half) => (
        <View key={half.halfDay} className="slot-group">
          <Text className="slot-group__label">{half.halfDay}</Text>
          <View className="slot-group__slots" role="group" aria-label={`${group.doctorName} ${half.halfDay}`}>
            {half.slots.map((slot) => {
              const open = isSlotBookable(slot)
              const note = slotNote(slot)
              return (
                <Pressable
                  key={slot.id}
                  className={open ? 'slot' : 'slot slot--off'}
                  // WCAG 2.5.3: the spoken name starts with the words on the slot.
                  label={`${slot.start}${note}，${half.halfDay} ${slot.start}–${slot.end}`}
                  disabled={!open}
                  onPress={() => onPick(slot)}
                >
                  <Text className="slot__time">{slot.start}</Text>
                  <Text className="slot__note">{note}</Text>
                </Pressable>
              )
            })}
          </View>
        </View>
      ))}
    </View>
  )
}
