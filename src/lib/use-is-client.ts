import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

/**
 * False while the screen is rendered at build time or while React hydrates that HTML, true in
 * every render after (and from the start when nothing was prerendered). What reads the browser
 * itself (user agent, storage) waits for it, so the hydrating render matches the HTML.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
}
