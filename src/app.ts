import type { PropsWithChildren } from 'react'
import { useCareRootClass } from './hooks/use-care-mode'
import './app.scss'

/** The app shell; each page renders itself, stores hydrate from device storage on import. */
function App({ children }: PropsWithChildren) {
  useCareRootClass()
  return children
}

export default App
