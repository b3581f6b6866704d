/**
 * The app's Mantine theme, in one place (issue 16: WCAG AA contrast everywhere, not screen by
 * screen). Filled buttons and badges use shade 9 and darken to shade 8 on hover; where Mantine's
 * shades 8 and 9 are too light for white text (teal 3.9:1, red, orange, yellow…), they are
 * replaced here by darker ones, so white on every filled colour, hovered or not, is at least
 * 4.5:1, and shade 9 text on the light badges' and alerts' tint (shade 1) too. autoContrast turns
 * the text dark on any light filled colour that remains. "Dimmed" text is gray 7 (8:1 instead of
 * 3.3:1), placeholders #6c757d (4.7:1) and error messages red 9.
 */
import { type CSSVariablesResolver, type MantineColorsTuple, Autocomplete, DEFAULT_THEME, MantineProvider, Modal, MultiSelect, Select, createTheme } from '@mantine/core'
import { type ReactNode, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { styleNonce } from '../styleNonce'

/** A palette with its two darkest shades replaced (shades 0–7 as Mantine's). */
function withDarkEnd(name: keyof typeof DEFAULT_THEME.colors, shade8: string, shade9: string): MantineColorsTuple {
  const shades = [...DEFAULT_THEME.colors[name]!]
  shades[8] = shade8
  shades[9] = shade9
  return shades as unknown as MantineColorsTuple
}

export const DOSSIER_THEME_BASE = {
  primaryColor: 'teal',
  primaryShade: 9,
  autoContrast: true,
  luminanceThreshold: 0.179,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Each screen's title is its one h1 (issue 16), drawn at the size the screens were designed with.
  headings: { sizes: { h1: DEFAULT_THEME.headings.sizes.h2 } },
  colors: {
    teal: withDarkEnd('teal', '#087f5b', '#066649'),
    red: withDarkEnd('red', '#c92a2a', '#a51d1d'),
    pink: withDarkEnd('pink', '#c2255c', '#a61e4d'),
    orange: withDarkEnd('orange', '#a63a06', '#8a3004'),
    yellow: withDarkEnd('yellow', '#8a5300', '#6e4200'),
    lime: withDarkEnd('lime', '#4b6f0f', '#3b580b'),
    green: withDarkEnd('green', '#237032', '#1b5a28'),
    cyan: withDarkEnd('cyan', '#0b6b80', '#08566a')
  }
} as const

const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-error': 'var(--mantine-color-red-9)'
  },
  dark: {}
})

/**
 * The theme, in the language on screen: every modal's close button is named, and an option list's
 * scrolling area can be reached from the keyboard and is named (axe: buttons need a name;
 * scrollable regions need keyboard access), in the words of the current language.
 */
export function ThemedProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation()
  const theme = useMemo(() => {
    const scrollAreaProps = { viewportProps: { tabIndex: 0, role: 'group', 'aria-label': t('common.options') } }
    return createTheme({
      ...DOSSIER_THEME_BASE,
      components: {
        Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
        Select: Select.extend({ defaultProps: { scrollAreaProps } }),
        MultiSelect: MultiSelect.extend({ defaultProps: { scrollAreaProps } }),
        Autocomplete: Autocomplete.extend({ defaultProps: { scrollAreaProps } })
      }
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n.language])
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} getStyleNonce={() => styleNonce}>
      {children}
    </MantineProvider>
  )
}
