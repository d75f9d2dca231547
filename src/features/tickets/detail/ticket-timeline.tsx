import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/lib/format'
import type { Channel, HistoryEntry } from '../../../../mock-api/contract'

type Props = {
  history: readonly HistoryEntry[]
  /** How the report came in, said on its first step (registered by phone, at a window…). */
  channel?: Channel
}

/** Every step of the ticket, oldest first: who, when, what, and what was said to the owner. */
export function TicketTimeline({ history, channel }: Props) {
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
              {entry.type === 'submit' && channel ? ` · ${t(`channelNote.${channel}`)}` : null}
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
