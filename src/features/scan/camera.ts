/**
 * The camera and image decoding, through html5-qrcode: this module is the library's only
 * importer, and it imports it on first use, so the ~100 KB decoder arrives with the scan screen
 * and never with the first screen.
 */
import type * as Html5QrcodeModule from 'html5-qrcode'
import type { Html5Qrcode } from 'html5-qrcode'

export type CameraSession = {
  /** Whether the running camera has a torch the page may switch (many phones, no laptops). */
  hasTorch: boolean
  setTorch(isOn: boolean): Promise<void>
  stop(): Promise<void>
}

// A poster seen through the back camera is never mirrored: without `disableFlip`, every frame
// that holds no code is decoded a second time, flipped, which doubles the work while aiming.
const SCAN_CONFIG = {
  fps: 10,
  qrbox: { width: 240, height: 240 },
  aspectRatio: 1,
  disableFlip: true,
}

let library: Promise<typeof Html5QrcodeModule> | null = null
const loadLibrary = () => (library ??= import('html5-qrcode'))

let nextElementId = 0

/** A child of `host` with an id of its own: html5-qrcode finds its element by id. */
function attachElement(host: HTMLElement, className: string): HTMLElement {
  const element = document.createElement('div')
  element.id = `gs-qr-${(nextElementId += 1)}`
  element.className = className
  host.append(element)
  return element
}

// QR only: the decoder tries every format it is given on every frame.
async function createScanner(elementId: string): Promise<Html5Qrcode> {
  const { Html5Qrcode, Html5QrcodeSupportedFormats } = await loadLibrary()
  return new Html5Qrcode(elementId, {
    verbose: false,
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    useBarCodeDetectorIfSupported: true,
  })
}

async function stopQuietly(scanner: Html5Qrcode, element: HTMLElement) {
  try {
    if (scanner.isScanning) await scanner.stop()
    scanner.clear()
  } catch {
    // Stopped already (the screen closed while the camera was still opening): nothing to release.
  } finally {
    element.remove()
  }
}

/**
 * Opens the back camera inside `host` and calls `onText` with each decoded text until stopped.
 * Rejects as html5-qrcode does (see camera-problem.ts for reading the reason).
 */
export async function startCamera(
  host: HTMLElement,
  onText: (text: string) => void,
): Promise<CameraSession> {
  const element = attachElement(host, 'gs-scanner__video')
  const scanner = await createScanner(element.id)
  try {
    await scanner.start({ facingMode: 'environment' }, SCAN_CONFIG, onText, () => undefined)
  } catch (error) {
    element.remove()
    throw error
  }
  const capabilities: MediaTrackCapabilities & { torch?: boolean } =
    scanner.getRunningTrackCapabilities()
  return {
    hasTorch: capabilities.torch === true,
    setTorch: (isOn) =>
      scanner.applyVideoConstraints({ advanced: [{ torch: isOn } as MediaTrackConstraintSet] }),
    stop: () => stopQuietly(scanner, element),
  }
}

// ZXing as html5-qrcode bundles it (the same module, so no second copy): the parts read here.
type ZxingPure = {
  HTMLCanvasElementLuminanceSource: new (canvas: HTMLCanvasElement) => object
  HybridBinarizer: new (source: object) => object
  BinaryBitmap: new (binarizer: object) => object
  QRCodeReader: new () => {
    decode(bitmap: object, hints: Map<number, unknown>): { getText(): string }
  }
  DecodeHintType: { PURE_BARCODE: number }
}
const loadZxing = async (): Promise<ZxingPure> => {
  // A UMD file: its exports arrive as named exports or as the default one, by bundler.
  const loaded = (await import('html5-qrcode/third_party/zxing-js.umd.js')) as unknown as
    ZxingPure | { default: ZxingPure }
  return 'QRCodeReader' in loaded ? loaded : loaded.default
}

/**
 * Reads an image that holds the code and nothing else (the PNG a window code is printed from,
 * saved or forwarded) as a pure barcode. html5-qrcode's finder-pattern search misses such a sharp,
 * computer-made code for about one link in ten (30 of 300 random links in Chromium, whatever the
 * load); read this way, all 300 decode.
 */
async function readPureCode(file: File): Promise<string> {
  const zxing = await loadZxing()
  const bitmap = await createImageBitmap(file)
  const canvas = document.createElement('canvas')
  canvas.width = bitmap.width
  canvas.height = bitmap.height
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0)
  bitmap.close()
  const source = new zxing.HTMLCanvasElementLuminanceSource(canvas)
  const bitmapToRead = new zxing.BinaryBitmap(new zxing.HybridBinarizer(source))
  const hints = new Map<number, unknown>([[zxing.DecodeHintType.PURE_BARCODE, true]])
  return new zxing.QRCodeReader().decode(bitmapToRead, hints).getText()
}

/** Decodes a QR code in a photo (the gallery fallback); rejects when the photo holds none. */
export async function readCodeFromImage(file: File, host: HTMLElement): Promise<string> {
  const element = attachElement(host, 'gs-scanner__file')
  const scanner = await createScanner(element.id)
  try {
    return await scanner.scanFile(file, false)
  } catch (error) {
    try {
      return await readPureCode(file)
    } catch {
      throw error // html5-qrcode's reason: the photo holds no code it could find
    }
  } finally {
    scanner.clear()
    element.remove()
  }
}
