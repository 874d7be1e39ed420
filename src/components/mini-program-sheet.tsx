import { Text, View } from '@tarojs/components'
import { miniProgramScheme, type MiniProgramTarget } from '../domain/service-access'
import { Pressable } from './pressable'
import { QrCode } from './qr-code'
import './mini-program-sheet.scss'

export interface MiniProgramSheetProps {
  name: string
  /** The mini-program and its page, the city already in the path. */
  target: MiniProgramTarget
  onClose: () => void
}

/**
 * H5 only (WeChat opens the other mini-program itself): a sheet saying the
 * service is a WeChat mini-program, with a QR code to scan with WeChat and a
 * link that opens WeChat on this phone.
 */
export default function MiniProgramSheet({ name, target, onClose }: MiniProgramSheetProps) {
  const scheme = miniProgramScheme(target)
  return (
    <View className="mini-program-sheet" onClick={onClose}>
      <View
        className="mini-program-sheet__panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="mini-program-sheet-title"
        onClick={(e) => e.stopPropagation()}
      >
        <View id="mini-program-sheet-title" className="mini-program-sheet__title" role="heading" aria-level={2}>
          {name}
        </View>
        <Text className="mini-program-sheet__text">这项服务是微信小程序，请在微信中打开：用微信扫一扫下方二维码，或在手机上点「在微信中打开」。</Text>
        <QrCode className="mini-program-sheet__qr" text={scheme} label={`「${name}」小程序二维码`} />
        <View className="mini-program-sheet__actions">
          <a className="button button--primary mini-program-sheet__open" href={scheme}>
            在微信中打开
          </a>
          <Pressable className="button button--secondary mini-program-sheet__close" onPress={onClose}>
            关闭
          </Pressable>
        </View>
      </View>
    </View>
  )
}
