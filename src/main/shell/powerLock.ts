import { powerMonitor } from 'electron'
import type { DossierApp } from '../services/DossierApp'
import type { ServerApp } from '../services/ServerApp'

/** lock on OS suspend and screen lock; the idle lock ticks every 15 seconds. */
export function installLocks(app: DossierApp | ServerApp, onLocked: () => void): () => void {
  const lock = (reason: 'suspend' | 'screen-lock') => () => {
    if (app.vaultState() === 'unlocked') void app.lock(reason).then(onLocked)
  }
  powerMonitor.on('suspend', lock('suspend'))
  powerMonitor.on('lock-screen', lock('screen-lock'))
  const timer = setInterval(() => {
    void app.tick().then((locked) => locked && onLocked())
  }, 15_000)
  return () => clearInterval(timer)
}
