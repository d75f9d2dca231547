import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { StaffEvent, StaffEventType, StaffTicket } from '../../../../mock-api/contract'
import { Button } from '@/ui/button'
import { ConfirmDialog } from '@/ui/confirm-dialog'
import { isDestructive, orderActions, type DestructiveStaffEvent } from './action-order'
import { EventForm } from './event-form'
import { EVENT_FIELDS, earlierTickets, knownEvents, toStaffEvent } from './event-forms'
import { ProblemMessage } from '../common/problem-message'
import { suggestedUnitsQuery, unitsQuery } from '../common/queries'
import { useSendEvent } from './use-send-event'

const needsUnits = (type: StaffEventType | null) => type === 'dispatch' || type === 'designate_lead'

/**
 * The buttons the API allows this staff member now, each opening the one action form: the main
 * action first, the destructive ones last in red and confirmed before they are sent.
 */
export function TicketActions({ ticket }: { ticket: StaffTicket }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<StaffEventType | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [unconfirmed, setUnconfirmed] = useState<DestructiveStaffEvent | null>(null)
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

  const sendNow = (event: StaffEvent) => {
    setDone(null)
    send(event, () => {
      close()
      setDone(t('staff.done', { action: t(`staff.events.${event.type}`) }))
    })
  }
  const submit = (event: StaffEvent) => {
    if (isDestructive(event)) setUnconfirmed(event)
    else sendNow(event)
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
          {orderActions(allowed).map(({ type, look }) => (
            <Button key={type} variant={look} disabled={isPending} onClick={() => choose(type)}>
              {t(`staff.events.${type}`)}
            </Button>
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
          record={earlierTickets(ticket.businessRecord ?? [], ticket.createdAt)}
          divisionCode={ticket.divisionCode}
        />
      )}
      {unconfirmed ? (
        <ConfirmDialog
          open
          title={t(`staffConfirm.${unconfirmed.type}.title`)}
          consequence={t(`staffConfirm.${unconfirmed.type}.consequence`)}
          confirmLabel={t(`staff.events.${unconfirmed.type}`)}
          onConfirm={() => {
            setUnconfirmed(null)
            sendNow(unconfirmed)
          }}
          onCancel={() => setUnconfirmed(null)}
        />
      ) : null}
    </section>
  )
}
