import type { ScreenDef } from '../screenTypes'

/** Screens of the retention capability, in navigation order. */
export const retentionScreens: ScreenDef[] = []
