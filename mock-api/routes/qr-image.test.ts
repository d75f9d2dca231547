// Window codes are drawn so that the app's own decoder (ZXing inside html5-qrcode) reads them at
// the sizes a phone camera sees a poster: the mask pattern `qrcode` picks is replaced when ZXing
// misses the symbol it draws.
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { CAMERA_SIDES_PX, qrPng, qrSvg, readsAtSide } from './qr-image.js'

// Found among random links: ZXing misses the symbol with qrcode's own mask at some camera sizes.
const LINK_MISSED = 'http://localhost:4173/q/2PFpl-0JyUVRDVtfcoR_6IBH27dqu2Xb9kQPPfVnv_quX7H_meU'

const sidesRead = async (png: Buffer, text: string) => {
  const read: number[] = []
  for (const side of CAMERA_SIDES_PX) if (await readsAtSide(png, side, text)) read.push(side)
  return read
}

describe('window code images', () => {
  it('replace a symbol the decoder misses with one it reads at every camera size', async () => {
    const asDrawn = await sidesRead(await qrPng(LINK_MISSED, { asQrcodeDraws: true }), LINK_MISSED)
    expect(asDrawn.length).toBeLessThan(CAMERA_SIDES_PX.length)
    expect(await sidesRead(await qrPng(LINK_MISSED), LINK_MISSED)).toEqual([...CAMERA_SIDES_PX])
  })

  it('draw the SVG with the same symbol as the PNG', async () => {
    const png = await qrPng(LINK_MISSED)
    const { width = 0 } = await sharp(png).metadata()
    const dark = async (image: Buffer) => {
      const { data } = await sharp(image, { density: 300 })
        .flatten({ background: '#ffffff' })
        .resize(width, width, { kernel: 'nearest' })
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true })
      return Array.from(data, (value) => value < 128)
    }
    const [fromPng, fromSvg, otherMask] = await Promise.all([
      dark(png),
      dark(Buffer.from(await qrSvg(LINK_MISSED))),
      dark(await qrPng(LINK_MISSED, { asQrcodeDraws: true })),
    ])
    const differing = (a: boolean[], b: boolean[]) =>
      a.filter((v, i) => v !== b[i]).length / a.length
    expect(differing(fromPng, fromSvg)).toBeLessThan(0.05)
    // A different mask changes the symbol far more than rasterising does.
    expect(differing(fromSvg, otherMask)).toBeGreaterThan(0.15)
  })

  it('are read at every camera size for random links', async () => {
    for (let i = 0; i < 8; i++) {
      const link = `http://localhost:4173/q/${randomBytes(45).toString('base64url').slice(0, 60)}`
      expect(await sidesRead(await qrPng(link), link), link).toEqual([...CAMERA_SIDES_PX])
    }
  }, 30_000)
})
