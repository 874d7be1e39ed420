import type { PropsWithChildren } from 'react'
import { useCareRootClass } from './hooks/use-care-mode'
import { listenForWechatPrivacyRequests } from './services/wechat-privacy'
import './app.scss'

// Registered at launch, before any page calls a private API: WeChat's privacy requests open the app's notice.
if (process.env.TARO_ENV === 'weapp') listenForWechatPrivacyRequests()

/** The app shell; each page renders itself, stores hydrate from device storage on import. */
function App({ children }: PropsWithChildren) {
  useCareRootClass()
  return children
}

export default App
