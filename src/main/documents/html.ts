import { escapeHtml } from './escapeHtml'

/**
 * A piece of markup that is already safe. Renderers build documents only through the `html` tag
 * below, which escapes every interpolated string, so forgetting to escape a name is not possible:
 * raw text can only become markup by passing through `escapeHtml`.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[]

/** Tagged template: strings and numbers are escaped, `Html` is inserted as is, arrays are joined. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? ''
  values.forEach((value, i) => {
    out += toMarkup(value) + (strings[i + 1] ?? '')
  })
  return new Html(out)
}

function toMarkup(value: HtmlValue): string {
  if (value instanceof Html) return value.value
  if (Array.isArray(value)) return value.map(toMarkup).join('')
  if (value === null || value === undefined || value === false) return ''
  return escapeHtml(String(value))
}
