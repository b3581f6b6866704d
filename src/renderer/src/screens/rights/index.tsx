import type { ScreenDef } from '../screenTypes'

/** Screens of the rights capability, in navigation order. */
export const rightsScreens: ScreenDef[] = []
