/**
 * Why the camera did not open, in the terms the owner can act on. html5-qrcode rejects with a
 * string that embeds the DOMException ("Error getting userMedia, error = NotAllowedError: …"),
 * or passes the DOMException itself, so both the name and the text are read.
 */
export type CameraProblem = 'denied' | 'no-camera' | 'unsupported' | 'failed'

const PATTERNS: [RegExp, CameraProblem][] = [
  [/NotAllowedError|PermissionDeniedError|SecurityError|Permission denied/i, 'denied'],
  [
    /NotFoundError|DevicesNotFoundError|OverconstrainedError|Requested device not found/i,
    'no-camera',
  ],
  [/not supported|NotSupportedError|getUserMedia is not|mediaDevices/i, 'unsupported'],
]

// A DOMException is not an Error in every engine, so any object's name and message are read.
function textOf(error: unknown): string {
  if (typeof error === 'string') return error
  if (typeof error !== 'object' || error === null) return ''
  return `${String(Reflect.get(error, 'name'))}: ${String(Reflect.get(error, 'message'))}`
}

export function cameraProblemOf(error: unknown): CameraProblem {
  const text = textOf(error)
  return PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? 'failed'
}
