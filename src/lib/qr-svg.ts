import type * as QrCode from 'qrcode'

type QrCodeModule = typeof QrCode

/** A QR code as SVG markup; the `qrcode` library loads only when a code is shown. */
export async function qrSvg(text: string): Promise<string> {
  const loaded: QrCodeModule & { default?: QrCodeModule } = await import('qrcode')
  // A CommonJS package: its exports object is the default export once bundled.
  const qrcode = loaded.default ?? loaded
  return qrcode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}
