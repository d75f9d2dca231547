import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { BUSINESS_KINDS, type BusinessKind } from '../../../../mock-api/contract'
import { entityCodeImageUrl, issueEntityCode, retireEntityCode } from '../common/intake-api'
import { ProblemMessage } from '../common/problem-message'
import { entityCodesQuery, staffKeys } from '../common/queries'
import { TextField } from '../common/text-field'
import { useSingleMutation } from '../common/use-single-mutation'

/** Entity codes (经营主体服务码): issue one for a business, print it as a sticker, retire it. */
export function EntityCodes() {
  const { t } = useTranslation()
  const codes = useQuery(entityCodesQuery())
  const [creditCode, setCreditCode] = useState('')
  const [name, setName] = useState('')
  const [kind, setKind] = useState<BusinessKind | ''>('')
  const issue = useSingleMutation(issueEntityCode, [staffKeys.entityCodes])
  const retire = useSingleMutation(retireEntityCode, [staffKeys.entityCodes])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (kind === '') return
    issue.run({ creditCode: creditCode.trim().toUpperCase(), name, kind }, () => {
      setCreditCode('')
      setName('')
      setKind('')
    })
  }
  return (
    <>
      <form className="gs-staff-form" onSubmit={submit}>
        <h2>{t('intake.issue')}</h2>
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
        <ProblemMessage error={issue.error} />
        <button type="submit" className="gs-staff-button" disabled={issue.isPending}>
          {t('intake.issueSubmit')}
        </button>
      </form>
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
                <button
                  type="button"
                  className="gs-staff-button gs-staff-button--plain"
                  onClick={() => retire.run(code.id)}
                >
                  {t('intake.retire')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
