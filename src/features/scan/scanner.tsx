import { useRef, useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { readCodeFromImage } from './camera'
import { parseCode } from './parse-code'
import { useCamera, type CameraState } from './use-camera'
import './scan.css'
import { Button, ButtonRow } from '@/ui/button'
import { FileButton } from '@/ui/file-picker'

type Props = {
  onCode: (token: string) => void
  /** An entity code or a receipt's claim link: the in-app path it opens. */
  onLink?: (path: string) => void
}

/** What the last decode found: our window code, someone else's code, or no code in a photo. */
type Reading = { kind: 'window' | 'link' | 'not-ours'; text: string } | { kind: 'no-code' }

const PROBLEM_TEXT = {
  denied: 'scan.denied',
  'no-camera': 'scan.noCamera',
  unsupported: 'scan.unsupported',
  failed: 'scan.failed',
} as const

/**
 * The camera opens as soon as the screen does; a photo from the gallery is the fallback. A window
 * code is handed to `onCode` once; anything else is shown and scanning goes on.
 */
export function Scanner({ onCode, onLink }: Props) {
  const { t } = useTranslation()
  const viewfinder = useRef<HTMLDivElement>(null)
  const fileHost = useRef<HTMLDivElement>(null)
  const isHandedOver = useRef(false)
  const [reading, setReading] = useState<Reading | null>(null)

  const read = (text: string) => {
    const parsed = parseCode(text)
    setReading({ kind: parsed.kind, text })
    if (parsed.kind === 'window' && !isHandedOver.current) {
      isHandedOver.current = true
      onCode(parsed.token)
    }
    if (parsed.kind === 'link' && onLink && !isHandedOver.current) {
      isHandedOver.current = true
      onLink(parsed.path)
    }
  }
  const camera = useCamera(viewfinder, read)

  const readFile = async ([file]: File[]) => {
    if (!file || !fileHost.current) return
    try {
      read(await readCodeFromImage(file, fileHost.current))
    } catch {
      setReading({ kind: 'no-code' })
    }
  }

  return (
    <div className="gs-scanner">
      <div className="gs-scanner__viewfinder">
        <div ref={viewfinder} className="gs-scanner__camera" />
        <CameraStatus state={camera.state} />
      </div>
      {camera.state.kind === 'running' && camera.state.hasTorch && (
        <Button
          variant="secondary"
          block
          aria-pressed={camera.state.isTorchOn}
          onClick={() => void camera.toggleTorch()}
        >
          {t('scan.torch')}
        </Button>
      )}
      {camera.state.kind === 'failed' && (
        <div role="alert" className="gs-scanner__problem">
          <p>{t(PROBLEM_TEXT[camera.state.problem])}</p>
          <ButtonRow>
            <Button variant="secondary" block onClick={camera.retry}>
              {t('scan.retry')}
            </Button>
          </ButtonRow>
        </div>
      )}
      <div role="status" className="gs-scanner__reading">
        {reading && <ReadingText reading={reading} />}
      </div>
      <FileButton
        label={t('scan.fromPhoto')}
        accept="image/*"
        block
        onChoose={(files) => void readFile(files)}
      />
      <div ref={fileHost} hidden />
    </div>
  )
}

function CameraStatus({ state }: { state: CameraState }) {
  const { t } = useTranslation()
  if (state.kind === 'starting') return <p className="gs-scanner__hint">{t('scan.starting')}</p>
  if (state.kind === 'failed') return <p className="gs-scanner__hint">{t('scan.noPicture')}</p>
  return null
}

function ReadingText({ reading }: { reading: Reading }) {
  const { t } = useTranslation()
  if (reading.kind === 'no-code') return <p className="gs-scanner__not-ours">{t('scan.noCode')}</p>
  if (reading.kind === 'window' || reading.kind === 'link') return <p>{t('scan.opening')}</p>
  return (
    <>
      <p className="gs-scanner__not-ours">{t('scan.notOurs')}</p>
      <p className="gs-scanner__text">{t('scan.decoded', { text: reading.text })}</p>
    </>
  )
}
