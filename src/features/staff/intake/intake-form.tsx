import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import {
  BUSINESS_KINDS,
  CATEGORIES,
  type IntakeTicket,
  type StaffMe,
} from '../../../../mock-api/contract'
import { newId } from '@/lib/ids'
import { BusinessHistory } from './business-history'
import { DivisionField } from '../common/division-select'
import { EntityCodeInput } from './entity-code-input'
import { registerIntake } from '../common/intake-api'
import {
  CHANNELS_OF,
  blankIntake,
  handlingDaysOf,
  isCreditCodeShape,
  toIntakeInput,
  type IntakeDraft,
} from './intake-fields'
import { staffKeys } from '../common/queries'
import { StaffForm, useStaffForm } from '../common/staff-form'
import { TextField } from '@/ui/field'

type Props = { me: StaffMe; onRegistered: (ticket: IntakeTicket) => void }

/**
 * The clerk's form for a report taken by phone or at a window: keyboard first (Tab through the
 * fields in speaking order, Ctrl+Enter registers), the category's handling time beside the choice,
 * and the business's earlier tickets as soon as its credit code is complete. The report's id is
 * made once, so sending twice (a retry, a double key press) registers one ticket.
 */
export function IntakeForm({ me, onRegistered }: Props) {
  const { t } = useTranslation()
  const home = me.scope.divisionCode ?? '450000'
  const [draft, setDraft] = useState<IntakeDraft>(() => blankIntake(me.role, home))
  const id = useRef(newId())
  const set = (changes: Partial<IntakeDraft>) => setDraft((d) => ({ ...d, ...changes }))
  const channels = CHANNELS_OF[me.role] ?? []
  const days = handlingDaysOf(draft.category)
  const code = draft.creditCode.trim().toUpperCase()
  // The queue and this business's earlier tickets change with every registration.
  const register = useStaffForm(registerIntake, [staffKeys.queue, staffKeys.business(code)])
  const isChecksumRefused =
    register.error !== null && JSON.stringify(register.error).includes('credit_code_checksum')

  const submit = () => register.submit(toIntakeInput(id.current, draft), onRegistered)
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit()
  }

  return (
    <div className="gs-intake">
      <StaffForm
        form={register}
        onSubmit={submit}
        submitLabel={t('intake.submit')}
        className="gs-staff-form gs-intake-form"
        onKeyDown={onKeyDown}
      >
        <p className="gs-staff-muted">{t('intake.shortcut')}</p>
        <div className="gs-staff-field">
          <label htmlFor="intake-channel">{t('intake.channel')}</label>
          <select
            id="intake-channel"
            autoFocus
            value={draft.channel}
            onChange={(e) => set({ channel: e.target.value as IntakeDraft['channel'] })}
          >
            {channels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channels.${channel}`)}
              </option>
            ))}
          </select>
        </div>
        {draft.channel === 'handed_down' ? (
          <>
            <TextField
              id="intake-issuer"
              label={t('intake.issuer')}
              value={draft.issuer}
              required
              maxLength={100}
              onChange={(issuer) => set({ issuer })}
            />
            <TextField
              id="intake-document"
              label={t('intake.documentNumber')}
              value={draft.documentNumber}
              required
              maxLength={60}
              onChange={(documentNumber) => set({ documentNumber })}
            />
          </>
        ) : null}
        <EntityCodeInput
          token={draft.entityToken}
          onEntity={(entity) =>
            set(
              entity
                ? {
                    entityToken: entity.token,
                    businessName: entity.name,
                    creditCode: entity.creditCode,
                    kind: entity.kind,
                  }
                : { entityToken: null },
            )
          }
        />
        <TextField
          id="intake-credit-code"
          label={t('intake.creditCode')}
          value={draft.creditCode}
          required
          maxLength={18}
          autoComplete="off"
          disabled={draft.entityToken !== null}
          onChange={(creditCode) => set({ creditCode, creditCodeConfirmed: false })}
        />
        {isChecksumRefused ? (
          <label className="gs-staff-check">
            <input
              type="checkbox"
              checked={draft.creditCodeConfirmed}
              onChange={(e) => set({ creditCodeConfirmed: e.target.checked })}
            />
            {t('intake.confirmCode')}
          </label>
        ) : null}
        <TextField
          id="intake-business"
          label={t('draft.businessName')}
          value={draft.businessName}
          required
          maxLength={100}
          disabled={draft.entityToken !== null}
          onChange={(businessName) => set({ businessName })}
        />
        <div className="gs-staff-field">
          <label htmlFor="intake-kind">{t('draft.businessKind')}</label>
          <select
            id="intake-kind"
            value={draft.kind}
            required
            disabled={draft.entityToken !== null}
            onChange={(e) => set({ kind: e.target.value as IntakeDraft['kind'] })}
          >
            <option value="">{t('staff.choose')}</option>
            {BUSINESS_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`draft.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="gs-staff-field">
          <label htmlFor="intake-category">{t('staff.category')}</label>
          <select
            id="intake-category"
            value={draft.category}
            required
            aria-describedby="intake-handling"
            onChange={(e) => set({ category: e.target.value as IntakeDraft['category'] })}
          >
            <option value="">{t('staff.choose')}</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`categories.${category}.label`)}
              </option>
            ))}
          </select>
          <p id="intake-handling" className="gs-intake-handling" aria-live="polite">
            {draft.category === 'consultation'
              ? t('intake.consultationTime')
              : days !== null
                ? t('intake.handlingTime', { days })
                : ''}
          </p>
        </div>
        <TextField
          id="intake-title"
          label={t('draft.titleLabel')}
          value={draft.title}
          required
          maxLength={60}
          onChange={(title) => set({ title })}
        />
        <div className="gs-staff-field">
          <label htmlFor="intake-description">{t('staff.description')}</label>
          <textarea
            id="intake-description"
            value={draft.description}
            required
            maxLength={2000}
            rows={5}
            onChange={(e) => set({ description: e.target.value })}
          />
        </div>
        <DivisionField
          id="intake-division"
          label={t('intake.division')}
          value={draft.divisionCode}
          onChange={(divisionCode) => set({ divisionCode })}
        />
        <TextField
          id="intake-contact"
          label={t('draft.contactName')}
          value={draft.contactName}
          required
          maxLength={50}
          onChange={(contactName) => set({ contactName })}
        />
        <TextField
          id="intake-phone"
          label={t('draft.contactPhone')}
          type="tel"
          value={draft.phone}
          required
          onChange={(phone) => set({ phone })}
        />
        <label className="gs-staff-check">
          <input
            type="checkbox"
            checked={draft.confidential}
            onChange={(e) => set({ confidential: e.target.checked })}
          />
          {t('intake.confidential')}
        </label>
      </StaffForm>
      <aside className="gs-intake-aside">
        {isCreditCodeShape(code) ? <BusinessHistory creditCode={code} /> : null}
      </aside>
    </div>
  )
}
