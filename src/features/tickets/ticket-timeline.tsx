import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/lib/format'
import type { HistoryEntry } from '../../../mock-api/contract'

/** Every step of the ticket, oldest first: who, when, what, and what was said to the owner. */
export function TicketTimeline({ history }: { history: readonly HistoryEntry[] }) {
  const { t, i18n } = useTranslation()
  return (
    <ol className="gs-timeline" aria-label={t('ticket.timeline')}>
      {history.map((entry, index) => {
        const event = t(`ticket.events.${entry.type}`, { defaultValue: entry.type })
        return (
          <li key={`${entry.at}-${index}`} data-type={entry.type}>
            <div>
              <strong>{event}</strong>
              {' · '}
              {t(`ticket.roles.${entry.role}`)}
            </div>
            <time className="gs-timeline__when" dateTime={entry.at}>
              {formatDateTime(Date.parse(entry.at), i18n.language)}
            </time>
            {entry.note && <p className="gs-timeline__note">{entry.note}</p>}
          </li>
        )
      })}
    </ol>
  )
}
