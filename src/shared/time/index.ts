/**
 * The one time module (ARCHITECTURE "Time and retention"): calendar dates `YYYY-MM-DD` in
 * Europe/Amsterdam, their arithmetic, Amsterdam wall-clock time and how dates read in NL/EN. Used
 * by main and renderer alike, so it imports nothing but date-fns and its time-zone packages. It
 * never reads a clock: main's `Clock` is injected, the renderer passes its workstation time.
 */
export * from './calendar'
export * from './amsterdamTime'
export * from './formatDate'
