import { useTranslation } from '@/lib/i18n-react'
import type { StaffHistoryEntry } from '../../../../mock-api/contract'

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ')

/**
 * What a staff-only text is. The unit's reply waits for the desk's review, so the server keeps it
 * from the owner like a note; to the reviewing clerk it is the reply (issue 17: it read "内部备注").
 */
export function staffNoteLabel(
  type: StaffHistoryEntry['type'],
): 'staff.unitReply' | 'staff.contactNote' | 'staff.internalNote' {
  if (type === 'reply') return 'staff.unitReply'
  if (type === 'contact') return 'staff.contactNote'
  return 'staff.internalNote'
}

/** Every step with who did it; internal notes are shown to staff only (the owner never gets them). */
export function TicketHistory({ history }: { history: readonly StaffHistoryEntry[] }) {
  const { t } = useTranslation()
  return (
    <section className="gs-staff-card" aria-labelledby="staff-history">
      <h2 id="staff-history">{t('staff.history')}</h2>
      <ol className="gs-staff-history">
        {[...history].reverse().map((entry) => (
          <li key={entry.seq}>
            <time dateTime={entry.at}>{when(entry.at)}</time>{' '}
            <strong>{t(`staff.statuses.${entry.to}`)}</strong>{' '}
            <span className="gs-staff-muted">
              {entry.actorName ?? t(`staff.roles.${entry.role}`)}
            </span>
            {entry.note ? <p>{entry.note}</p> : null}
            {entry.internalNote ? (
              <p className={entry.type === 'reply' ? 'gs-staff-unit-reply' : 'gs-staff-internal'}>
                {t(staffNoteLabel(entry.type))}：{entry.internalNote}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
