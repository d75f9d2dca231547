import { useTranslation } from 'react-i18next'
import type { Receipt, Ticket } from '../../../mock-api/contract'
import { AttachmentImage } from './attachment-image'
import { DueLine } from './due-line'
import { TicketTimeline } from './ticket-timeline'
import './tickets.css'

type Shown = Receipt & Partial<Pick<Ticket, 'code' | 'description' | 'attachments' | 'rating'>>

/**
 * A ticket as its owner (or a receipt holder) reads it: status, deadline, receipt, the reply,
 * photos, rating and every step. The server leaves internal notes out of what it sends.
 */
export function TicketView({ ticket }: { ticket: Shown }) {
  const { t } = useTranslation()
  const rating = ticket.rating
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
      {ticket.due && <DueLine due={ticket.due} />}
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
      {ticket.attachments && ticket.attachments.length > 0 && (
        <section className="gs-ticket-section">
          <h2>{t('ticket.photos')}</h2>
          <div className="gs-photos">
            {ticket.attachments.map((attachment, index) => (
              <AttachmentImage
                key={attachment.id}
                attachment={attachment}
                alt={`${t('ticket.photos')} ${index + 1}`}
              />
            ))}
          </div>
        </section>
      )}
      <section className="gs-ticket-section">
        <h2>{t('ticket.timeline')}</h2>
        <TicketTimeline history={ticket.history} />
      </section>
    </>
  )
}
