import { useEffect, useState } from 'react'
import type { Attachment } from '../../../../mock-api/contract'
import { ownerBlob } from '../common/owner-api'

/** A ticket's photo: the file needs the owner's credential, so it is fetched, not linked. */
export function AttachmentImage({ attachment, alt }: { attachment: Attachment; alt: string }) {
  const [src, setSrc] = useState<string | null>(null)
  const url = attachment.thumbnailUrl ?? attachment.url
  useEffect(() => {
    let objectUrl: string | null = null
    let isCurrent = true
    ownerBlob(url)
      .then((blob) => {
        if (!isCurrent) return
        objectUrl = URL.createObjectURL(blob)
        setSrc(objectUrl)
      })
      .catch(() => {})
    return () => {
      isCurrent = false
      if (objectUrl) URL.revokeObjectURL(objectUrl)
    }
  }, [url])
  return src ? <img src={src} alt={alt} /> : <span aria-label={alt} className="gs-photo-pending" />
}
