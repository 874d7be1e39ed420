import { Text, View } from '@tarojs/components'
import type { PatientT } from '../../../api/hospital'
import { Pressable } from '../../../components/pressable'
import { relationLabel } from '../../../domain/patient-relations'

/** A 就诊人, masked, with their relation (本人 for the citizen) and 删除 for everyone but 本人. */
export function PatientRow({ patient, onRemove }: { patient: PatientT; onRemove: (patient: PatientT) => void }) {
  return (
    <View className="list-row patient-row" role="listitem">
      <View className="list-row__top">
        <Text className="list-row__title">{patient.name}</Text>
        <Text className={patient.relation === 'self' ? 'tag patient-row__self' : 'tag'}>{relationLabel(patient.relation)}</Text>
      </View>
      <Text className="list-row__text">{patient.idNumber}</Text>
      {patient.relation !== 'self' && (
        <View className="patient-row__actions">
          <Pressable className="subpage-link patient-row__remove" label={`删除就诊人 ${patient.name}`} onPress={() => onRemove(patient)}>
            删除
          </Pressable>
        </View>
      )}
    </View>
  )
}
