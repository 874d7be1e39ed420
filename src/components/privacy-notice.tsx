import { Button, Text, View } from '@tarojs/components'
import { PRIVACY_AGREE_BUTTON_ID } from '../services/wechat-privacy'
import { Pressable } from './pressable'

export interface PrivacyNoticeProps {
  onAgree: () => void
  onRefuse: () => void
  onReadPolicy: () => void
}

/**
 * The PIPL notice shown before anything is collected: what is collected and
 * why, with 同意 and 不同意. Refusing keeps every service usable. In WeChat
 * 同意 is an agreePrivacyAuthorization button, so this notice is also
 * WeChat's privacy consent and WeChat shows no prompt of its own.
 */
export function PrivacyNotice({ onAgree, onRefuse, onReadPolicy }: PrivacyNoticeProps) {
  return (
    <View className="privacy-notice">
      <View
        className="privacy-notice__dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="privacy-notice-title"
        aria-describedby="privacy-notice-body"
      >
        <View id="privacy-notice-title" className="privacy-notice__title" role="heading" aria-level={2}>
          个人信息保护提示
        </View>
        <View id="privacy-notice-body" className="privacy-notice__body">
          <Text className="privacy-notice__lead">使用 OneCity 城市服务前，请了解我们会处理哪些信息：</Text>
          <View className="privacy-notice__item">
            <Text className="privacy-notice__item-title">位置信息</Text>
            <Text className="privacy-notice__item-text">
              仅在你同意后获取一次，用来选出离你最近的城市。位置只用于这次查找，不会保存在服务器上。
            </Text>
          </View>
          <View className="privacy-notice__item">
            <Text className="privacy-notice__item-title">匿名使用统计</Text>
            <Text className="privacy-notice__item-text">
              记录服务的访问次数、成功与失败，用于改进各城市的服务。统计不含任何可识别你的标识，你可以随时在「我的 › 隐私与统计」中关闭。
            </Text>
          </View>
          <Text className="privacy-notice__lead">不同意也可以手动选择城市，正常使用全部服务。</Text>
        </View>
        <Pressable className="privacy-notice__link" onPress={onReadPolicy}>
          阅读完整的《隐私政策》
        </Pressable>
        <View className="privacy-notice__actions">
          <Pressable className="button button--secondary privacy-notice__refuse" onPress={onRefuse}>
            不同意
          </Pressable>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button
              id={PRIVACY_AGREE_BUTTON_ID}
              className="button button--primary privacy-notice__agree"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={onAgree}
            >
              同意
            </Button>
          ) : (
            <Pressable id={PRIVACY_AGREE_BUTTON_ID} className="button button--primary privacy-notice__agree" onPress={onAgree}>
              同意
            </Pressable>
          )}
        </View>
      </View>
    </View>
  )
}
