import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, type RefObject } from 'react'
import { getPhoto, type Photo } from './photos'

/**
 * One stored photo, by id. Read per photo rather than per draft, so the owner's typing (which
 * rewrites the draft row) does not read the photos again.
 */
export function usePhoto(id: string): Photo | undefined {
  return useLiveQuery(() => getPhoto(id), [id])
}

/**
 * Shows `blob` in the image through an object URL, revoked when the component unmounts or the
 * blob changes (each URL pins its blob in memory until then).
 */
export function useBlobImage(image: RefObject<HTMLImageElement | null>, blob: Blob | undefined) {
  useEffect(() => {
    const element = image.current
    if (!blob || !element) return
    const url = URL.createObjectURL(blob)
    element.setAttribute('src', url)
    return () => {
      element.removeAttribute('src')
      URL.revokeObjectURL(url)
    }
  }, [image, blob])
}
