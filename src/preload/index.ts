import { contextBridge, ipcRenderer } from 'electron'

/**
 * Exposes the contract as `window.dossier`: one named method per operation (names come from the
 * main process's contract list), nothing generic. Each returns the envelope `{ok, value|error}`.
 * A `onLocked` subscription tells the renderer to show sign-in when main locked the vault.
 */
const names = ipcRenderer.sendSync('dossier:operations') as string[]
const api: Record<string, (input?: unknown) => Promise<unknown>> = {}
for (const name of names) {
  api[name] = (input?: unknown) => ipcRenderer.invoke('dossier:invoke', name, input ?? {})
}
contextBridge.exposeInMainWorld('dossier', Object.freeze(api))
contextBridge.exposeInMainWorld('dossierEvents', {
  onLocked: (callback: () => void) => {
    const listener = () => callback()
    ipcRenderer.on('dossier:locked', listener)
    return () => ipcRenderer.removeListener('dossier:locked', listener)
  }
})
