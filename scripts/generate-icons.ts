/**
 * Draws the app icon (three QR finder corners and a speech bubble with an exclamation mark: "scan
 * a code, voice a problem") and writes public/favicon.svg plus the PNGs the manifest and iOS use.
 * The maskable icon keeps the symbol inside the central 80 % circle, as the maskable spec asks.
 * Run `npx tsx scripts/generate-icons.ts` after changing the drawing; commit the outputs.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

const THEME = '#0a4a94'
const GOLD = '#ffc53d'
const WHITE = '#ffffff'
const SIZE = 512

function finder(x: number, y: number): string {
  const m = 30 / 7
  return [
    `<rect x="${x}" y="${y}" width="30" height="30" rx="5" fill="${WHITE}"/>`,
    `<rect x="${x + m}" y="${y + m}" width="${30 - 2 * m}" height="${30 - 2 * m}" rx="3" fill="${THEME}"/>`,
    `<rect x="${x + 2 * m}" y="${y + 2 * m}" width="${3 * m}" height="${3 * m}" rx="2" fill="${WHITE}"/>`,
  ].join('')
}

const dataModules = [
  [38, 2],
  [46, 10],
  [38, 18],
  [54, 2],
  [2, 38],
  [10, 46],
  [18, 38],
]
  .map(([x, y]) => `<rect x="${x}" y="${y}" width="6" height="6" rx="1" fill="${WHITE}"/>`)
  .join('')

const bubble = [
  `<path d="M54 44h38a8 8 0 0 1 8 8v28a8 8 0 0 1-8 8H66l-12 12V88a8 8 0 0 1-8-8V52a8 8 0 0 1 8-8z" fill="${GOLD}"/>`,
  `<rect x="69" y="50" width="8" height="22" rx="4" fill="${THEME}"/>`,
  `<circle cx="73" cy="80" r="4.5" fill="${THEME}"/>`,
].join('')

/** The symbol drawn in a 100 × 100 box, placed at `inset` pixels from each edge of the icon. */
function icon(inset: number, cornerRadius: number): string {
  const scale = (SIZE - 2 * inset) / 100
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">`,
    `<rect width="${SIZE}" height="${SIZE}" rx="${cornerRadius}" fill="${THEME}"/>`,
    `<g transform="translate(${inset} ${inset}) scale(${scale})">`,
    finder(0, 0),
    finder(70, 0),
    finder(0, 70),
    dataModules,
    bubble,
    '</g></svg>',
  ].join('')
}

const standard = icon(72, 96)
// Safe zone: a circle of radius 0.4 × 512 = 205 px; a centred square of side 290 fits inside it.
const fullBleed = icon(111, 0)

const out = (name: string) => fileURLToPath(new URL(`../public/${name}`, import.meta.url))

async function png(svg: string, size: number, name: string): Promise<void> {
  await sharp(Buffer.from(svg)).resize(size, size).png({ compressionLevel: 9 }).toFile(out(name))
  console.log(`wrote public/${name}`)
}

writeFileSync(out('favicon.svg'), `${standard}\n`)
await png(standard, 192, 'icon-192.png')
await png(standard, 512, 'icon-512.png')
await png(fullBleed, 512, 'icon-512-maskable.png')
// iOS rounds the corners itself and shows transparency as black, so it gets the full-bleed art.
await png(fullBleed, 180, 'apple-touch-icon.png')
