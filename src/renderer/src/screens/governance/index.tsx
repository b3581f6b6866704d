import type { ScreenDef } from '../screenTypes'

/** Screens of the governance capability, in navigation order. */
export const governanceScreens: ScreenDef[] = []
