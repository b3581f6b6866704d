import type { ScreenDef } from '../screenTypes'

/** Screens of the people capability, in navigation order. */
export const peopleScreens: ScreenDef[] = []
