import { memo, useId, useRef, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { compressPhoto } from '@/lib/compress-photo'
import { addPhoto, MAX_PHOTOS, removePhoto } from '../photos'
import { useBlobImage, usePhoto } from '../use-photos'

type Props = { draftId: string; photoIds: string[] }

// Each read of the draft gives a new photoIds array: the same ids are the same photos.
const isSamePhotos = (a: Props, b: Props) =>
  a.draftId === b.draftId && a.photoIds.join() === b.photoIds.join()

/** Photos from the camera or the gallery, compressed on the phone and stored with the draft. */
export const PhotoPicker = memo(function PhotoPicker({ draftId, photoIds }: Props) {
  const { t } = useTranslation()
  const headingId = useId()
  const [isAdding, setAdding] = useState(false)
  const [skipped, setSkipped] = useState(0)
  const [isUnreadable, setUnreadable] = useState(false)
  const room = MAX_PHOTOS - photoIds.length

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])]
    event.target.value = ''
    if (files.length === 0) return
    setAdding(true)
    setSkipped(Math.max(0, files.length - room))
    setUnreadable(false)
    for (const file of files.slice(0, room)) {
      try {
        await addPhoto(draftId, await compressPhoto(file))
      } catch {
        setUnreadable(true)
      }
    }
    setAdding(false)
  }

  const status = isAdding
    ? t('draft.photoAdding')
    : [
        isUnreadable ? t('draft.photoUnreadable') : '',
        skipped > 0 ? t('draft.photosSkipped', { count: skipped }) : '',
      ].join(' ')

  const input = { type: 'file', accept: 'image/*', className: 'gs-visually-hidden', onChange: add }
  return (
    <section className="gs-draft-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="gs-draft-section__title">
        {t('draft.photos')}
      </h2>
      <p className="gs-field__hint">{t('draft.photosHint')}</p>
      {photoIds.length > 0 && (
        <ul className="gs-photos">
          {photoIds.map((id, index) => (
            <PhotoThumb
              key={id}
              id={id}
              n={index + 1}
              onRemove={() => void removePhoto(draftId, id)}
            />
          ))}
        </ul>
      )}
      {room > 0 && (
        <div className="gs-photo-actions">
          <label className="gs-button gs-button--secondary gs-file-button">
            {t('draft.takePhoto')}
            <input {...input} capture="environment" disabled={isAdding} />
          </label>
          <label className="gs-button gs-button--secondary gs-file-button">
            {t('draft.choosePhotos')}
            <input {...input} multiple disabled={isAdding} />
          </label>
        </div>
      )}
      <p role="status" className="gs-field__hint">
        {status.trim()}
      </p>
    </section>
  )
}, isSamePhotos)

function PhotoThumb({ id, n, onRemove }: { id: string; n: number; onRemove: () => void }) {
  const { t } = useTranslation()
  const image = useRef<HTMLImageElement>(null)
  useBlobImage(image, usePhoto(id)?.blob)
  return (
    <li className="gs-photo">
      <img ref={image} alt={t('draft.photoAlt', { n })} width="96" height="96" />
      <button type="button" className="gs-photo__remove" onClick={onRemove}>
        <span aria-hidden="true">×</span>
        <span className="gs-visually-hidden">{t('draft.removePhoto', { n })}</span>
      </button>
    </li>
  )
}
