/** A frame that cannot be decoded; the connection that sent it is closed. */
export class BadMessageError extends Error {
  override readonly name = 'BadMessageError';
}
