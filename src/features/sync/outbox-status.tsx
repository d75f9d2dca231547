import { useTranslation } from '@/lib/i18n-react'
import { Link } from 'react-router'
import { useIsOnline } from '@/lib/use-is-online'
import { ExportDraftsButton } from './export-drafts-button'
import { retryNow } from './outbox'
import { dismissRefusal, type OutboxRefusal } from './refusals'
import { useOutboxStatus } from './use-outbox-status'
import './sync.css'

type Props = {
  /** Where the badge leads when reports wait: the list of drafts, where queued ones are shown. */
  draftsHref: string
  draftHref: (draftId: string) => string
  /** …when only actions on one ticket wait (a rating, material): that ticket. */
  ticketHref: (ticketId: string) => string
  /** …when actions on several tickets wait: the tickets list. */
  ticketsHref: string
}

function RefusalNotice({
  refusal,
  draftHref,
}: {
  refusal: OutboxRefusal
  draftHref: Props['draftHref']
}) {
  const { t, i18n } = useTranslation()
  const message =
    refusal.message && (i18n.language === 'en' ? refusal.message.en : refusal.message.zh)
  return (
    <div role="alert" className="gs-banner gs-outbox-refusal">
      <p>
        {message
          ? t('outbox.refused', { message })
          : t('outbox.refusedWithoutMessage', { status: refusal.status })}
      </p>
      {refusal.draftId && (
        <Link to={draftHref(refusal.draftId)} className="gs-outbox__action">
          {t('outbox.openDraft')}
        </Link>
      )}
      <button
        type="button"
        className="gs-outbox__action"
        onClick={() => void dismissRefusal(refusal.itemId)}
      >
        {t('outbox.dismiss')}
      </button>
    </div>
  )
}

/**
 * The outbox as the owner sees it: how many items wait (a badge, leading to them), a failed attempt with "retry now", refusals with the server's message, and a warning
 * when storage runs low. Never says "sent": the receipt does, once the server has the ticket. Nor
 * does it repeat "saved, sent once online": the screen where the owner tapped says that, once.
 */
export function OutboxStatus({ draftsHref, draftHref, ticketHref, ticketsHref }: Props) {
  const { t } = useTranslation()
  const isOnline = useIsOnline()
  const status = useOutboxStatus()
  if (!status) return null
  const { waiting, waitsIn, lastError, refusals } = status
  const badgeHref =
    waitsIn.kind === 'ticket'
      ? ticketHref(waitsIn.ticketId)
      : waitsIn.kind === 'tickets'
        ? ticketsHref
        : draftsHref
  return (
    <>
      <div role="status" className="gs-outbox-slot">
        {waiting > 0 && (
          <div className="gs-banner gs-outbox">
            <Link
              to={badgeHref}
              className="gs-outbox__badge"
              aria-label={t('outbox.badge', { count: waiting })}
            >
              {waiting}
            </Link>
            <p className="gs-outbox__text">
              {t('outbox.waiting')}
              {isOnline && lastError !== null && <> {t('outbox.retrying')}</>}
            </p>
            {isOnline && lastError !== null && (
              <button type="button" className="gs-outbox__action" onClick={() => void retryNow()}>
                {t('outbox.retryNow')}
              </button>
            )}
          </div>
        )}
        {status.isStorageLow && (
          <div className="gs-banner gs-outbox-storage">
            <p>{t('outbox.storageLow')}</p>
            <ExportDraftsButton />
          </div>
        )}
      </div>
      {refusals.map((refusal) => (
        <RefusalNotice key={refusal.itemId} refusal={refusal} draftHref={draftHref} />
      ))}
    </>
  )
}
