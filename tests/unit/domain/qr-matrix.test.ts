import { describe, expect, it } from 'vitest'
import { qrMatrix } from '../../../src/domain/qr-matrix'

const PAYLOAD = 'OCSSC1:Xq3v9s0kLr2mNw8pYt6uBc4dEf7gHj1a'

/** The 7×7 finder pattern with its top-left corner at (row, col): dark ring, light ring, dark 3×3 core. */
function expectFinder(m: boolean[][], row: number, col: number) {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3))
      expect(m[row + r]![col + c], `module ${row + r},${col + c}`).toBe(ring !== 2)
    }
  }
}

/** The one-module light separator around a finder, on the sides facing the symbol. */
function expectSeparator(m: boolean[][], cells: [number, number][]) {
  for (const [r, c] of cells) expect(m[r]![c], `separator ${r},${c}`).toBe(false)
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

// The 15-bit BCH(15,5) code of the format information (ISO/IEC 18004, annex C).
function bchFormat(data: number): number {
  let d = data << 10
  for (let bit = 14; bit >= 10; bit--) if (d & (1 << bit)) d ^= 0x537 << (bit - 10)
  return (data << 10) | d
}

describe('qrMatrix', () => {
  it('is a square of 21 + 4k modules', () => {
    for (const text of ['1', PAYLOAD, 'x'.repeat(200), '电子社保卡 张伟']) {
      const m = qrMatrix(text)
      expect((m.length - 21) % 4).toBe(0)
      expect(m.length).toBeGreaterThanOrEqual(21)
      for (const row of m) expect(row).toHaveLength(m.length)
    }
  })

  it('uses the smallest version that holds the text at level M', () => {
    // Version 1-M holds 14 bytes, version 3-M 42 bytes.
    expect(qrMatrix('a'.repeat(14))).toHaveLength(21)
    expect(qrMatrix('a'.repeat(15))).toHaveLength(25)
    expect(qrMatrix(PAYLOAD)).toHaveLength(29)
  })

  it('has the three finder patterns in their corners, with their separators', () => {
    const m = qrMatrix(PAYLOAD)
    const n = m.length
    expectFinder(m, 0, 0)
    expectFinder(m, 0, n - 7)
    expectFinder(m, n - 7, 0)
    expectSeparator(m, [...range(8).map((i): [number, number] => [7, i]), ...range(8).map((i): [number, number] => [i, 7])])
    expectSeparator(m, [...range(8).map((i): [number, number] => [7, n - 1 - i]), ...range(8).map((i): [number, number] => [i, n - 8])])
    expectSeparator(m, [...range(8).map((i): [number, number] => [n - 8, i]), ...range(8).map((i): [number, number] => [n - 1 - i, 7])])
  })

  it('has alternating timing patterns between the finders', () => {
    const m = qrMatrix(PAYLOAD)
    for (let i = 8; i < m.length - 8; i++) {
      expect(m[6]![i]).toBe(i % 2 === 0)
      expect(m[i]![6]).toBe(i % 2 === 0)
    }
  })

  it('says level M in both copies of its format information', () => {
    const m = qrMatrix(PAYLOAD)
    const n = m.length
    // Copy 1 around the top-left finder, most significant bit first.
    const first = [
      ...[0, 1, 2, 3, 4, 5, 7, 8].map((c) => m[8]![c]!),
      ...[7, 5, 4, 3, 2, 1, 0].map((r) => m[r]![8]!),
    ]
    // Copy 2 split between the bottom-left and the top-right finders.
    const second = [...range(7).map((i) => m[n - 1 - i]![8]!), ...range(8).map((i) => m[8]![n - 8 + i]!)]
    const word = (bits: boolean[]) => bits.reduce((acc, b) => (acc << 1) | (b ? 1 : 0), 0) ^ 0b101010000010010
    expect(word(first)).toBe(word(second))
    const format = word(first)
    expect(bchFormat(format >> 10)).toBe(format)
    expect(format >> 13).toBe(0b00) // error correction level M
    // The dark module beside the bottom-left finder.
    expect(m[n - 8]![8]).toBe(true)
  })

  it('gives the same matrix for the same text and a different one for other text', () => {
    expect(qrMatrix(PAYLOAD)).toEqual(qrMatrix(PAYLOAD))
    expect(qrMatrix(PAYLOAD)).not.toEqual(qrMatrix(PAYLOAD.replace('X', 'Y')))
  })

  it('encodes Chinese text as UTF-8 bytes (a 3-byte character takes three bytes of capacity)', () => {
    // 4 characters = 12 bytes fit version 1-M (14 bytes); 5 = 15 bytes do not.
    expect(qrMatrix('社保服务')).toHaveLength(21)
    expect(qrMatrix('电子社保卡')).toHaveLength(25)
  })

  it('refuses text longer than any QR code holds', () => {
    expect(() => qrMatrix('a'.repeat(3000))).toThrow()
  })
})
