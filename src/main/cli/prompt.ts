import { createInterface } from 'node:readline'

/** A hidden prompt on the terminal (passphrases never echo). Fails without a TTY. */
export async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no terminal for a passphrase prompt')
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream }
  let muted = false
  out._writeToOutput = (s: string) => {
    if (!muted) process.stderr.write(s)
  }
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
    muted = true
  })
}

/** A visible one-line answer on the terminal (a typed confirmation). Fails without a TTY. */
export async function promptLine(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no terminal for a confirmation')
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close()
      resolve(answer)
    })
  })
}
