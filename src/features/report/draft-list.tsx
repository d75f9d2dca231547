import { Button, Dialog } from 'antd-mobile'
import { useState, type ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { Link } from 'react-router'
import { formatDateTime } from '@/lib/format'
import { deleteDraft, type Draft } from './drafts'
import { refusalMessage } from './refusal'
import { useDrafts } from './use-drafts'
import './report.css'

type Props = { draftHref: (id: string) => string; empty: ReactNode }

/**
 * The drafts on this phone, newest first, each with where it stands. Deleting one asks first; a
 * queued one cannot be deleted, as the outbox is already sending it.
 */
export function DraftList({ draftHref, empty }: Props) {
  const { t, i18n } = useTranslation()
  const drafts = useDrafts()
  const [toDelete, setToDelete] = useState<Draft | null>(null)

  if (drafts === undefined) return <p className="gs-muted">{t('app.loading')}</p>
  if (drafts.length === 0) return empty

  const nameOf = (draft: Draft) => draft.title.trim() || t('drafts.untitled')
  const confirmDelete = async () => {
    if (toDelete) await deleteDraft(toDelete.id)
    setToDelete(null)
  }

  return (
    <>
      <ul className="gs-draft-list">
        {drafts.map((draft) => (
          <li key={draft.id} className="gs-draft-list__item">
            <Link to={draftHref(draft.id)} className="gs-draft-list__link">
              <span className="gs-draft-list__title">{nameOf(draft)}</span>
              <span className={`gs-draft-state gs-draft-state--${draft.state}`}>
                {draft.refusal && draft.state === 'refused'
                  ? t('drafts.refusedBecause', {
                      message: refusalMessage(draft.refusal, i18n.language),
                    })
                  : t(`drafts.states.${draft.state}`)}
              </span>
              <span className="gs-draft-list__meta">
                {draft.category ? t(`categories.${draft.category}.label`) : t('drafts.noCategory')}
                {' · '}
                {t('drafts.updated', { time: formatDateTime(draft.updatedAt, i18n.language) })}
              </span>
            </Link>
            {draft.state !== 'queued' && (
              <Button
                className="gs-draft-list__delete"
                fill="none"
                color="danger"
                aria-label={t('drafts.deleteNamed', { title: nameOf(draft) })}
                onClick={() => setToDelete(draft)}
              >
                {t('drafts.delete')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Dialog
        visible={toDelete !== null}
        aria-label={t('drafts.confirmTitle')}
        title={t('drafts.confirmTitle')}
        content={t('drafts.confirmBody')}
        closeOnMaskClick
        onClose={() => setToDelete(null)}
        actions={[
          [
            { key: 'cancel', text: t('drafts.cancel'), onClick: () => setToDelete(null) },
            {
              key: 'delete',
              text: t('drafts.delete'),
              danger: true,
              bold: true,
              onClick: confirmDelete,
            },
          ],
        ]}
      />
    </>
  )
}
