import { memo, useId, useRef, useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { compressPhoto } from '@/lib/compress-photo'
import { addPhoto, MAX_PHOTOS, removePhoto } from '../photos'
import { useBlobImage, usePhoto } from '../use-photos'
import { FileButton } from '@/ui/file-picker'

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

  const add = async (files: File[]) => {
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
          <FileButton
            label={t('draft.takePhoto')}
            accept="image/*"
            capture="environment"
            block
            disabled={isAdding}
            onChoose={(files) => void add(files)}
          />
          <FileButton
            label={t('draft.choosePhotos')}
            accept="image/*"
            multiple
            block
            disabled={isAdding}
            onChoose={(files) => void add(files)}
          />
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
