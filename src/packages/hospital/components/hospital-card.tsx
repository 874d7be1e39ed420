import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../components/pressable'
import { bookingRulesSummary } from '../../../domain/booking-rules'
import type { Hospital } from '../../../services/hospital-api'

/** A campus: name, level, address, switchboard and its booking rules in one line. */
export function HospitalCard({ hospital, onOpen }: { hospital: Hospital; onOpen: (hospital: Hospital) => void }) {
  return (
    <View role="listitem">
      <Pressable className="list-row hospital-card" onPress={() => onOpen(hospital)}>
        <View className="list-row__top">
          <Text className="list-row__title">{hospital.name}</Text>
          <Text className="tag">{hospital.level}</Text>
        </View>
        <Text className="list-row__text">{hospital.address}</Text>
        <Text className="list-row__text">电话 {hospital.phone}</Text>
        <Text className="list-row__text hospital-card__rules">{bookingRulesSummary(hospital.rules)}</Text>
      </Pressable>
    </View>
  )
}
