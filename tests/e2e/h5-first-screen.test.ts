import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const JS = 'dist-h5/js'

describe('the H5 build', () => {
  it('carries no code a browser does not need: Taro’s system-info API and the user-agent parser behind it (about 150 ms of a phone’s main thread at every launch) stay out', () => {
    const files = readdirSync(JS).filter((f) => f.endsWith('.js'))
    expect(files.length).toBeGreaterThan(3)
    for (const file of files) {
      // platform.js (bestiejs), which @tarojs/taro-h5's getSystemInfo imports and runs as it loads.
      expect(readFileSync(join(JS, file), 'utf8'), file).not.toContain('ScriptBridgingProxyObject')
    }
  })
})
