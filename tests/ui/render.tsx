import { act, type ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'

/** A page rendered into jsdom, with small helpers that act like a user. */
export interface Rendered {
  container: HTMLElement
  unmount: () => void
  /** Elements matching the selector whose trimmed text is exactly `text`. */
  getByText: (text: string, selector?: string) => HTMLElement
  queryByText: (text: string, selector?: string) => HTMLElement | null
  click: (el: Element) => Promise<void>
  type: (input: HTMLInputElement, value: string) => Promise<void>
}

export async function render(ui: ReactElement): Promise<Rendered> {
  const container = document.createElement('div')
  document.body.appendChild(container)
  let root: Root | undefined
  await act(async () => {
    root = createRoot(container)
    root.render(ui)
  })
  const queryByText = (text: string, selector = '*') =>
    [...container.querySelectorAll<HTMLElement>(selector)].reverse().find((el) => el.textContent?.trim() === text) ?? null
  return {
    container,
    unmount: () => {
      act(() => root?.unmount())
      container.remove()
    },
    queryByText,
    getByText: (text, selector) => {
      const el = queryByText(text, selector)
      if (!el) throw new Error(`no element with text "${text}"`)
      return el
    },
    click: async (el) => {
      await act(async () => {
        el.dispatchEvent(new MouseEvent('click', { bubbles: true }))
      })
    },
    type: async (input, value) => {
      await act(async () => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value)
        input.dispatchEvent(new Event('input', { bubbles: true }))
      })
    },
  }
}

/** Lets pending promises and the effects they trigger run. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}
