/**
 * Recognises an upload by its bytes, never by its name or declared type. Besides the magic bytes
 * it walks the container far enough to see that the file is whole (JPEG segments up to an EOI,
 * PNG chunks up to IEND, the RIFF length, every top-level HEIF box), so a cut-off upload is
 * refused here rather than half-decoded. Whether the pixels decode is clean-image.ts's question.
 */

/** `heic` is HEVC-coded HEIF (decoded in WASM); `avif` is AV1-coded HEIF, which sharp decodes. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'heic' | 'avif'

const HEIC_BRANDS = ['heic', 'heix', 'hevc', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']
const AVIF_BRANDS = ['avif', 'avis']
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const ascii = (bytes: Uint8Array, at: number, length = 4) =>
  String.fromCharCode(...bytes.subarray(at, at + length))

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (isWholeJpeg(bytes)) return 'jpeg'
  if (isWholePng(bytes)) return 'png'
  if (isWholeWebp(bytes)) return 'webp'
  return heifFormat(bytes)
}

function isWholeJpeg(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return false
  const data = view(bytes)
  let at = 2
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return false
    const marker = bytes[at + 1]
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0xd9) return false // EOI before any scan: no image
    if (marker === 0x01 || (marker !== undefined && marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    if (at + 4 > bytes.length) return false
    const end = at + 2 + data.getUint16(at + 2)
    if (end > bytes.length) return false
    if (marker === 0xda) return hasEndOfImage(bytes, end)
    at = end
  }
  return false
}

function hasEndOfImage(bytes: Uint8Array, from: number): boolean {
  for (let at = bytes.indexOf(0xff, from); at !== -1; at = bytes.indexOf(0xff, at + 1)) {
    if (bytes[at + 1] === 0xd9) return true
  }
  return false
}

function isWholePng(bytes: Uint8Array): boolean {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return false
  if (ascii(bytes, 12) !== 'IHDR') return false
  const data = view(bytes)
  for (let at = 8; at + 12 <= bytes.length;) {
    const end = at + 12 + data.getUint32(at)
    if (end > bytes.length) return false
    if (ascii(bytes, at + 4) === 'IEND') return true
    at = end
  }
  return false
}

function isWholeWebp(bytes: Uint8Array): boolean {
  if (bytes.length < 20 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WEBP') return false
  if (view(bytes).getUint32(4, true) + 8 > bytes.length) return false
  return ['VP8 ', 'VP8L', 'VP8X'].includes(ascii(bytes, 12))
}

function heifFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length < 16 || ascii(bytes, 4) !== 'ftyp') return null
  const data = view(bytes)
  const ftypSize = data.getUint32(0)
  if (ftypSize < 16 || ftypSize > bytes.length || ftypSize % 4 !== 0) return null
  const major = ascii(bytes, 8)
  const compatible: string[] = []
  for (let at = 16; at + 4 <= ftypSize; at += 4) compatible.push(ascii(bytes, at))
  if (!areWholeBoxes(bytes)) return null
  if (AVIF_BRANDS.includes(major)) return 'avif'
  if (!HEIC_BRANDS.includes(major)) return null
  // Generic HEIF (`mif1`, `msf1`) also carries AV1: sharp decodes that, the HEVC decoder does not.
  const isAv1 =
    (major === 'mif1' || major === 'msf1') && compatible.some((b) => AVIF_BRANDS.includes(b))
  return isAv1 ? 'avif' : 'heic'
}

function areWholeBoxes(bytes: Uint8Array): boolean {
  const data = view(bytes)
  for (let at = 0; at < bytes.length;) {
    if (at + 8 > bytes.length) return false
    const size32 = data.getUint32(at)
    const size =
      size32 === 1 && at + 16 <= bytes.length
        ? Number(data.getBigUint64(at + 8))
        : size32 === 0
          ? bytes.length - at
          : size32
    if (size < 8 || at + size > bytes.length) return false
    at += size
  }
  return true
}
