import { useTranslation } from '@/lib/i18n-react'
import type { Receipt, Ticket } from '../../../../mock-api/contract'
import { AttachmentImage } from './attachment-image'
import { DueInWords, DueLine } from '../common/due-line'
import { TicketTimeline } from './ticket-timeline'
import '../common/tickets.css'

type Attachments = NonNullable<Ticket['attachments']>

/** A titled row of photos, or nothing when there are none. */
function Photos({ title, attachments }: { title: string; attachments: Attachments }) {
  if (attachments.length === 0) return null
  return (
    <section className="gs-ticket-section">
      <h2>{title}</h2>
      <div className="gs-photos">
        {attachments.map((attachment, index) => (
          <AttachmentImage
            key={attachment.id}
            attachment={attachment}
            alt={`${title} ${index + 1}`}
          />
        ))}
      </div>
    </section>
  )
}

type Shown = Receipt &
  Partial<Pick<Ticket, 'code' | 'description' | 'attachments' | 'rating' | 'channel'>>

/**
 * A ticket as its owner (or a receipt holder) reads it: status, deadline, receipt, the reply,
 * photos, rating and every step. The server leaves internal notes out of what it sends.
 */
type ViewProps = {
  ticket: Shown
  /** A case file: printed without the live deadline. */
  isRecord?: boolean
  /** Read by a receipt holder, not (known to be) its owner: the reporter is not "我". */
  isHolderViewing?: boolean
}

export function TicketView({ ticket, isRecord = false, isHolderViewing = false }: ViewProps) {
  const { t } = useTranslation()
  const rating = ticket.rating
  const attachments = ticket.attachments ?? []
  return (
    <>
      <p>
        <strong data-testid="ticket-status" data-status={ticket.status}>
          {t(`tickets.statuses.${ticket.status}`)}
        </strong>
        {' · '}
        {ticket.code
          ? t('ticket.receipt', { number: ticket.number, code: ticket.code })
          : t('tickets.number', { number: ticket.number })}
      </p>
      {/* A record (the case file) prints without the live deadline: "剩 1 个工作日" on paper is
          wrong the next day (issue 17). */}
      {ticket.due && (
        <div className={isRecord ? 'gs-no-print' : undefined}>
          <DueInWords due={ticket.due} />
          <DueLine due={ticket.due} />
        </div>
      )}
      {ticket.description && (
        <section className="gs-ticket-section">
          <h2>{t('ticket.description')}</h2>
          <p className="gs-reply">{ticket.description}</p>
        </section>
      )}
      <section className="gs-ticket-section">
        <h2>{t('ticket.reply')}</h2>
        {ticket.reply ? (
          <p className="gs-reply" data-testid="ticket-reply">
            {ticket.reply}
          </p>
        ) : (
          <p className="gs-muted">{t('ticket.noReply')}</p>
        )}
        {rating && rating.satisfaction !== 'none' && (
          <p>
            {t('ticket.rating', {
              resolved: rating.resolved ? t(`ticket.rate.resolvedAnswers.${rating.resolved}`) : '—',
              satisfaction: t(`ticket.rate.satisfactionAnswers.${rating.satisfaction}`),
            })}
            {rating.reason && ` ${t('ticket.ratingReason', { reason: rating.reason })}`}
          </p>
        )}
      </section>
      <Photos
        title={t('ticket.replyFiles')}
        attachments={attachments.filter((a) => a.uploadedBy !== 'owner')}
      />
      <Photos
        title={t('ticket.photos')}
        attachments={attachments.filter((a) => a.uploadedBy === 'owner')}
      />
      <section className="gs-ticket-section">
        <h2>{t('ticket.timeline')}</h2>
        <TicketTimeline
          history={ticket.history}
          reply={ticket.reply}
          channel={ticket.channel}
          isHolderViewing={isHolderViewing}
        />
      </section>
    </>
  )
}
