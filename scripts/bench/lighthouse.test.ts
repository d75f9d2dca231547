import { describe, expect, it } from 'vitest'
import { lighthouseLongTasks, lighthouseTaskLines } from './lighthouse.mjs'

describe('Lighthouse’s long tasks', () => {
  it('are named by chunk without its hash, the page itself and the browser’s work apart', () => {
    const tasks = lighthouseLongTasks([
      { url: 'http://localhost:4180/assets/react-D3F1Ia7g.js', startTime: 2165.4, duration: 106.2 },
      { url: 'Unattributable', startTime: 638, duration: 124 },
      { url: 'http://localhost:4180/q/FXNwLW5hbm5pbmc', startTime: 909, duration: 76 },
      { url: 'Browser', startTime: 1200, duration: 55 },
      { url: 'Browser GC', startTime: 1300, duration: 51 },
    ])
    expect(tasks).toEqual([
      { start: 2165, duration: 106, what: 'react' },
      { start: 638, duration: 124, what: 'unattributable' },
      { start: 909, duration: 76, what: 'document' },
      { start: 1200, duration: 55, what: 'browser' },
      { start: 1300, duration: 51, what: 'browser GC' },
    ])
  })

  it('are listed for the run whose TBT is the median, in the order they ran', () => {
    const run = (tbt: number, longTasks: { start: number; duration: number; what: string }[]) => ({
      tbt,
      fcp: 600,
      interactive: 2900,
      longTasks,
    })
    const lines = lighthouseTaskLines({
      after: {
        'window-code': {
          runs: [
            run(300, [{ start: 700, duration: 300, what: 'react' }]),
            run(80, [
              { start: 2100, duration: 90, what: 'dexie' },
              { start: 650, duration: 110, what: 'unattributable' },
            ]),
            run(10, []),
          ],
        },
      },
    })
    expect(lines[0]).toBe(
      'Lighthouse’s long tasks (the 20 longest of 50 ms or more), after window-code, the ' +
        'median-TBT run (TBT 80 ms, FCP 600 ms, interactive 2900 ms; simulated times): ' +
        '650 ms: 110 ms, unattributable (60 over 50); 2100 ms: 90 ms, dexie (40 over 50).',
    )
  })

  it('say so when a run had none, and skip summaries written before they were recorded', () => {
    const lines = lighthouseTaskLines({
      after: { home: { runs: [{ tbt: 0, fcp: 700, interactive: 1000, longTasks: [] }] } },
      before: { home: { runs: [{ tbt: 30, fcp: 700, interactive: 1000 }] } },
    })
    expect(lines).toEqual([
      'Lighthouse’s long tasks (the 20 longest of 50 ms or more), after home, the median-TBT run ' +
        '(TBT 0 ms, FCP 700 ms, interactive 1000 ms; simulated times): none.',
      '',
    ])
  })
})
