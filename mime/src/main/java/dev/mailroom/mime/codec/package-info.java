/**
 * The MIME codecs: transfer encodings with streaming decoders and encoders ({@link
 * dev.mailroom.mime.codec.TransferEncoding}, RFC 2045 §6), choosing one ({@link dev.mailroom.mime.codec.ContentAnalysis}),
 * RFC 2047 encoded words ({@link dev.mailroom.mime.codec.EncodedWord}), RFC 2045/2231 parameters ({@link
 * dev.mailroom.mime.codec.ParameterValue}) and lenient charset decoding ({@link dev.mailroom.mime.codec.MimeCharsets}).
 *
 * <p>Decoders are lenient and report what they tolerated as {@link dev.mailroom.mime.MimeDefect}s, each kind at most
 * once per run; they never throw for bad input, and their work is linear in it (SECURITY.md M06 to M11). Encoders
 * produce only what a strict reader accepts: CRLF line breaks, lines within the RFC limits, no raw control characters
 * in header text (M01, M13).
 */
package dev.mailroom.mime.codec;
