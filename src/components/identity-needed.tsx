import './identity-needed.scss'
import { View } from '@tarojs/components'
import { Pressable } from './pressable'
import { EmptyView } from './status-view'
import { openPage } from '../services/navigation'
import { identityUrl } from '../services/routes'

/** Real-name services: before 实名认证 the page says so and opens it on top (the page reloads on the way back). */
export function IdentityNeeded({ text }: { text: string }) {
  return (
    <View className="identity-needed">
      <EmptyView text={text} />
      <Pressable className="button button--primary" onPress={() => openPage(identityUrl())}>
        去认证
      </Pressable>
    </View>
  )
}
