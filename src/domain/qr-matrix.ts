import qrcode from 'qrcode-generator'

/**
 * A QR code's modules: rows of columns, true for a dark module, without the
 * quiet zone. Level M (15 % of the code may be damaged or covered, e.g. by a
 * scratched screen or glare) and the smallest version that holds the text.
 */
export type QrMatrix = boolean[][]

/**
 * UTF-8 bytes as a string of char codes 0–255: the generator's byte mode
 * takes each char code's low byte, so Chinese text must be split into its
 * bytes first. Done by hand because TextEncoder is missing on some
 * mini-program runtimes.
 */
function utf8Binary(text: string): string {
  let out = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) out += String.fromCharCode(cp)
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f))
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    else out += String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
  }
  return out
}

/**
 * The modules of `text` encoded as a QR code (byte mode, UTF-8, level M):
 * a square of 21 + 4k modules for version k + 1. The same text always gives
 * the same matrix. Throws for text longer than a version-40 code holds
 * (2331 bytes at level M).
 */
export function qrMatrix(text: string): QrMatrix {
  const code = qrcode(0, 'M')
  code.addData(utf8Binary(text), 'Byte')
  code.make()
  const n = code.getModuleCount()
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => code.isDark(row, col)))
}
