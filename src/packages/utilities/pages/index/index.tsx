import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeT } from '../../../../api/citizens'
import type { UtilityAccountT } from '../../../../api/utilities'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { UTILITY_KIND_IDS, UTILITY_KINDS } from '../../../../domain/utility-kinds'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { useServiceUsage } from '../../../../hooks/use-service-usage'
import { getMe } from '../../../../services/citizen-api'
import { openPage, showNotice } from '../../../../services/navigation'
import { errorMessage } from '../../../../services/request'
import { identityUrl } from '../../../../services/routes'
import { listAccounts, unbindAccount } from '../../api'
import { AccountCard } from '../../components/account-card'
import { billsUrl, bindAccountUrl, historyUrl, topUpUrl } from '../../routes'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

async function confirmUnbind(account: UtilityAccountT): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title: '解绑户号', content: `确定解绑户号 ${account.accountNo}？解绑后需重新添加才能查询账单。`, confirmText: '解绑', cancelText: '取消' })
  return confirm
}

/** 生活缴费: the citizen's household accounts by kind (水费, 电费, 燃气费), each with its bills, top-up and history; 添加户号. */
export default function UtilitiesHomePage() {
  const pageClass = usePageClass('page utilities-home')
  const { service, name } = useRouteParams('service', 'name')
  useServiceUsage(service)
  const data = useRemote(async () => {
    const [me, accounts] = await Promise.all([getMe(), listAccounts(service)])
    return { me, accounts }
  }, [service])
  usePageReturn(data.reload)

  const openBind = (me: MeT) => openPage(me.identity ? bindAccountUrl(service) : identityUrl(bindAccountUrl(service)))
  const unbind = async (account: UtilityAccountT) => {
    if (!(await confirmUnbind(account))) return
    try {
      await unbindAccount(service, account.id)
      showNotice('已解绑')
      data.reload()
    } catch (error) {
      showNotice(errorMessage(error))
    }
  }

  const { state } = data
  return (
    <View className={pageClass} role="main">
      <PageTitle>{name || '生活缴费'}</PageTitle>
      <RemoteStatus remote={data} />
      {state.status === 'ready' && (
        <>
          {!state.data.me.identity && <Text className="subpage-notice">添加户号前需要先完成实名认证，点击「添加户号」即可开始。</Text>}
          {state.data.accounts.length === 0 && <EmptyView text="还没有添加户号，添加后可查询账单、在线缴费" />}
          {UTILITY_KIND_IDS.map((kind) => {
            const accounts = state.data.accounts.filter((a) => a.providerKind === kind)
            if (accounts.length === 0) return null
            return (
              <View key={kind} className="subpage-card card" role="region" aria-labelledby={`utilities-${kind}`}>
                <View id={`utilities-${kind}`} className="subpage-heading" role="heading" aria-level={2}>
                  {UTILITY_KINDS[kind].label}
                </View>
                <View role="list">
                  {accounts.map((account) => (
                    <AccountCard
                      key={account.id}
                      account={account}
                      onBills={() => openPage(billsUrl(service, account.id))}
                      onTopUp={() => openPage(topUpUrl(service, account.id))}
                      onHistory={() => openPage(historyUrl(service, account.id))}
                      onUnbind={() => void unbind(account)}
                    />
                  ))}
                </View>
              </View>
            )
          })}
          <View className="subpage-actions">
            <Pressable className="button button--primary utilities-home__bind" onPress={() => openBind(state.data.me)}>
              添加户号
            </Pressable>
          </View>
        </>
      )}
    </View>
  )
}
