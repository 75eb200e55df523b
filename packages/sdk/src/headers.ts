/** A random (v4) UUID to send as `Idempotency-Key`. */
export function createIdempotencyKey(): string {
  // Browsers expose randomUUID only in secure contexts (https, localhost); getRandomValues everywhere.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `If-Match` wants an entity tag: quote a bare version, keep one that is already a tag. */
export function toEntityTag(version: string): string {
  return /^(W\/)?".*"$/.test(version) ? version : `"${version}"`;
}
