/**
 * Decodes an upload and encodes it afresh, so nothing of the original file survives but its
 * pixels: EXIF (with GPS), XMP, IPTC, ICC and comments are gone, because sharp writes no metadata
 * unless told to. The EXIF orientation is applied to the pixels first so the photo stays upright.
 * JPEG, PNG and WebP keep their format; HEIF (HEIC or AVIF) becomes JPEG, which every browser shows.
 */
import type { Sharp } from 'sharp'
import sharp from 'sharp'
import { decodeHeic } from './heic.js'
import type { ImageFormat } from './sniff.js'

export type StoredMime = 'image/jpeg' | 'image/png' | 'image/webp'

export type EncodedImage = { bytes: Buffer; mime: StoredMime; width: number; height: number }

export type CleanedImage = EncodedImage & { thumbnail: EncodedImage }

/** Long side of the stored image and of its thumbnail, in pixels. */
export const MAX_IMAGE_SIDE = 4096
export const MAX_THUMBNAIL_SIDE = 320
/** Refuses decompression bombs; 100 MP still admits a 108 MP phone camera's full-size photo. */
export const MAX_INPUT_PIXELS = 100_000_000

/** The bytes looked like an image but do not decode into one. */
export class UnreadableImageError extends Error {
  constructor(cause: unknown) {
    super('the image does not decode', { cause })
    this.name = 'UnreadableImageError'
  }
}

const SHARP_FORMAT: Record<ImageFormat, string> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
  heic: 'heif',
}

export async function cleanImage(bytes: Buffer, format: ImageFormat): Promise<CleanedImage> {
  let image: Sharp
  try {
    image = await openImage(bytes, format)
  } catch (error) {
    throw new UnreadableImageError(error)
  }
  const fitted = image
    .rotate()
    .resize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, { fit: 'inside', withoutEnlargement: true })
  const cleaned = await encode(fitted, format).catch((error: unknown) => {
    throw new UnreadableImageError(error)
  })
  const thumbnail = await toEncoded(
    sharp(cleaned.bytes)
      .resize(MAX_THUMBNAIL_SIDE, MAX_THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 }),
    'image/webp',
  )
  return { ...cleaned, thumbnail }
}

async function openImage(bytes: Buffer, format: ImageFormat): Promise<Sharp> {
  if (format === 'heic') {
    const pixels = await decodeHeic(bytes, MAX_INPUT_PIXELS)
    return sharp(pixels.data, {
      raw: { width: pixels.width, height: pixels.height, channels: 4 },
    })
  }
  const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
  const metadata = await image.metadata()
  // sharp reads more than we accept (SVG, GIF, TIFF…): decode only what the bytes were sniffed as.
  if (metadata.format !== SHARP_FORMAT[format]) {
    throw new Error(`sniffed ${format}, sharp reads ${metadata.format}`)
  }
  return image
}

function encode(image: Sharp, format: ImageFormat): Promise<EncodedImage> {
  switch (format) {
    case 'png':
      return toEncoded(image.png(), 'image/png')
    case 'webp':
      return toEncoded(image.webp({ quality: 85 }), 'image/webp')
    default:
      return toEncoded(image.flatten({ background: '#ffffff' }).jpeg({ quality: 85 }), 'image/jpeg')
  }
}

async function toEncoded(image: Sharp, mime: StoredMime): Promise<EncodedImage> {
  const { data, info } = await image.toBuffer({ resolveWithObject: true })
  return { bytes: data, mime, width: info.width, height: info.height }
}

/**
 * `image` smoothly scaled to a `side`-pixel square on a white `margin`, as 8-bit grey samples: how
 * a camera sees a printed code (qr-image.ts checks that the app's decoder reads its symbols).
 */
export async function greySquare(
  image: Buffer,
  side: number,
  margin: number,
): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image)
    .flatten({ background: '#ffffff' })
    .resize(side, side, { kernel: 'lanczos3' })
    .extend({ top: margin, bottom: margin, left: margin, right: margin, background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}
