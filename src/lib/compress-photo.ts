/**
 * Photos are shrunk on the phone before they are stored or sent: a JPEG at quality 0.8 whose long
 * side is at most 1600 px (about 200-400 KB instead of 3-8 MB over a weak signal). Drawing through
 * a canvas re-encodes the pixels only, so EXIF (GPS position, phone model, time) is dropped; the
 * orientation EXIF carried is applied first, so the photo stays upright.
 */
export const PHOTO_MAX_SIDE = 1600
export const PHOTO_QUALITY = 0.8
export const PHOTO_MIME = 'image/jpeg'

export type CompressedPhoto = { blob: Blob; width: number; height: number }

/** The size that fits within `maxSide` on the long side, keeping the aspect; never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  maxSide: number = PHOTO_MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  }
}

type Source = { image: CanvasImageSource; width: number; height: number; close(): void }

// createImageBitmap with `imageOrientation: 'from-image'` applies EXIF rotation. Safari before 17
// cannot decode some formats (HEIC) that way, but an <img> can, and it also honours orientation.
async function decode(file: Blob): Promise<Source> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
    return {
      image: bitmap,
      width: bitmap.width,
      height: bitmap.height,
      close: () => bitmap.close(),
    }
  } catch {
    const url = URL.createObjectURL(file)
    const image = new Image()
    image.src = url
    try {
      await image.decode()
    } catch (error) {
      URL.revokeObjectURL(url)
      throw error
    }
    const close = () => URL.revokeObjectURL(url)
    return { image, width: image.naturalWidth, height: image.naturalHeight, close }
  }
}

function encode(image: CanvasImageSource, width: number, height: number): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2D canvas')
  context.drawImage(image, 0, 0, width, height)
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the photo could not be encoded'))),
      PHOTO_MIME,
      PHOTO_QUALITY,
    ),
  )
}

/** Decodes, scales and re-encodes a photo; rejects when the browser cannot read it. */
export async function compressPhoto(file: Blob): Promise<CompressedPhoto> {
  const source = await decode(file)
  try {
    const size = fitWithin(source.width, source.height)
    return { blob: await encode(source.image, size.width, size.height), ...size }
  } finally {
    source.close()
  }
}
