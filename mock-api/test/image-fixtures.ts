// Small images for the upload tests, made with sharp at run time (no binaries in the repo but one
// 986-byte HEIC), and readers that list what metadata a file carries, to prove it is gone.
import type { Sharp } from 'sharp'
import sharp from 'sharp'

/** GPS position as a phone writes it: Nanning, 22°48'N 108°22'E. */
const GPS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '22/1 48/1 0/1',
  GPSLongitudeRef: 'E',
  GPSLongitude: '108/1 22/1 0/1',
}
const CAMERA = { Make: 'GuishangTestCam', Model: 'GX-1', ImageDescription: 'secret shop' }
const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="22,48N"/></rdf:RDF></x:xmpmeta>'

export const RED = { r: 220, g: 30, b: 30 }
export const BLUE = { r: 30, g: 30, b: 220 }

/**
 * A genuine HEIC (HEVC, made by libheif 1.15's heif-enc with x265 from a sharp JPEG): 64x40, the
 * left half red and the right half blue, with EXIF carrying Make "GuishangTest" and a GPS position.
 */
export const HEIC_SAMPLE = Buffer.from(
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAeFtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAA' +
    'AA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAKAAAAExpbG9jAQAAAERAAAMAAQAAAAAAAAIFAAEAAAAAAAAAfQACAAEAAAAAAAAA' +
    'AQAAAAAAAAAIAAMAAAAAAAACggABAAAAAAAAAVgAAABNaWluZgAAAAAAAwAAABVpbmZlAgAAAQABAABodmMxAAAAABVpbmZlAgAA' +
    'AAACAABncmlkAAAAABVpbmZlAgAAAQADAABFeGlmAAAAANVpcHJwAAAAs2lwY28AAABzaHZjQwEDcAAAAAAAAAAAAB7wAPz9+PgA' +
    'AA8DIAABABhAAQwB//8DcAAAAwCQAAADAAADAB66AkAhAAEAJ0IBAQNwAAADAJAAAAMAAAMAHqAggQWW6uSmubAgAAADACAAAAMA' +
    'ISIAAQAGRAHBc8CJAAAAFGlzcGUAAAAAAAAAQAAAAEAAAAAUaXNwZQAAAAAAAABAAAAAKAAAABBwaXhpAAAAAAMICAgAAAAaaXBt' +
    'YQAAAAAAAAACAAECgQIAAgIDhAAAAChpcmVmAAAAAAAAAA5kaW1nAAIAAQABAAAADmNkc2MAAwABAAIAAAHdbWRhdAAAAHkoAa8J' +
    '4DkjJL//+QR///jEbkP4FGUKvf/1J6+kYF8ss0DzFYT6JofQ6GIfcD7QGJS/qY9Tz4hBjSjSAJTJLGCzB9ePcM4G80AlM1jWLJGH' +
    'ka7HH38b7OcVYjHMdGkryLhWSa+OM+ni/PTQlXU2Nr44z6eL5DSgvJcrAAAAAElJKgAIAAAACQAPAQIADQAAAJIAAAAQAQIABwAA' +
    'AIoAAAASAQMAAQAAAAEAAAAaAQUAAQAAAHoAAAAbAQUAAQAAAIIAAAAoAQMAAQAAAAIAAAATAgMAAQAAAAEAAABphwQAAQAAAKAA' +
    'AAAliAQAAQAAAO4AAAAAAAAAOGMAAOgDAAA4YwAA6AMAAEhFSUMtMQAAR3Vpc2hhbmdUZXN0AAAGAACQBwAEAAAAMDIxMAGRBwAE' +
    'AAAAAQIDAACgBwAEAAAAMDEwMAGgAwABAAAA//8AAAKgBAABAAAAQAAAAAOgBAABAAAAKAAAAAAAAAAEAAEAAgACAAAATgAAAAIA' +
    'BQADAAAAPAEAAAMAAgACAAAARQAAAAQABQADAAAAJAEAAAAAAABsAAAAAQAAABYAAAABAAAAAAAAAAEAAAAWAAAAAQAAADAAAAAB' +
    'AAAAAAAAAAEAAAA=',
  'base64',
)

type Colour = { r: number; g: number; b: number }

/** `width`x`height`, the left half red and the right half blue: rotations show in the pixels. */
export function twoColour(width: number, height: number): Sharp {
  const left = { create: { width: width / 2, height, channels: 3 as const, background: RED } }
  return sharp({ create: { width, height, channels: 3, background: BLUE } }).composite([
    { input: left, left: 0, top: 0 },
  ])
}

export async function plainJpeg(width = 64, height = 32): Promise<Buffer> {
  return sharp(await twoColour(width, height).png().toBuffer())
    .jpeg()
    .toBuffer()
}

/**
 * A phone photo's worth of metadata: EXIF (camera, GPS) with orientation 6 (stored sideways,
 * shown turned 90° clockwise), XMP with a GPS field, an IPTC (APP13) block and a comment (COM).
 */
export async function jpegWithEverything(width = 64, height = 32): Promise<Buffer> {
  const flat = await twoColour(width, height).png().toBuffer()
  const jpeg = await sharp(flat)
    .withExif({ IFD0: CAMERA, IFD3: GPS })
    .withMetadata({ orientation: 6 })
    .withXmp(XMP)
    .jpeg({ quality: 90 })
    .toBuffer()
  const iptc = segment(
    0xed,
    Buffer.from('Photoshop 3.0\0' + '8BIM\x04\x04\0\0\0\0\0\x05\x1c\x02\x05TA', 'latin1'),
  )
  const comment = segment(0xfe, Buffer.from('taken at the back door of 青秀小店', 'utf8'))
  return Buffer.concat([jpeg.subarray(0, 2), iptc, comment, jpeg.subarray(2)])
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([head, payload])
}

export async function pngWithExif(): Promise<Buffer> {
  return twoColour(16, 8).withExif({ IFD0: CAMERA, IFD3: GPS }).png().toBuffer()
}

export async function webpWithExif(): Promise<Buffer> {
  return twoColour(16, 8).withExif({ IFD0: CAMERA, IFD3: GPS }).withXmp(XMP).webp().toBuffer()
}

/** An AVIF whose major brand is the generic `mif1` (AV1 shows only among the compatible brands). */
export async function avifAsMif1(): Promise<Buffer> {
  const avif = await twoColour(32, 16).avif().toBuffer()
  const copy = Buffer.from(avif)
  copy.write('mif1', 8, 'latin1')
  return copy
}

export const solid = (colour: Colour) =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: colour } })

/** The markers before the first scan, e.g. ['APP0', 'APP1:Exif', 'DQT', …]. */
export function jpegSegments(bytes: Buffer): string[] {
  const names: string[] = []
  for (let at = 2; at + 4 <= bytes.length;) {
    const marker = bytes[at + 1] ?? 0
    const length = bytes.readUInt16BE(at + 2)
    const id = bytes
      .subarray(at + 4, at + 4 + 12)
      .toString('latin1')
      .split('\0')[0]
    if (marker >= 0xe0 && marker <= 0xef) names.push(`APP${marker - 0xe0}:${id}`)
    else names.push(marker === 0xfe ? 'COM' : marker === 0xda ? 'SOS' : `FF${marker.toString(16)}`)
    if (marker === 0xda) break
    at += 2 + length
  }
  return names
}

/** PNG chunk types in order. */
export function pngChunks(bytes: Buffer): string[] {
  const types: string[] = []
  for (let at = 8; at + 8 <= bytes.length; at += 12 + bytes.readUInt32BE(at)) {
    types.push(bytes.toString('latin1', at + 4, at + 8))
  }
  return types
}

/** WebP (RIFF) chunk ids in order. */
export function riffChunks(bytes: Buffer): string[] {
  const ids: string[] = []
  for (
    let at = 12;
    at + 8 <= bytes.length;
    at += 8 + bytes.readUInt32LE(at + 4) + (bytes.readUInt32LE(at + 4) % 2)
  ) {
    ids.push(bytes.toString('latin1', at, at + 4))
  }
  return ids
}

/** The tag ids in the GPS IFD of the first TIFF (EXIF) structure found in `bytes`; [] if none. */
export function gpsTags(bytes: Buffer): number[] {
  const start = [bytes.indexOf('II*\0', 0, 'latin1'), bytes.indexOf('MM\0*', 0, 'latin1')]
    .filter((at) => at >= 0)
    .sort((a, b) => a - b)[0]
  if (start === undefined) return []
  const tiff = bytes.subarray(start)
  const little = tiff[0] === 0x49
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const entries = (ifd: number) =>
    Array.from({ length: u16(ifd) }, (_, i) => ({
      tag: u16(ifd + 2 + i * 12),
      value: u32(ifd + 10 + i * 12),
    }))
  const gpsPointer = entries(u32(4)).find((entry) => entry.tag === 0x8825)
  return gpsPointer ? entries(gpsPointer.value).map((entry) => entry.tag) : []
}

/** The colour of one pixel of an encoded image. */
export async function pixelAt(bytes: Buffer, x: number, y: number): Promise<Colour> {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * 3
  return { r: data[at] ?? -1, g: data[at + 1] ?? -1, b: data[at + 2] ?? -1 }
}

/** Whether two colours are within `tolerance` per channel (lossy codecs shift them a little). */
export const isNear = (a: Colour, b: Colour, tolerance = 40) =>
  Math.abs(a.r - b.r) <= tolerance &&
  Math.abs(a.g - b.g) <= tolerance &&
  Math.abs(a.b - b.b) <= tolerance
