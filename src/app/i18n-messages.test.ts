import { describe, expect, it } from 'vitest'
import { staffMessages } from '@/features/staff/common/locales/messages'
import { addMessages, createI18n } from '@/lib/i18n'

// (src/test/setup.ts has already added the console's strings, as the console's chunk does.)
describe('messages a lazily loaded part brings (the console’s)', () => {
  it('are there in Chinese at once, and in English with the owner’s strings when English loads', async () => {
    addMessages(staffMessages)
    const i18n = createI18n()
    expect(i18n.t('staff.screens.queue')).toBe('待办工单')
    await i18n.changeLanguage('en')
    // The owner's English (loaded lazily) is not lost to the console's, nor the other way.
    expect(i18n.t('home.title')).toBe('Report a problem')
    expect(i18n.t('staff.screens.queue')).not.toMatch(/待办|staff\.screens/)
  })

  it('reach an instance that loaded English before they came', async () => {
    const i18n = createI18n()
    await i18n.changeLanguage('en')
    addMessages({ 'zh-CN': { lateExtra: { word: '甲' } }, en: { lateExtra: { word: 'A' } } })
    expect(i18n.getResource('en', 'translation', 'lateExtra.word')).toBe('A')
    expect(i18n.getResource('zh-CN', 'translation', 'lateExtra.word')).toBe('甲')
    expect(i18n.t('home.title')).toBe('Report a problem')
  })
})
