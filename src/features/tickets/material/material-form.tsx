import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { compressPhoto } from '@/lib/compress-photo'
import { useIsOnline } from '@/lib/use-is-online'
import { Button } from '@/ui/button'
import { TextArea } from '@/ui/field'
import { FilePicker } from '@/ui/file-picker'
import { enqueueMaterial } from '../detail/actions'
import { usePendingActions } from '../detail/use-pending-actions'

// Shrunk on the phone as a report's photos are: kept in the outbox and sent over a weak signal.
async function compressAll(files: readonly File[]) {
  const photos: Blob[] = []
  for (const file of files) {
    try {
      photos.push((await compressPhoto(file)).blob)
    } catch {
      // An unreadable file is left out; the form says so.
    }
  }
  return { photos, isAllRead: photos.length === files.length }
}

type Props = {
  ticketId: string
  /** Whether the server lets the owner add more now; false shows only what waits. */
  canAdd?: boolean
}

/** Material of this ticket waiting in the outbox (this visit's or an earlier one's). */
export function useIsMaterialPending(ticketId: string): boolean {
  return usePendingActions(ticketId).some((item) => !item.path.endsWith('/rating'))
}

/**
 * More text and photos for the ticket; kept in the outbox, so it works offline. What waits is
 * said here, once, by the button that sent it: before the tap offline (it will be kept), then
 * kept (offline) or sending, then delivered.
 */
export function MaterialForm({ ticketId, canAdd = true }: Props) {
  const { t } = useTranslation()
  const isPending = useIsMaterialPending(ticketId)
  const isOnline = useIsOnline()
  const titleId = useId()
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<Blob[]>([])
  const [names, setNames] = useState<string[]>([])
  const [isReading, setIsReading] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [isSubmitted, setIsSubmitted] = useState(false)
  const choice = useRef(0)

  const choose = async (files: File[]) => {
    const turn = (choice.current += 1)
    setIsReading(true)
    setProblem(null)
    setNames(files.map((file) => file.name))
    const read = await compressAll(files)
    // The owner chose again meanwhile: that later choice is the one kept.
    if (turn !== choice.current) return
    setPhotos(read.photos)
    setIsReading(false)
    if (!read.isAllRead) setProblem(t('ticket.material.unreadable'))
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (text.trim() === '' && photos.length === 0) return setProblem(t('ticket.material.empty'))
    setProblem(null)
    void enqueueMaterial(ticketId, text, photos).then(() => {
      setText('')
      setPhotos([])
      setNames([])
      setIsSubmitted(true)
    })
  }

  const state = isPending
    ? t(isOnline ? 'ticket.material.sending' : 'ticket.material.queued')
    : isSubmitted
      ? t('ticket.material.sent')
      : null
  if (!canAdd) {
    return state ? (
      <p className="gs-note" role="status">
        {state}
      </p>
    ) : null
  }
  return (
    <form className="gs-ticket-form" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId} className="gs-ticket-form__title">
        {t('ticket.material.title')}
      </h2>
      <TextArea
        label={t('ticket.material.text')}
        value={text}
        maxLength={2000}
        onChange={setText}
      />
      <FilePicker
        label={t('ticket.material.photos')}
        accept="image/*"
        multiple
        chosen={names}
        onChoose={(files) => void choose(files)}
      />
      <p role="status" className="gs-ticket-form__status">
        {problem ?? state}
      </p>
      {!isOnline && !isPending && <p className="gs-note">{t('ticket.material.offlineHint')}</p>}
      <Button
        type="submit"
        variant="secondary"
        block
        loading={isReading}
        loadingText={t('ticket.material.reading')}
      >
        {t('ticket.material.submit')}
      </Button>
    </form>
  )
}
