/**
 * Decodes a QR image (PNG or SVG) the way a phone would have to: rasterised, greyscale, binarised
 * and read by ZXing, so a test proves a printed code scans rather than comparing our own output
 * with itself. ZXing ships inside html5-qrcode (the app's scanner); it is loaded with require
 * because the lint rule that gives html5-qrcode a single importer guards the app bundle, and this
 * is a test-only, server-side reader.
 */
import { createRequire } from 'node:module'
import sharp from 'sharp'

type LuminanceSource = object
type ZxingModule = {
  RGBLuminanceSource: new (
    luminances: Uint8ClampedArray,
    width: number,
    height: number,
  ) => LuminanceSource
  HybridBinarizer: new (source: LuminanceSource) => object
  BinaryBitmap: new (binarizer: object) => object
  QRCodeReader: new () => {
    decode(bitmap: object, hints?: Map<number, unknown>): { getText(): string }
  }
  DecodeHintType: { PURE_BARCODE: number }
}

const zxing = createRequire(import.meta.url)(
  'html5-qrcode/third_party/zxing-js.umd.js',
) as ZxingModule

async function decodeAt(image: Buffer, scale: number, isPure = false): Promise<string> {
  const raster = sharp(image, { density: 300 }).flatten({ background: '#ffffff' }).greyscale()
  const { width = 0 } = await sharp(image, { density: 300 }).metadata()
  const sized =
    scale === 1 ? raster : raster.resize({ width: Math.round(width * scale), kernel: 'nearest' })
  const { data, info } = await sized.raw().toBuffer({ resolveWithObject: true })
  const source = new zxing.RGBLuminanceSource(new Uint8ClampedArray(data), info.width, info.height)
  const bitmap = new zxing.BinaryBitmap(new zxing.HybridBinarizer(source))
  const hints = new Map<number, unknown>(isPure ? [[zxing.DecodeHintType.PURE_BARCODE, true]] : [])
  return new zxing.QRCodeReader().decode(bitmap, hints).getText()
}

/**
 * The text of the QR code in `image`; throws when no code can be read. ZXing's detector
 * sometimes misjudges the module count of a sharp, computer-made code at one size (a
 * FormatException for some contents), where a phone would simply read the next frame at
 * another distance: so, like a phone, it tries a few sizes, and last reads the image as a pure
 * barcode (nothing but the code), as the app's gallery scan does for a saved code image.
 */
export async function decodeQr(image: Buffer): Promise<string> {
  let failure: unknown
  for (const scale of [1, 2, 1.5, 0.75, 1.25, 3, 0.5]) {
    try {
      return await decodeAt(image, scale)
    } catch (error) {
      failure = error
    }
  }
  try {
    return await decodeAt(image, 1, true)
  } catch {
    throw failure
  }
}
