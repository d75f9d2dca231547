import { useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { compressPhoto } from '@/lib/compress-photo'
import { enqueueMaterial } from '../detail/actions'

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

/** More text and photos for the ticket; kept in the outbox, so it works offline. */
export function MaterialForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<Blob[]>([])
  const [isReading, setIsReading] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const choice = useRef(0)

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const turn = (choice.current += 1)
    setIsReading(true)
    setMessage(null)
    const read = await compressAll(Array.from(event.target.files ?? []))
    // The owner chose again meanwhile: that later choice is the one kept.
    if (turn !== choice.current) return
    setPhotos(read.photos)
    setIsReading(false)
    if (!read.isAllRead) setMessage(t('ticket.material.unreadable'))
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (text.trim() === '' && photos.length === 0) return setMessage(t('ticket.material.empty'))
    const form = event.currentTarget
    void enqueueMaterial(ticketId, text, photos).then(() => {
      form.reset()
      setText('')
      setPhotos([])
      setMessage(t('ticket.material.queued'))
    })
  }

  return (
    <form className="gs-ticket-form" onSubmit={submit} aria-label={t('ticket.material.title')}>
      <label>
        {t('ticket.material.text')}
        <textarea value={text} maxLength={2000} onChange={(event) => setText(event.target.value)} />
      </label>
      <label>
        {t('ticket.material.photos')}
        <input type="file" accept="image/*" multiple onChange={(event) => void choose(event)} />
      </label>
      {message && <p role="status">{message}</p>}
      <button type="submit" className="gs-button gs-button--secondary" disabled={isReading}>
        {isReading ? t('ticket.material.reading') : t('ticket.material.submit')}
      </button>
    </form>
  )
}
