/**
 * The QR image of a window code's link, the only importer of `qrcode`. Error correction M survives
 * a creased or smudged poster; the 4-module quiet zone is what scanners need around the symbol; the
 * PNG uses whole pixels per module and is at least 600 px wide, so a printed A4 poster scans.
 */
import QRCode from 'qrcode'

export const QR_ERROR_CORRECTION = 'M'
export const QR_QUIET_ZONE = 4
export const QR_MIN_PNG_PX = 600

const options = { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_QUIET_ZONE } as const

/** Modules per side including the quiet zone. */
export function qrSideModules(text: string): number {
  return QRCode.create(text, options).modules.size + 2 * QR_QUIET_ZONE
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, type: 'svg' })
}

export function qrPng(text: string): Promise<Buffer> {
  const scale = Math.ceil(QR_MIN_PNG_PX / qrSideModules(text))
  return QRCode.toBuffer(text, { ...options, type: 'png', scale })
}
