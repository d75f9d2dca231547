/**
 * "Export my drafts": the escape hatch for when the owner no longer trusts the phone's storage
 * (a full disk, a browser about to be cleared, a new phone). One JSON file they can keep or send,
 * holding every draft on this phone with its photos inlined as data URLs. It reads the drafts
 * and photos tables directly and only reads: it is a dump of the database, not a feature of
 * drafts, and it must work even when the report screens do not.
 */
import { db, type DraftRow, type PhotoRow } from '@/lib/db'

export const EXPORT_FORMAT = 'guishang-drafts'
export const EXPORT_VERSION = 1

export type ExportedPhoto = Omit<PhotoRow, 'blob'> & { dataUrl: string }
export type DraftsExport = {
  format: typeof EXPORT_FORMAT
  version: typeof EXPORT_VERSION
  exportedAt: string
  drafts: (DraftRow & { photos: ExportedPhoto[] })[]
}

async function toDataUrl(blob: Blob, mime: string): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return `data:${mime};base64,${btoa(binary)}`
}

async function exportPhoto({ blob, ...photo }: PhotoRow): Promise<ExportedPhoto> {
  return { ...photo, dataUrl: await toDataUrl(blob, photo.mime) }
}

/** Every draft, oldest first, with its photos in the draft's own order. */
export async function buildDraftsExport(now: Date = new Date()): Promise<DraftsExport> {
  const [drafts, photos] = await db.transaction('r', db.drafts, db.photos, () =>
    Promise.all([db.drafts.orderBy('updatedAt').toArray(), db.photos.toArray()]),
  )
  const byId = new Map(photos.map((photo) => [photo.id, photo]))
  const exported = await Promise.all(
    drafts.map(async (draft) => {
      const own = draft.photoIds.flatMap((id) => byId.get(id) ?? [])
      return { ...draft, photos: await Promise.all(own.map(exportPhoto)) }
    }),
  )
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    drafts: exported,
  }
}

/** `guishang-drafts-YYYYMMDD.json`, in the phone's local date. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `guishang-drafts-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.json`
}

/** Builds the export and hands it to the browser as a download. */
export async function exportDrafts(now: Date = new Date()): Promise<void> {
  const file = new Blob([JSON.stringify(await buildDraftsExport(now), null, 2)], {
    type: 'application/json',
  })
  const url = URL.createObjectURL(file)
  const link = document.createElement('a')
  link.href = url
  link.download = exportFileName(now)
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: some mobile browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
