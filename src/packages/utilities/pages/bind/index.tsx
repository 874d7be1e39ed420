import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { AccountCheckT } from '../../../../api/utilities'
import { FormAlert } from '../../../../components/form-alert'
import { FormFooter } from '../../../../components/form-footer'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { TextField } from '../../../../components/text-field'
import { accountFormProblems, normalizeAccountForm, type UtilityAccountForm } from '../../../../domain/utility-forms'
import { type FormAlertState, useForm } from '../../../../hooks/use-form'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { goBackOr, openPage, showNotice } from '../../../../services/navigation'
import { ApiError, errorMessage, isTemporaryFailure } from '../../../../services/request'
import { identityUrl } from '../../../../services/routes'
import { bindAccount, checkAccount, listProviders } from '../../api'
import { ProviderPicker } from '../../components/provider-picker'
import { utilitiesHomeUrl } from '../../routes'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

function prepare(values: UtilityAccountForm) {
  const normalized = normalizeAccountForm(values)
  return { values: normalized, problems: accountFormProblems(normalized) }
}

/** 实名认证 opens on top, so the form and what was typed are here when the citizen comes back. */
function identityFirst(error: unknown): FormAlertState | undefined {
  if (!(error instanceof ApiError) || error.code !== 'IDENTITY_REQUIRED') return undefined
  openPage(identityUrl())
  return { message: '添加户号需要先完成实名认证，认证后回到本页再次提交', retryable: false }
}

/**
 * 添加户号: choose the company, type the 户号, see the holder's masked name and
 * address as the company knows them, then 确认绑定. Changing either field asks
 * the company again; nothing typed is lost on a refusal.
 */
export default function BindAccountPage() {
  const pageClass = usePageClass('page utilities-bind')
  const { service } = useRouteParams('service')
  const providers = useRemote(() => listProviders(service), [service])
  const [checked, setChecked] = useState<AccountCheckT | null>(null)
  const [binding, setBinding] = useState(false)
  const [bindAlert, setBindAlert] = useState<FormAlertState | null>(null)
  const busy = useRef(false)
  const form = useForm({
    initial: { providerId: '', accountNo: '' },
    prepare,
    send: (values: UtilityAccountForm) => checkAccount(service, values),
    onSuccess: setChecked,
    onFailure: identityFirst,
  })
  const change = (field: keyof UtilityAccountForm, value: string) => {
    setChecked(null)
    setBindAlert(null)
    form.change(field, value)
  }

  const confirm = async () => {
    if (busy.current) return
    busy.current = true
    setBinding(true)
    setBindAlert(null)
    try {
      await bindAccount(service, normalizeAccountForm(form.values))
      showNotice('添加成功')
      goBackOr(utilitiesHomeUrl(service))
    } catch (error) {
      setBindAlert(identityFirst(error) ?? { message: errorMessage(error), retryable: isTemporaryFailure(error) })
    } finally {
      busy.current = false
      setBinding(false)
    }
  }

  return (
    <View className={pageClass} role="main">
      <PageTitle>添加户号</PageTitle>
      <Text className="subpage-lead">户号可在纸质账单、缴费通知单或营业厅票据上找到。户号加密保存，只发送给对应的缴费单位。</Text>
      <RemoteStatus remote={providers} />
      {providers.state.status === 'ready' && (
        <View className="subpage-form card" role="form" aria-label="户号信息">
          <ProviderPicker providers={providers.state.data.providers} value={form.values.providerId} error={form.errors.providerId} onChange={(v) => change('providerId', v)} />
          <TextField
            id="utility-account-no"
            label="户号"
            placeholder="如 3100012345"
            hint="6–16 位数字"
            value={form.values.accountNo}
            error={form.errors.accountNo}
            maxlength={24}
            type="number"
            onChange={(v) => change('accountNo', v)}
          />
          {!checked && <FormFooter alert={form.alert} submitting={form.submitting} busyText="正在查询户号…" submitClassName="utilities-bind__check" submitText="查询户号" onSubmit={form.submit} />}
        </View>
      )}
      {checked && (
        <View className="account-check card" role="region" aria-label="核对户名">
          <View className="subpage-heading" role="heading" aria-level={2}>
            请核对户名
          </View>
          <Text className="list-row__text">{checked.providerName}</Text>
          <Text className="list-row__title account-check__holder">户名 {checked.holderName}</Text>
          <Text className="list-row__text">地址 {checked.address}</Text>
          <Text className="list-row__text">户号 {checked.accountNo}{checked.prepaid ? ' · 预付费电表' : ''}</Text>
          {bindAlert && <FormAlert message={bindAlert.message} onRetry={bindAlert.retryable ? () => void confirm() : undefined} />}
          <View className="subpage-actions">
            {binding && (
              <View className="subpage-lead" role="status">
                正在添加…
              </View>
            )}
            <Pressable className="button button--primary utilities-bind__confirm" disabled={binding} onPress={() => void confirm()}>
              确认绑定
            </Pressable>
          </View>
        </View>
      )}
    </View>
  )
}
