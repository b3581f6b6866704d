/**
 * Files read and shown in memory only: nothing is written to disk (R-21, issue 3 "no plaintext
 * copy left behind"). Base64 is how the contract carries attachment bytes.
 */

/** The extensions the vault accepts (main/people/attachmentType.ts checks extension AND content). */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'docx', 'odt', 'jpg', 'jpeg', 'png'] as const
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',')

export function hasAllowedExtension(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.')
  return dot >= 0 && (ATTACHMENT_EXTENSIONS as readonly string[]).includes(fileName.slice(dot + 1).toLowerCase())
}

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}

export function base64ToBlob(base64: string, mimeType: string): Blob {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: mimeType })
}
