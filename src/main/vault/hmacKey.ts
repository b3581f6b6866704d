import { createHmac, createSecretKey, type Hmac, type KeyObject } from 'node:crypto'

const keyObjects = new WeakMap<Buffer, KeyObject>()

/**
 * `createHmac('sha256', key)` for a key used many times over (the audit chain, the erasure ledger:
 * thousands of times in one retention run). Node re-validates a raw key on every call (measured:
 * ~11 µs of 13 per HMAC); the key's `KeyObject`, made once and kept only while the key itself is
 * held, skips that. The caller still owns and zeroes the key's buffer, and calls `forgetHmacKey`
 * when it does, so the `KeyObject`'s copy is left to the garbage collector.
 */
export function hmacSha256(key: Buffer): Hmac {
  let keyObject = keyObjects.get(key)
  if (!keyObject) keyObjects.set(key, (keyObject = createSecretKey(key)))
  return createHmac('sha256', keyObject)
}

/** Drops the cached `KeyObject` of `key` (when the key is zeroed: the vault closes). */
export function forgetHmacKey(key: Buffer): void {
  keyObjects.delete(key)
}
