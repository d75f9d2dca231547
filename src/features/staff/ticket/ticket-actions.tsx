import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffEvent, StaffEventType, StaffTicket } from '../../../../mock-api/contract'
import { EventForm } from './event-form'
import { EVENT_FIELDS, knownEvents, toStaffEvent } from './event-forms'
import { ProblemMessage } from '../common/problem-message'
import { suggestedUnitsQuery, unitsQuery } from '../common/queries'
import { useSendEvent } from './use-send-event'

const needsUnits = (type: StaffEventType | null) => type === 'dispatch' || type === 'designate_lead'

/** The buttons the API allows this staff member now, each opening the one action form. */
export function TicketActions({ ticket }: { ticket: StaffTicket }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<StaffEventType | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const { send, isBusy, isPending, error, reset } = useSendEvent(ticket.id)
  const units = useQuery({ ...unitsQuery(), enabled: needsUnits(open) })
  const suggested = useQuery({ ...suggestedUnitsQuery(ticket.id), enabled: needsUnits(open) })
  const allowed = knownEvents(ticket.allowedEvents)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // When a form closes its fields vanish; focus goes back to the section, not to the page's top.
  const close = () => {
    setOpen(null)
    headingRef.current?.focus()
  }

  const submit = (event: StaffEvent) => {
    setDone(null)
    send(event, () => {
      close()
      setDone(t('staff.done', { action: t(`staff.events.${event.type}`) }))
    })
  }
  const choose = (type: StaffEventType) => {
    if (isBusy()) return
    reset()
    setDone(null)
    const bare = EVENT_FIELDS[type].length === 0 ? toStaffEvent(type, {}) : null
    if (bare?.ok) submit(bare.event)
    else setOpen(type)
  }

  return (
    <section className="gs-staff-card" aria-labelledby="staff-actions">
      <h2 id="staff-actions" ref={headingRef} tabIndex={-1}>
        {t('staff.actions')}
      </h2>
      <p role="status" className="gs-staff-done">
        {done}
      </p>
      <ProblemMessage error={error} />
      {allowed.length === 0 ? <p className="gs-staff-muted">{t('staff.noActions')}</p> : null}
      {open === null ? (
        <div className="gs-staff-action-buttons">
          {allowed.map((type) => (
            <button
              key={type}
              type="button"
              className="gs-staff-button"
              disabled={isPending}
              onClick={() => choose(type)}
            >
              {t(`staff.events.${type}`)}
            </button>
          ))}
        </div>
      ) : (
        <EventForm
          type={open}
          isPending={isPending}
          onSubmit={submit}
          onCancel={() => {
            reset()
            close()
          }}
          units={units.data?.units ?? []}
          suggested={suggested.data?.units ?? []}
          record={ticket.businessRecord ?? []}
        />
      )}
    </section>
  )
}
