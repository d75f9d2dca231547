import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { compressPhoto } from '@/lib/compress-photo'
import { Button } from '@/ui/button'
import { TextArea } from '@/ui/field'
import { FilePicker } from '@/ui/file-picker'
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
  const [names, setNames] = useState<string[]>([])
  const [isReading, setIsReading] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const choice = useRef(0)

  const choose = async (files: File[]) => {
    const turn = (choice.current += 1)
    setIsReading(true)
    setMessage(null)
    setNames(files.map((file) => file.name))
    const read = await compressAll(files)
    // The owner chose again meanwhile: that later choice is the one kept.
    if (turn !== choice.current) return
    setPhotos(read.photos)
    setIsReading(false)
    if (!read.isAllRead) setMessage(t('ticket.material.unreadable'))
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (text.trim() === '' && photos.length === 0) return setMessage(t('ticket.material.empty'))
    void enqueueMaterial(ticketId, text, photos).then(() => {
      setText('')
      setPhotos([])
      setNames([])
      setMessage(t('ticket.material.queued'))
    })
  }

  return (
    <form className="gs-ticket-form" onSubmit={submit} aria-label={t('ticket.material.title')}>
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
      {message && <p role="status">{message}</p>}
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
