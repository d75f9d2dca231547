import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { BUSINESS_KINDS, type BusinessKind } from '../../../../mock-api/contract'
import { entityCodeImageUrl, issueEntityCode, retireEntityCode } from '../common/intake-api'
import { ProblemMessage } from '../common/problem-message'
import { entityCodesQuery, staffKeys } from '../common/queries'
import { TextField } from '@/ui/field'
import { StaffForm, useStaffForm } from '../common/staff-form'
import { useSingleMutation } from '../common/use-single-mutation'
import { Button } from '@/ui/button'

/** Entity codes (经营主体服务码): issue one for a business, print it as a sticker, retire it. */
export function EntityCodes() {
  const { t } = useTranslation()
  const codes = useQuery(entityCodesQuery())
  const [creditCode, setCreditCode] = useState('')
  const [name, setName] = useState('')
  const [kind, setKind] = useState<BusinessKind | ''>('')
  const issue = useStaffForm(issueEntityCode, [staffKeys.entityCodes])
  const retire = useSingleMutation(retireEntityCode, [staffKeys.entityCodes])
  const submit = () => {
    // The browser's own check (required fields) comes first; a kind is always chosen by then.
    if (kind === '') return
    issue.submit({ creditCode: creditCode.trim().toUpperCase(), name, kind }, () => {
      setCreditCode('')
      setName('')
      setKind('')
    })
  }
  return (
    <>
      <StaffForm
        form={issue}
        onSubmit={submit}
        title={{ id: 'entity-issue', text: t('intake.issue') }}
        className="gs-staff-form"
        submitLabel={t('intake.issueSubmit')}
        saysSending={false}
      >
        <TextField
          id="entity-credit-code"
          label={t('intake.creditCode')}
          value={creditCode}
          required
          maxLength={18}
          onChange={setCreditCode}
        />
        <TextField
          id="entity-name"
          label={t('draft.businessName')}
          value={name}
          required
          maxLength={100}
          onChange={setName}
        />
        <div className="gs-staff-field">
          <label htmlFor="entity-kind">{t('draft.businessKind')}</label>
          <select
            id="entity-kind"
            value={kind}
            required
            onChange={(e) => setKind(e.target.value as BusinessKind)}
          >
            <option value="">{t('staff.choose')}</option>
            {BUSINESS_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`draft.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </StaffForm>
      <ProblemMessage error={codes.error ?? retire.error} />
      {codes.data?.codes.length === 0 ? <p>{t('intake.noCodes')}</p> : null}
      <ul className="gs-entity-codes">
        {codes.data?.codes.map((code) => (
          <li key={code.id}>
            <strong>{code.name}</strong> {code.creditCode}
            {code.retiredAt ? (
              <span className="gs-staff-muted"> · {t('intake.retired')}</span>
            ) : (
              <>
                {' · '}
                <a href={entityCodeImageUrl(code.id)} target="_blank" rel="noreferrer">
                  {t('intake.print')}
                </a>
                {' · '}
                <Button variant="secondary" onClick={() => retire.run(code.id)}>
                  {t('intake.retire')}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
