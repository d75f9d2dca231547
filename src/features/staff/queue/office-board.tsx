import { useTranslation } from '@/lib/i18n-react'
import type { StaffQueueItem } from '../../../../mock-api/contract'
import { dueLevel } from '../common/due-badge'
import { QueueTable } from './queue-table'

type Lane = 'overdue' | 'near' | 'urged' | 'decisions'

/** Each ticket in the first lane it fits: late first, then nearly late, urged, awaiting a decision. */
export function laneOf(ticket: StaffQueueItem): Lane {
  const level = dueLevel(ticket.due)
  if (level === 'overdue') return 'overdue'
  if (level === 'near') return 'near'
  if (ticket.isUrged || ticket.isSupervised) return 'urged'
  return 'decisions'
}

const LANES: readonly Lane[] = ['overdue', 'near', 'urged', 'decisions']

export function OfficeBoard({
  tickets,
  ticketHref,
}: {
  tickets: readonly StaffQueueItem[]
  ticketHref: (id: string) => string
}) {
  const { t } = useTranslation()
  return (
    <>
      {LANES.map((lane) => {
        // Empty lanes stay, with their 0: "nothing overdue" is news too (issue 17).
        const inLane = tickets.filter((ticket) => laneOf(ticket) === lane)
        return (
          <section key={lane} className={`gs-staff-lane gs-staff-lane--${lane}`}>
            <QueueTable
              caption={t(`staff.lanes.${lane}`, { count: inLane.length })}
              tickets={inLane}
              ticketHref={ticketHref}
              empty={t('staff.laneEmpty')}
            />
          </section>
        )
      })}
    </>
  )
}
