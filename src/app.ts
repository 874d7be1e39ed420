import type { PropsWithChildren } from 'react'
import './app.scss'

/** The app shell; each page renders itself, stores hydrate from device storage on import. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
