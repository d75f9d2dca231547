import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n'

async function inLanguage(language: 'zh-CN' | 'en') {
  const i18n = createI18n()
  await i18n.changeLanguage(language)
  return i18n
}

// Issue 17: "1 working days left". English counts in singular and plural; Chinese has one form.
describe('counted messages', () => {
  it('say one and many in English', async () => {
    const { t } = await inLanguage('en')
    expect(t('tickets.due.left', { count: 1 })).toBe('1 working day left')
    expect(t('tickets.due.left', { count: 3 })).toBe('3 working days left')
    expect(t('draft.fixErrors', { count: 1 })).toBe(
      '1 field still needs attention; it is marked in red.',
    )
    expect(t('draft.fixErrors', { count: 4 })).toBe(
      '4 fields still need attention; they are marked in red.',
    )
    expect(t('tickets.link.linked', { count: 1 })).toBe('Linked: this phone now sees 1 ticket.')
  })

  it('keep the one Chinese form for every number', async () => {
    const { t } = await inLanguage('zh-CN')
    expect(t('tickets.due.left', { count: 1 })).toBe('剩 1 个工作日')
    expect(t('tickets.due.left', { count: 3 })).toBe('剩 3 个工作日')
    expect(t('draft.fixErrors', { count: 1 })).toBe('还有 1 项需要填写或修改，见标红的地方。')
  })
})
