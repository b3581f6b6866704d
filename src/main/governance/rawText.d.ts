/** Vite inlines `?raw` imports as strings (resources shipped inside the bundle, no file lookup at run time). */
declare module '*.txt?raw' {
  const text: string
  export default text
}
