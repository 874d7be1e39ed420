import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// 01-product.md 消息: in WeChat a subscription message is asked for only from a tap the citizen made.
// WeChat itself refuses requestSubscribeMessage outside a tap; this keeps the app from even trying.

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return /\.tsx?$/.test(e.name) ? [path] : []
  })
}

const ASK = 'askForSubscriptionsOnTap'
const ALLOWED_FILE = join('src', 'services', 'subscription-request.ts')
/** JSX props that run on the citizen's tap (Pressable's onPress, FormFooter's onSubmit button, onClick). */
const TAP_PROPS = new Set(['onPress', 'onSubmit', 'onClick', 'onTap'])
/** A tap handler's name: on…Tap. */
const TAP_HANDLER = /^on[A-Z]\w*Tap$/

interface Site {
  file: string
  line: number
  why: string
}

function nameOf(node: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(node) && node.name) return node.name.text
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) return node.parent.name.text
  return undefined
}

/** Where a call to `callee` is not inside a tap: the innermost function around it must be an on…Tap handler or a tap prop's arrow. */
function callsOutsideTaps(file: string, text: string, callee: string): Site[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const sites: Site[] = []
  const handlers = new Set<string>()
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const expr = node.expression
      const name = ts.isIdentifier(expr) ? expr.text : ts.isPropertyAccessExpression(expr) ? expr.name.text : undefined
      if (name === callee) {
        let fn: ts.Node | undefined = node.parent
        while (fn && !ts.isFunctionLike(fn)) fn = fn.parent
        const handler = fn ? nameOf(fn) : undefined
        const tapProp = fn?.parent && ts.isJsxExpression(fn.parent) && ts.isJsxAttribute(fn.parent.parent) && TAP_PROPS.has(fn.parent.parent.name.getText())
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1
        if (handler && TAP_HANDLER.test(handler)) handlers.add(handler)
        else if (!tapProp) sites.push({ file, line, why: `${callee} outside an on…Tap handler or a tap prop (in ${handler ?? 'an anonymous function or the module'})` })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  // Each on…Tap handler that asks is used only as a tap prop's value, never called from elsewhere.
  const uses = (node: ts.Node) => {
    if (ts.isIdentifier(node) && handlers.has(node.text) && !ts.isVariableDeclaration(node.parent) && !ts.isFunctionDeclaration(node.parent)) {
      const inTapProp = ts.isJsxExpression(node.parent) && ts.isJsxAttribute(node.parent.parent) && TAP_PROPS.has(node.parent.parent.name.getText())
      if (!inTapProp) sites.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, why: `${node.text} used other than as a tap prop` })
    }
    ts.forEachChild(node, uses)
  }
  uses(source)
  return sites
}

describe('the WeChat subscription request comes only from a tap', () => {
  const files = sources('src').map((file) => ({ file, text: readFileSync(file, 'utf8') }))

  it('requestSubscribeMessage is called in one place only: askForSubscriptionsOnTap', () => {
    const callers = files.filter(({ text }) => /requestSubscribeMessage\s*\(/.test(text)).map(({ file }) => file)
    expect(callers).toEqual([ALLOWED_FILE])
    const outside = callsOutsideTaps(ALLOWED_FILE, readFileSync(ALLOWED_FILE, 'utf8'), 'requestSubscribeMessage')
    // The one call sits in askForSubscriptionsOnTap (reported as "outside a tap" by name: it is the gate itself).
    expect(outside.map((s) => s.why)).toEqual([`requestSubscribeMessage outside an on…Tap handler or a tap prop (in ${ASK})`])
  })

  it('every call of askForSubscriptionsOnTap is inside a tap handler used only as a tap prop', () => {
    const sites = files.filter(({ file }) => file !== ALLOWED_FILE).flatMap(({ file, text }) => callsOutsideTaps(file, text, ASK))
    expect(sites).toEqual([])
    // And it is actually asked somewhere: 立即缴款, 缴费, 确认预约 and 消息's switch.
    expect(files.filter(({ text }) => text.includes(`${ASK}(`)).length).toBeGreaterThanOrEqual(4)
  })

  it('the scan catches a call made on load, in an effect, or from a handler called elsewhere', () => {
    const bad = `
      import { askForSubscriptionsOnTap } from 'x'
      askForSubscriptionsOnTap(['payment'])
      export function Page() {
        useEffect(() => { askForSubscriptionsOnTap(['payment']) }, [])
        const onPayTap = () => { askForSubscriptionsOnTap(['payment']) }
        useEffect(() => onPayTap(), [])
        const ok = () => { askForSubscriptionsOnTap(['payment']) }
        return <Pressable onPress={() => askForSubscriptionsOnTap(['booking'])}>x</Pressable>
      }`
    const found = callsOutsideTaps('bad.tsx', bad, ASK)
    expect(found.map((s) => s.line)).toEqual([3, 5, 8, 7])
  })
})
