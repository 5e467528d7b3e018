package dev.mailroom.samples.cli;

import dev.mailroom.mime.Header;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expressions of {@code mailroom check}, matched against what a reader sees: the RFC 2047 decoded From
 * and Subject, the decoded value of each named header field, and the decoded text of the body (the plain-text part,
 * else the HTML one). A pattern matches anywhere in its text ({@link java.util.regex.Matcher#find()}); write
 * {@code ^...$} to anchor it and {@code (?i)} to ignore case. All given patterns must match.
 */
final class MessageMatcher {
  /** A header field's name and the pattern for its decoded value. */
  record HeaderPattern(String name, Pattern pattern) { }

  private final Pattern from;
  private final Pattern subject;
  private final List<HeaderPattern> headers;
  private final Pattern body;

  private MessageMatcher(Pattern from, Pattern subject, List<HeaderPattern> headers, Pattern body) {
    this.from = from;
    this.subject = subject;
    this.headers = List.copyOf(headers);
    this.body = body;
  }

  /**
   * Compiles the options' patterns; any may be null (no condition).
   *
   * @param headers {@code NAME:REGEX} each
   * @throws IllegalArgumentException naming the option whose pattern or field name is invalid
   */
  static MessageMatcher of(String from, String subject, List<String> headers, String body) {
    List<HeaderPattern> fields = new ArrayList<>();
    for (String spec : headers) {
      int colon = spec.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("--header needs NAME:REGEX, not '" + Display.escape(spec) + "'");
      }
      String name = spec.substring(0, colon).strip();
      try {
        Header.checkName(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--header " + Display.escape(name) + ": " + e.getMessage());
      }
      fields.add(new HeaderPattern(name, compile("--header " + name, spec.substring(colon + 1))));
    }
    return new MessageMatcher(compile("--from", from), compile("--subject", subject), fields,
        compile("--body", body));
  }

  /** Matches one header field exactly: the round-trip probe's token. */
  static MessageMatcher header(String name, String exactValue) {
    return new MessageMatcher(null, null, List.of(new HeaderPattern(name,
        Pattern.compile("^" + Pattern.quote(exactValue) + "$"))), null);
  }

  private static Pattern compile(String option, String regex) {
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(option + ": not a regular expression: "
          + Display.escape(e.getDescription()) + " near index " + e.getIndex() + " of '" + Display.escape(regex)
          + "'");
    }
  }

  /** Whether a message's body must be downloaded (otherwise its header is enough). */
  boolean needsBody() {
    return body != null;
  }

  /** Whether {@code message} satisfies every pattern. */
  boolean matches(MimeMessage message) throws IOException {
    if (from != null && !from.matcher(message.headers().text("From").orElse("")).find()) {
      return false;
    }
    if (subject != null && !subject.matcher(message.subject().orElse("")).find()) {
      return false;
    }
    for (HeaderPattern field : headers) {
      if (message.headers().all(field.name()).stream().noneMatch(h -> field.pattern().matcher(h.text()).find())) {
        return false;
      }
    }
    if (body != null) {
      Optional<MimePart> text = message.textBody().or(message::htmlBody);
      return text.isPresent() && body.matcher(text.get().decodedText()).find();
    }
    return true;
  }
}
