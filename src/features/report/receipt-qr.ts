import { qrSvg } from '@/lib/qr-svg'

/** The receipt's QR as SVG markup (the library loads only when a receipt is shown). */
export const receiptQrSvg = (text: string): Promise<string> => qrSvg(text)
