/**
 * A handling unit adds photos to its reply (a receipt, the site) while it may still reply. Each
 * file gets its id when chosen, so retrying after a lost answer stores it once; choosing again
 * while files are going up is ignored. The owner sees them once the desk approves the reply.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { StaffTicket } from '../../../../mock-api/contract'
import { newId } from '@/lib/ids'
import { FilePicker } from '@/ui/file-picker'
import { uploadReplyFile } from '../common/api'
import { ProblemMessage } from '../common/problem-message'
import { staffKeys } from '../common/queries'

type Progress = { done: number; total: number }

export function ReplyFiles({ ticket }: { ticket: StaffTicket }) {
  const { t } = useTranslation()
  const inputId = useId()
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<Progress | null>(null)
  const [uploaded, setUploaded] = useState<number | null>(null)
  const [names, setNames] = useState<string[]>([])
  const inFlight = useRef(false)
  const upload = useMutation({
    mutationFn: async (files: readonly { id: string; file: File }[]) => {
      for (const [index, { id, file }] of files.entries()) {
        setProgress({ done: index, total: files.length })
        await uploadReplyFile(ticket.id, id, file)
      }
      return files.length
    },
    onSuccess: (count) => setUploaded(count),
    onSettled: () => {
      inFlight.current = false
      setProgress(null)
      void queryClient.invalidateQueries({ queryKey: staffKeys.ticket(ticket.id) })
    },
  })

  const choose = (files: File[]) => {
    if (files.length === 0 || inFlight.current) return
    inFlight.current = true
    setUploaded(null)
    setNames(files.map((file) => file.name))
    upload.mutate(files.map((file) => ({ id: newId(), file })))
  }

  return (
    <section className="gs-staff-card" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t('staff.replyFiles.title')}</h2>
      <p className="gs-staff-muted">{t('staff.replyFiles.hint')}</p>
      <FilePicker
        label={t('staff.replyFiles.choose')}
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
        multiple
        disabled={progress !== null}
        chosen={names}
        onChoose={choose}
      />
      <p role="status" className="gs-staff-done">
        {progress
          ? t('staff.replyFiles.uploading', { ...progress, done: progress.done + 1 })
          : null}
        {uploaded === null ? null : t('staff.replyFiles.uploaded', { count: uploaded })}
      </p>
      <ProblemMessage error={upload.error} />
    </section>
  )
}
