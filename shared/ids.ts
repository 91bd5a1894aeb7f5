const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'

/**
 * Ten random bytes as 16 lower-case base32 characters: the shape of every opaque id
 * (residents, accounts, notices). Never sequential, so an id reveals nothing about others.
 */
export function base32Id(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes.subarray(0, 10)) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += alphabet[(buffer >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out
}
