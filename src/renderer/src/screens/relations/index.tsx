import type { ScreenDef } from '../screenTypes'

/** Screens of the relations capability, in navigation order. */
export const relationsScreens: ScreenDef[] = []
