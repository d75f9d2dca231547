/**
 * Large-text mode (适老化) for older owners. It changes sizes, not zoom: the root font size (our
 * rem-based CSS), antd-mobile's font-size variables, and the minimum touch target. The values go
 * inline on <html> so they win over antd-mobile's :root rules, whichever stylesheet loads last.
 */
import { useSyncExternalStore } from 'react'
import { STORAGE_KEY_LARGE_TEXT, readPreference, writePreference } from './preferences'

export const LARGE_TEXT_CLASS = 'large-text'

const LARGE_TEXT_STYLE: Readonly<Record<string, string>> = {
  'font-size': '125%',
  '--gs-touch-target': '56px',
  '--adm-font-size-1': '13px',
  '--adm-font-size-2': '14px',
  '--adm-font-size-3': '15px',
  '--adm-font-size-4': '16px',
  '--adm-font-size-5': '17px',
  '--adm-font-size-6': '18px',
  '--adm-font-size-7': '19px',
  '--adm-font-size-8': '20px',
  '--adm-font-size-9': '22px',
  '--adm-font-size-10': '24px',
  '--adm-font-size-main': 'var(--adm-font-size-8)',
}

const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // Another tab may change the setting; keep this one in step.
  window.addEventListener('storage', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', listener)
  }
}

export function isLargeTextStored(): boolean {
  return readPreference(STORAGE_KEY_LARGE_TEXT) === 'on'
}

export function applyTextSize(isLarge: boolean, root: HTMLElement = document.documentElement) {
  root.classList.toggle(LARGE_TEXT_CLASS, isLarge)
  for (const [property, value] of Object.entries(LARGE_TEXT_STYLE)) {
    if (isLarge) root.style.setProperty(property, value)
    else root.style.removeProperty(property)
  }
}

/** Remembers the choice; the shell applies it to the page (applyTextSize) when it changes. */
export function setLargeText(isLarge: boolean): void {
  writePreference(STORAGE_KEY_LARGE_TEXT, isLarge ? 'on' : 'off')
  listeners.forEach((listener) => listener())
}

/** The remembered setting and a setter; the setting lives in localStorage only. */
export function useLargeText(): [boolean, (isLarge: boolean) => void] {
  const isLarge = useSyncExternalStore(subscribe, isLargeTextStored, () => false)
  return [isLarge, setLargeText]
}
