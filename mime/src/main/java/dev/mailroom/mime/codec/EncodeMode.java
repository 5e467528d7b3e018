package dev.mailroom.mime.codec;

/**
 * How a body's bytes are read when it is transfer-encoded (RFC 2045 §6.6, canonical encoding model).
 */
public enum EncodeMode {
  /**
   * Text: CRLF, bare LF and bare CR are all line breaks, written as CRLF. Quoted-printable writes them as hard line
   * breaks (RFC 2045 §6.7 rule (4)); base64 encodes the canonical CRLF form.
   */
  TEXT,
  /**
   * Binary: every byte is data. Quoted-printable encodes CR and LF as {@code =0D}/{@code =0A}; base64 and binary
   * leave the bytes as they are. 7bit and 8bit are line-oriented by definition (RFC 2045 §2.7, §2.8) and always
   * canonicalise line breaks, so {@link ContentAnalysis#suggest} never picks them for binary data that would change.
   */
  BINARY
}
