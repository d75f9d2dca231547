import { useTranslation } from '@/lib/i18n-react'
import { formatDateTime } from '@/lib/format'
import type { Channel, HistoryEntry } from '../../../../mock-api/contract'

type Props = {
  history: readonly HistoryEntry[]
  /** The reply shown above the timeline: its step then does not print it a second time. */
  reply?: string | null
  /** How the report came in, said on its first step (registered by phone, at a window…). */
  channel?: Channel
  /** A receipt holder reads it: the owner's steps are the reporter's, not "我". */
  isHolderViewing?: boolean
}

/** Every step of the ticket, oldest first: who, when, what, and what was said to the owner. */
export function TicketTimeline({ history, reply, channel, isHolderViewing = false }: Props) {
  const { t, i18n } = useTranslation()
  // Who acted: the unit by its name where the server gives it (issue 17: "分派承办单位 · 专席"
  // never said which unit), else the role.
  const heading = (entry: HistoryEntry) => {
    if (entry.type === 'dispatch' && entry.unit)
      return t('ticket.dispatchedTo', { unit: entry.unit })
    const event = t(`ticket.events.${entry.type}`, { defaultValue: entry.type })
    const who =
      entry.role === 'unit' && entry.unit
        ? entry.unit
        : entry.role === 'owner' && isHolderViewing
          ? t('ticket.reporter')
          : t(`ticket.roles.${entry.role}`)
    return `${event} · ${who}`
  }
  return (
    <ol className="gs-timeline" aria-label={t('ticket.timeline')}>
      {history.map((entry, index) => {
        const isReplyShownAbove = Boolean(reply) && entry.note?.trim() === reply?.trim()
        return (
          <li key={`${entry.at}-${index}`} data-type={entry.type}>
            <div>
              <strong>{heading(entry)}</strong>
              {entry.type === 'submit' && channel ? ` · ${t(`channelNote.${channel}`)}` : null}
            </div>
            <time className="gs-timeline__when" dateTime={entry.at}>
              {formatDateTime(Date.parse(entry.at), i18n.language)}
            </time>
            {entry.note && !isReplyShownAbove && <p className="gs-timeline__note">{entry.note}</p>}
          </li>
        )
      })}
    </ol>
  )
}
