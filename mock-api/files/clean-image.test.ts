import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  BLUE,
  HEIC_SAMPLE,
  RED,
  avifAsMif1,
  gpsTags,
  isNear,
  jpegSegments,
  jpegWithEverything,
  pixelAt,
  pngChunks,
  pngWithExif,
  riffChunks,
  twoColour,
  webpWithExif,
} from '../test/image-fixtures.js'
import { MAX_IMAGE_SIDE, UnreadableImageError, cleanImage } from './clean-image.js'
import { sniffImage } from './sniff.js'

const EXIF_MARKER = Buffer.from('Exif\0\0', 'latin1')
const GPS_LATITUDE = 2

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A PNG header claiming `width`x`height` RGB, with a few rows of data. */
function pngDeclaring(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(4 * (1 + width * 3)))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

const clean = (bytes: Buffer) => {
  const format = sniffImage(bytes)
  if (format === null) throw new Error('fixture not recognised')
  return cleanImage(bytes, format)
}

describe('cleanImage', () => {
  it('drops EXIF with GPS, XMP, IPTC and comments from a JPEG', async () => {
    const input = await jpegWithEverything()
    const before = await sharp(input).metadata()
    expect(before.exif && gpsTags(before.exif)).toContain(GPS_LATITUDE)
    expect(before.xmp).toBeDefined()
    expect(jpegSegments(input)).toEqual(
      expect.arrayContaining(['APP1:Exif', 'APP1:http://ns.ad', 'APP13:Photoshop 3.', 'COM']),
    )

    const cleaned = await clean(input)

    expect(cleaned.mime).toBe('image/jpeg')
    const after = await sharp(cleaned.bytes).metadata()
    expect(after.format).toBe('jpeg')
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.iptc).toBeUndefined()
    expect(cleaned.bytes.includes(EXIF_MARKER)).toBe(false)
    expect(gpsTags(cleaned.bytes)).toEqual([])
    expect(cleaned.bytes.includes(Buffer.from('青秀小店'))).toBe(false)
    const kept = jpegSegments(cleaned.bytes).filter((s) => /^(APP|COM)/.test(s))
    expect(kept.every((s) => s.startsWith('APP0:JFIF'))).toBe(true)
  })

  it('turns orientation 6 into pixels: dimensions swap and red ends up on top', async () => {
    const input = await jpegWithEverything(64, 32)
    expect((await sharp(input).metadata()).orientation).toBe(6)

    const cleaned = await clean(input)

    expect([cleaned.width, cleaned.height]).toEqual([32, 64])
    expect((await sharp(cleaned.bytes).metadata()).orientation).toBeUndefined()
    expect(isNear(await pixelAt(cleaned.bytes, 16, 8), RED)).toBe(true)
    expect(isNear(await pixelAt(cleaned.bytes, 16, 56), BLUE)).toBe(true)
  })

  it('keeps PNG and WebP as such, without their EXIF or XMP chunks', async () => {
    const png = await pngWithExif()
    expect(pngChunks(png)).toContain('eXIf')
    const cleanedPng = await clean(png)
    expect(cleanedPng.mime).toBe('image/png')
    expect(pngChunks(cleanedPng.bytes)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(eXIf|tEXt|iTXt|zTXt)$/)]),
    )

    const webp = await webpWithExif()
    expect(riffChunks(webp)).toEqual(expect.arrayContaining(['EXIF', 'XMP ']))
    const cleanedWebp = await clean(webp)
    expect(cleanedWebp.mime).toBe('image/webp')
    expect(riffChunks(cleanedWebp.bytes)).not.toContain('EXIF')
    expect(riffChunks(cleanedWebp.bytes)).not.toContain('XMP ')
  })

  it('converts a genuine HEIC to JPEG with the right pixels and no EXIF', async () => {
    expect(gpsTags(HEIC_SAMPLE)).toContain(GPS_LATITUDE)

    const cleaned = await clean(HEIC_SAMPLE)

    expect(cleaned.mime).toBe('image/jpeg')
    expect([cleaned.width, cleaned.height]).toEqual([64, 40])
    expect((await sharp(cleaned.bytes).metadata()).exif).toBeUndefined()
    expect(gpsTags(cleaned.bytes)).toEqual([])
    expect(isNear(await pixelAt(cleaned.bytes, 8, 20), RED)).toBe(true)
    expect(isNear(await pixelAt(cleaned.bytes, 56, 20), BLUE)).toBe(true)
  })

  it('decodes HEVC brands heic-decode does not open itself, and goes on after a bad file', async () => {
    const heis = Buffer.from(HEIC_SAMPLE)
    heis.write('heis', 8, 'latin1')
    const broken = Buffer.from(HEIC_SAMPLE)
    broken.fill(0, broken.indexOf('mdat', 0, 'latin1') + 4)

    const results = await Promise.allSettled([clean(heis), clean(broken), clean(HEIC_SAMPLE)])

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const [first, , third] = results
    expect(first.status === 'fulfilled' && [first.value.width, first.value.height]).toEqual([
      64, 40,
    ])
    expect(third.status === 'fulfilled' && third.value.mime).toBe('image/jpeg')
  })

  it('decodes an AVIF that calls itself mif1 through sharp, to JPEG', async () => {
    const cleaned = await clean(await avifAsMif1())
    expect(cleaned.mime).toBe('image/jpeg')
    expect([cleaned.width, cleaned.height]).toEqual([32, 16])
  })

  it('caps the long side at 4096 px and makes a WebP thumbnail of at most 320 px', async () => {
    const wide = await twoColour(5000, 1000).jpeg().toBuffer()
    const cleaned = await clean(wide)
    expect([cleaned.width, cleaned.height]).toEqual([MAX_IMAGE_SIDE, 819])
    expect(cleaned.thumbnail.mime).toBe('image/webp')
    expect([cleaned.thumbnail.width, cleaned.thumbnail.height]).toEqual([320, 64])
    const thumbnail = await sharp(cleaned.thumbnail.bytes).metadata()
    expect([thumbnail.format, thumbnail.width, thumbnail.height]).toEqual(['webp', 320, 64])
  })

  it('never enlarges a small image or its thumbnail', async () => {
    const cleaned = await clean(await twoColour(64, 32).png().toBuffer())
    expect([cleaned.width, cleaned.height]).toEqual([64, 32])
    expect([cleaned.thumbnail.width, cleaned.thumbnail.height]).toEqual([64, 32])
  })

  it('refuses bytes that look whole but do not decode', async () => {
    const jpeg = await twoColour(64, 32).jpeg().toBuffer()
    const noHuffman = Buffer.from(jpeg)
    const sof = noHuffman.indexOf(Buffer.from([0xff, 0xc0]))
    noHuffman.writeUInt16BE(0, sof + 5) // height 0
    expect(sniffImage(noHuffman)).toBe('jpeg')
    await expect(cleanImage(noHuffman, 'jpeg')).rejects.toBeInstanceOf(UnreadableImageError)

    const heic = Buffer.from(HEIC_SAMPLE)
    const mdat = heic.indexOf('mdat', 0, 'latin1')
    heic.fill(0, mdat + 4, mdat + 130)
    expect(sniffImage(heic)).toBe('heic')
    await expect(cleanImage(heic, 'heic')).rejects.toBeInstanceOf(UnreadableImageError)
  })

  it('refuses to decode a GIF that was claimed to be a JPEG', async () => {
    const gif = await twoColour(8, 8).gif().toBuffer()
    await expect(cleanImage(gif, 'jpeg')).rejects.toBeInstanceOf(UnreadableImageError)
  })

  it('refuses a decompression bomb (120 MP declared in 100 bytes) before decoding it', async () => {
    const bomb = pngDeclaring(12_000, 10_000)
    expect(sniffImage(bomb)).toBe('png')
    const error: unknown = await cleanImage(bomb, 'png').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnreadableImageError)
    expect(String((error as Error).cause)).toMatch(/pixel limit/)
  })
})
