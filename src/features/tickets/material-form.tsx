import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { enqueueMaterial } from './actions'

/** More text and photos for the ticket; kept in the outbox, so it works offline. */
export function MaterialForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<File[]>([])
  const [message, setMessage] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '' && photos.length === 0) return setMessage(t('ticket.material.empty'))
    void enqueueMaterial(ticketId, text, photos).then(() => {
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
        <input
          type="file"
          accept="image/*"
          multiple
          onChange={(event) => setPhotos(Array.from(event.target.files ?? []))}
        />
      </label>
      {message && <p role="status">{message}</p>}
      <button type="submit" className="gs-button gs-button--secondary">
        {t('ticket.material.submit')}
      </button>
    </form>
  )
}
