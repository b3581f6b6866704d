import type { ScreenDef } from '../screenTypes'

/** Screens of the consent capability, in navigation order. */
export const consentScreens: ScreenDef[] = []
