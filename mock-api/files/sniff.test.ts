import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { HEIC_SAMPLE, avifAsMif1, plainJpeg, solid, twoColour } from '../test/image-fixtures.js'
import { sniffImage } from './sniff.js'

const withMajorBrand = (bytes: Buffer, brand: string) => {
  const copy = Buffer.from(bytes)
  copy.write(brand, 8, 'latin1')
  return copy
}

const box = (type: string, payload: Buffer) => {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + payload.length)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, payload])
}

/** An ISO-BMFF file: ftyp with the brands, then a meta box. */
const isoFile = (major: string, compatible: readonly string[]) =>
  Buffer.concat([
    box('ftyp', Buffer.from(major + '\0\0\0\0' + compatible.join(''), 'latin1')),
    box('meta', Buffer.alloc(24)),
  ])

describe('sniffImage recognises', () => {
  it('JPEG, PNG and WebP by their bytes', async () => {
    expect(sniffImage(await plainJpeg())).toBe('jpeg')
    expect(sniffImage(await solid({ r: 1, g: 2, b: 3 }).png().toBuffer())).toBe('png')
    expect(sniffImage(await solid({ r: 1, g: 2, b: 3 }).webp().toBuffer())).toBe('webp')
    expect(sniffImage(await solid({ r: 1, g: 2, b: 3 }).webp({ lossless: true }).toBuffer())).toBe(
      'webp',
    )
  })

  it('a progressive JPEG and one with EXIF before the scan', async () => {
    const progressive = await twoColour(64, 32).jpeg({ progressive: true }).toBuffer()
    const withExif = await twoColour(64, 32)
      .withExif({ IFD0: { Make: 'X' } })
      .jpeg()
      .toBuffer()
    expect(sniffImage(progressive)).toBe('jpeg')
    expect(sniffImage(withExif)).toBe('jpeg')
  })

  it('a genuine HEIC, and every HEVC brand of HEIF', () => {
    expect(sniffImage(HEIC_SAMPLE)).toBe('heic')
    for (const brand of ['heic', 'heix', 'hevc', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']) {
      expect(sniffImage(withMajorBrand(HEIC_SAMPLE, brand)), brand).toBe('heic')
      expect(sniffImage(isoFile(brand, ['mif1', 'heic'])), brand).toBe('heic')
    }
  })

  it('AVIF, also when its major brand is the generic mif1', async () => {
    expect(sniffImage(await twoColour(32, 16).avif().toBuffer())).toBe('avif')
    expect(sniffImage(await avifAsMif1())).toBe('avif')
    expect(sniffImage(isoFile('mif1', ['avif', 'mif1', 'miaf']))).toBe('avif')
  })
})

describe('sniffImage refuses', () => {
  const script = Buffer.from('<script>fetch("/api/tickets").then(r => r.text())</script>\n')

  it('a script, whatever its name says, also behind JPEG magic bytes', () => {
    expect(sniffImage(script)).toBeNull()
    expect(sniffImage(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), script]))).toBeNull()
    expect(sniffImage(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBeNull()
  })

  it('SVG, GIF, PDF, TIFF and MP4/QuickTime video', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(1)</script></svg>'
    expect(sniffImage(Buffer.from(svg))).toBeNull()
    expect(sniffImage(Buffer.from('<?xml version="1.0"?>' + svg))).toBeNull()
    expect(sniffImage(await solid({ r: 9, g: 9, b: 9 }).gif().toBuffer())).toBeNull()
    expect(sniffImage(await solid({ r: 9, g: 9, b: 9 }).tiff().toBuffer())).toBeNull()
    expect(
      sniffImage(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')),
    ).toBeNull()
    expect(sniffImage(isoFile('isom', ['isom', 'mp41']))).toBeNull()
    expect(sniffImage(isoFile('qt  ', ['qt  ']))).toBeNull()
  })

  it('empty and tiny files', () => {
    expect(sniffImage(Buffer.alloc(0))).toBeNull()
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull()
    expect(sniffImage(Buffer.from('RIFF'))).toBeNull()
  })

  it('each format cut off part-way (a truncated upload)', async () => {
    const whole = [
      await plainJpeg(),
      await twoColour(64, 32).png().toBuffer(),
      await twoColour(64, 32).webp().toBuffer(),
      await twoColour(64, 32).avif().toBuffer(),
      HEIC_SAMPLE,
    ]
    for (const bytes of whole) {
      expect(sniffImage(bytes)).not.toBeNull()
      for (const fraction of [0.1, 0.5, 0.95]) {
        const cut = bytes.subarray(0, Math.floor(bytes.length * fraction))
        expect(sniffImage(cut), `${sniffImage(bytes)} at ${fraction}`).toBeNull()
      }
    }
  })

  it('a RIFF that is not WebP (WAV) and a PNG signature without IHDR', async () => {
    const wav = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from([36, 0, 0, 0]),
      Buffer.from('WAVEfmt '),
    ])
    expect(sniffImage(Buffer.concat([wav, Buffer.alloc(32)]))).toBeNull()
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    const broken = Buffer.from(png)
    broken.write('XXXX', 12, 'latin1')
    expect(sniffImage(broken)).toBeNull()
  })
})
