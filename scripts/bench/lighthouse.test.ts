import { describe, expect, it } from 'vitest'
import { countedTasks, longTasksOf } from './lighthouse.mjs'

describe('the tasks Lighthouse counts toward TBT', () => {
  it('are named by chunk without its hash, the page’s own script and the browser’s work apart', () => {
    const tasks = longTasksOf([
      { url: 'http://localhost:4180/assets/react-D3F1Ia7g.js', startTime: 2165.4, duration: 106.2 },
      { url: 'Unattributable', startTime: 638, duration: 124 },
      { url: 'http://localhost:4180/q/FXNwLW5hbm5pbmc', startTime: 909, duration: 76 },
    ])
    expect(tasks).toEqual([
      { start: 2165, duration: 106, what: 'react' },
      { start: 638, duration: 124, what: 'unattributable' },
      { start: 909, duration: 76, what: 'inline' },
    ])
  })

  it('are listed for the run whose TBT is the median, in the order they ran', () => {
    const run = (tbt: number, longTasks: { start: number; duration: number; what: string }[]) => ({
      tbt,
      fcp: 600,
      longTasks,
    })
    const lines = countedTasks({
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
      'Tasks Lighthouse counted, after window-code, the median-TBT run (TBT 80 ms, FCP 600 ms; ' +
        'simulated times): 650 ms: 110 ms, unattributable (60 over 50); 2100 ms: 90 ms, dexie (40 over 50).',
    )
  })
})
