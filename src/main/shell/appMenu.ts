import { Menu, type MenuItemConstructorOptions } from 'electron'

/**
 * In production the default menu goes: it carries "Toggle Developer Tools" and "Reload". What
 * stays is what typing needs (the Edit menu's copy/paste shortcuts, which macOS takes from the menu).
 */
export function installAppMenu(isProduction: boolean): void {
  if (!isProduction) return
  const template: MenuItemConstructorOptions[] =
    process.platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }] : [{ role: 'editMenu' }]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
