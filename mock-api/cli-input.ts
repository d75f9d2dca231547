// Terminal input for cli.ts: a password prompt that echoes nothing, and reading a whole pipe.
import type { Readable } from 'node:stream'

const ENTER = new Set(['\r', '\n'])
const CTRL_C = '\u0003'
const BACKSPACE = new Set(['\u007f', '\b'])

/** Asks on the terminal without echoing what is typed. Rejects on Ctrl-C. */
export function askHidden(question: string): Promise<string> {
  const input = process.stdin
  process.stdout.write(question)
  input.setRawMode(true)
  input.setEncoding('utf8')
  input.resume()
  return new Promise((resolve, reject) => {
    let typed = ''
    const finish = () => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stdout.write('\n')
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (ENTER.has(char)) {
          finish()
          resolve(typed)
          return
        }
        if (char === CTRL_C) {
          finish()
          reject(new Error('cancelled'))
          return
        }
        typed = BACKSPACE.has(char) ? [...typed].slice(0, -1).join('') : typed + char
      }
    }
    input.on('data', onData)
  })
}

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  }
  return Buffer.concat(chunks).toString('utf8')
}
