import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrMatrix } from '../domain/qr-matrix'
import { moduleRuns } from '../domain/qr-runs'
import './qr-code.scss'

// Light modules around the code that scanners need to find it (ISO/IEC 18004 asks for 4).
const QUIET = 4

export interface QrCodeProps {
  /** What the code says; a credential on some pages, so it is never stored. */
  text: string
  /** What the image is, for screen readers, e.g. 电子社保卡二维码. */
  label: string
  className?: string
}

/**
 * A QR code drawn with views rather than a canvas, so the mini-program and
 * H5 show exactly the same thing and tests can read it: one view per row,
 * each row a flex line of same-colour runs whose widths are their module
 * counts. Rows are kept square by a bottom padding in percent of the width,
 * so the code scales with the width its parent gives it.
 */
export function QrCode({ text, label, className }: QrCodeProps) {
  const rows = useMemo(() => qrMatrix(text).map((row) => moduleRuns(row, QUIET)), [text])
  const size = rows.length + 2 * QUIET
  const rowStyle = { paddingBottom: `${100 / size}%` }
  const quietStyle = { paddingBottom: `${(100 * QUIET) / size}%` }
  return (
    <View className={className ? `qr-code ${className}` : 'qr-code'} role="img" aria-label={label}>
      <View className="qr-code__quiet" style={quietStyle} />
      {rows.map((runs, r) => (
        <View key={r} className="qr-code__row" style={rowStyle}>
          <View className="qr-code__runs">
            {runs.map((run, i) => (
              <View key={i} className={run.dark ? 'qr-code__run qr-code__run--dark' : 'qr-code__run'} style={{ flexGrow: run.length }} />
            ))}
          </View>
        </View>
      ))}
      <View className="qr-code__quiet" style={quietStyle} />
    </View>
  )
}
