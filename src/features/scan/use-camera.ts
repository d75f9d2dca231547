import { useEffect, useEffectEvent, useState, type RefObject } from 'react'
import { startCamera, type CameraSession } from './camera'
import { cameraProblemOf, type CameraProblem } from './camera-problem'

export type CameraState =
  | { kind: 'starting' }
  | { kind: 'running'; hasTorch: boolean; isTorchOn: boolean }
  | { kind: 'failed'; problem: CameraProblem }

/**
 * Runs the camera inside `host` while the component is mounted, calling `onText` with what it
 * decodes. `retry` opens it again after a failure (e.g. once permission was granted).
 */
export function useCamera(host: RefObject<HTMLElement | null>, onText: (text: string) => void) {
  const [state, setState] = useState<CameraState>({ kind: 'starting' })
  const [attempt, setAttempt] = useState(0)
  const [session, setSession] = useState<CameraSession | null>(null)
  const onDecoded = useEffectEvent(onText)

  useEffect(() => {
    const element = host.current
    if (!element) return
    let isCancelled = false
    let started: CameraSession | null = null
    startCamera(element, (text) => onDecoded(text)).then(
      (opened) => {
        started = opened
        if (isCancelled) {
          void opened.stop()
          return
        }
        setSession(opened)
        setState({ kind: 'running', hasTorch: opened.hasTorch, isTorchOn: false })
      },
      (error: unknown) => {
        if (!isCancelled) setState({ kind: 'failed', problem: cameraProblemOf(error) })
      },
    )
    return () => {
      isCancelled = true
      void started?.stop()
      setSession(null)
    }
  }, [host, attempt])

  const retry = () => {
    setState({ kind: 'starting' })
    setAttempt((n) => n + 1)
  }

  const toggleTorch = async () => {
    if (state.kind !== 'running' || !session) return
    const isTorchOn = !state.isTorchOn
    await session.setTorch(isTorchOn)
    setState({ ...state, isTorchOn })
  }

  return { state, retry, toggleTorch }
}
