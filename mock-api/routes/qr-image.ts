/**
 * The QR image of a window code's link, the only importer of `qrcode`. Error correction M survives
 * a creased or smudged poster; the 4-module quiet zone is what scanners need around the symbol; the
 * PNG uses whole pixels per module and is at least 600 px wide, so a printed A4 poster scans.
 *
 * The mask pattern is chosen so that the app's own decoder reads the code. ZXing (inside
 * html5-qrcode) misses some symbols whatever the camera does: with the mask `qrcode` picks, about 1
 * link in 75 was never read in 10 camera-like frames of different sizes, and about 1 frame in 10
 * failed (finder patterns found in the data, a wrong dimension, checksum errors). Each of the 8
 * masks draws a different symbol for the same link, so the first one that ZXing reads at six
 * camera-like sizes is used, PNG and SVG alike; the choice is remembered per link.
 */
import { createRequire } from 'node:module'
import QRCode from 'qrcode'
import { greySquare } from '../files/clean-image.js'

export const QR_ERROR_CORRECTION = 'M'
export const QR_QUIET_ZONE = 4
export const QR_MIN_PNG_PX = 600

type MaskPattern = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7
const MASKS: readonly MaskPattern[] = [0, 1, 2, 3, 4, 5, 6, 7]
const options = { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_QUIET_ZONE } as const

type Zxing = {
  RGBLuminanceSource: new (luminances: Uint8ClampedArray, width: number, height: number) => object
  HybridBinarizer: new (source: object) => object
  BinaryBitmap: new (binarizer: object) => object
  QRCodeReader: new () => {
    decode(bitmap: object, hints: Map<number, unknown>): { getText(): string }
  }
}
// The decoder the app scans with (html5-qrcode bundles it); loaded by path, server side only.
let zxing: Zxing | undefined
const loadZxing = () =>
  (zxing ??= createRequire(import.meta.url)('html5-qrcode/third_party/zxing-js.umd.js') as Zxing)

/** Sides in pixels at which a phone held at a poster sees the code, quiet zone included. */
export const CAMERA_SIDES_PX = [224, 256, 272, 288, 304, 336] as const

/** Modules per side including the quiet zone. */
export function qrSideModules(text: string): number {
  return QRCode.create(text, options).modules.size + 2 * QR_QUIET_ZONE
}

const pngScale = (text: string) => Math.ceil(QR_MIN_PNG_PX / qrSideModules(text))

/** Whether ZXing reads `png` back as `text` when it is `side` px wide, smoothly scaled. */
export async function readsAtSide(png: Buffer, side: number, text: string): Promise<boolean> {
  const { data, width, height } = await greySquare(png, side, 16)
  const z = loadZxing()
  const source = new z.RGBLuminanceSource(new Uint8ClampedArray(data), width, height)
  try {
    const read = new z.QRCodeReader().decode(
      new z.BinaryBitmap(new z.HybridBinarizer(source)),
      new Map(),
    )
    return read.getText() === text
  } catch {
    return false
  }
}

const masks = new Map<string, Promise<MaskPattern | undefined>>()
const MASK_MEMO_LIMIT = 1_000

async function chooseMask(text: string): Promise<MaskPattern | undefined> {
  const preferred = QRCode.create(text, options).maskPattern as MaskPattern
  for (const mask of [preferred, ...MASKS.filter((m) => m !== preferred)]) {
    const png = await QRCode.toBuffer(text, {
      ...options,
      type: 'png',
      scale: pngScale(text),
      maskPattern: mask,
    })
    let readable = true
    for (const side of CAMERA_SIDES_PX) readable &&= await readsAtSide(png, side, text)
    if (readable) return mask
  }
  // None read everywhere (never seen): keep the library's choice.
  return undefined
}

/** The mask pattern the app's decoder reads for `text`; undefined leaves it to `qrcode`. */
export function readableMask(text: string): Promise<MaskPattern | undefined> {
  let mask = masks.get(text)
  if (!mask) {
    if (masks.size >= MASK_MEMO_LIMIT) masks.clear()
    mask = chooseMask(text)
    masks.set(text, mask)
  }
  return mask
}

const maskOption = (mask: MaskPattern | undefined) =>
  mask === undefined ? {} : { maskPattern: mask }

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, ...maskOption(await readableMask(text)), type: 'svg' })
}

/**
 * The code as a PNG. `asQrcodeDraws` keeps the mask `qrcode` picks (tests of the decoder's
 * fallbacks need a symbol ZXing's finder search misses).
 */
export async function qrPng(text: string, { asQrcodeDraws = false } = {}): Promise<Buffer> {
  const mask = asQrcodeDraws ? undefined : await readableMask(text)
  return QRCode.toBuffer(text, {
    ...options,
    ...maskOption(mask),
    type: 'png',
    scale: pngScale(text),
  })
}
