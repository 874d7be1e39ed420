import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { PatientT } from '../../../../api/hospital'
import { FormAlert } from '../../../../components/form-alert'
import { Section } from '../../../../components/section'
import { ErrorView, LoadingView } from '../../../../components/status-view'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { showNotice } from '../../../../services/navigation'
import { listPatients, removePatient } from '../../../../services/patient-api'
import { ApiError, errorMessage } from '../../../../services/request'
import { IdentityNeeded } from '../../../../components/identity-needed'
import { PatientForm } from '../../components/patient-form'
import { PatientRow } from '../../components/patient-row'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

async function confirmRemove(patient: PatientT): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '删除就诊人',
    content: `确定删除就诊人 ${patient.name}？删除后不能再为其预约挂号，需要时可重新添加。`,
    confirmText: '删除',
    cancelText: '取消',
  })
  return confirm
}

/**
 * 就诊人管理: the citizen (本人, always first) and the family members they
 * book for, masked; 添加就诊人 (verified like 实名认证) up to the limit, and
 * 删除 for everyone but 本人.
 */
export default function PatientsPage() {
  const pageClass = usePageClass('page patients')
  const list = useRemote(listPatients, [])
  // Back from 实名认证: the citizen now has a list.
  usePageReturn(list.reload)
  const [removeProblem, setRemoveProblem] = useState<string | null>(null)
  // A new key gives a fresh, empty form after each patient added.
  const [formKey, setFormKey] = useState(0)

  const remove = async (patient: PatientT) => {
    if (!(await confirmRemove(patient))) return
    setRemoveProblem(null)
    try {
      await removePatient(patient.id)
      showNotice('已删除')
      list.reload()
    } catch (error) {
      setRemoveProblem(errorMessage(error))
    }
  }
  const onAdded = (patient: PatientT) => {
    showNotice(`已添加 ${patient.name}`)
    setFormKey((n) => n + 1)
    list.reload()
  }

  const { state } = list
  const identityNeeded = state.status === 'error' && state.error instanceof ApiError && state.error.code === 'IDENTITY_REQUIRED'
  return (
    <View className={pageClass} role="main">
      <PageTitle>就诊人管理</PageTitle>
      {state.status === 'loading' && <LoadingView />}
      {identityNeeded && <IdentityNeeded text="添加就诊人需要先完成实名认证" />}
      {state.status === 'error' && !identityNeeded && <ErrorView message={state.message} onRetry={list.retry} />}
      {state.status === 'ready' && (
        <>
          <Text className="subpage-lead">
            已添加 {state.data.patients.length}/{state.data.max} 位就诊人。就诊人需实名核验，信息加密保存，页面上只显示打码后的信息。
          </Text>
          {removeProblem && <FormAlert message={removeProblem} />}
          <View className="subpage-card card" role="list" aria-label="就诊人">
            {state.data.patients.map((p) => (
              <PatientRow key={p.id} patient={p} onRemove={(o) => void remove(o)} />
            ))}
          </View>
          {state.data.patients.length < state.data.max ? (
            <Section id="patient-add-title" title="添加就诊人" className="patients__add" titleClassName="patients__heading">
              <PatientForm key={formKey} onAdded={onAdded} onListChanged={list.reload} />
            </Section>
          ) : (
            <Text className="subpage-notice">最多可添加 {state.data.max} 位就诊人，删除后可再添加。</Text>
          )}
        </>
      )}
    </View>
  )
}
