package dev.mailroom.samples.cli;

import dev.mailroom.mime.Header;
import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import dev.mailroom.mime.parse.ParseOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mailroom parse FILE}: a message's header fields, MIME tree and attachments; the example for the {@code mime}
 * module ({@link MimeMessage#parse(Path, ParseOptions)}, the entity tree, {@link MimePart#openDecoded()},
 * {@link dev.mailroom.mime.ContentDisposition#safeFileName(String)}).
 *
 * <p><b>{@code --json}</b> prints one line, {@code {"subject": S, "body": NODE}}, where {@code S} is the RFC 2047
 * decoded Subject or {@code null}, and each {@code NODE} is an object with, in this order:
 * <ul>
 *   <li>{@code "contentType"}: {@code "type/subtype"} in lower case, the RFC 2045 §5.2 default {@code text/plain}
 *       when missing or unreadable ({@code message/rfc822} in a {@code multipart/digest}, RFC 2046 §5.1.5);
 *   <li>{@code "filename"}: the decoded (RFC 2231, RFC 2047) Content-Disposition {@code filename}, else the
 *       Content-Type {@code name}, else {@code null}; the sender's text, not a safe path;
 *   <li>then exactly one of: {@code "parts": [NODE, ...]} for a multipart; {@code "message": {"subject": S,
 *       "body": NODE}} for an encapsulated message ({@code message/rfc822}); or, for a leaf, {@code "size"}: the
 *       number of bytes once the Content-Transfer-Encoding is undone, and {@code "sha256"}: the lower-case hex
 *       SHA-256 of those bytes.
 * </ul>
 *
 * <p><b>{@code --extract DIR}</b> saves every leaf meant as an attachment (also inside forwarded messages) under a
 * safe, unique name in {@code DIR} (SECURITY.md M12): see {@link AttachmentFiles}.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Show a message's header fields, MIME tree and attachments.")
final class ParseCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The message (RFC 5322, e.g. an .eml file); - reads standard input.")
  String file;

  @Option(names = "--json", description = "Print the MIME tree as JSON (subject, and per part: contentType, "
      + "filename, then parts, message, or size and sha256 of the decoded bytes).")
  boolean json;

  @Option(names = "--extract", paramLabel = "DIR", description = "Save the attachments into DIR under safe, "
      + "unique file names.")
  Path extract;

  @ParentCommand
  MailroomCli cli;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    MimeMessage message = file.equals("-")
        ? MimeMessage.parse(cli.stdin())
        : MimeMessage.parse(Path.of(file), ParseOptions.defaults());
    PrintWriter out = spec.commandLine().getOut();
    MessageTree tree = MessageTree.of(message);
    if (json) {
      out.println(Json.write(tree.toJson()));
    } else {
      for (Header field : message.headers()) {
        out.println(field.name() + ": " + Display.escape(field.text()));
      }
      out.println();
      print(tree.body(), "", out);
    }
    if (extract != null) {
      AttachmentFiles files = new AttachmentFiles(extract);
      PrintWriter log = json ? spec.commandLine().getErr() : out;
      for (MimePart part : message.leaves()) {
        if (part.isAttachment()) {
          log.println("saved " + Display.escape(files.save(part).toString()));
        }
      }
    }
    return ExitCodes.OK;
  }

  /**
   * One line per entity, children indented: {@code application/pdf "report.pdf" 12345 bytes attachment}; what the
   * parser tolerated follows as {@code ! KIND: detail} lines.
   */
  private static void print(MessageTree.Node node, String indent, PrintWriter out) {
    StringBuilder line = new StringBuilder(indent).append(node.contentType());
    if (node.filename() != null) {
      line.append(" \"").append(Display.escape(node.filename())).append('"');
    }
    if (node.parts() == null && node.message() == null) {
      line.append(' ').append(node.size()).append(" bytes").append(node.attachment() ? " attachment" : "");
    }
    out.println(line);
    for (MimeDefect defect : node.defects()) {
      out.println(indent + "  ! " + defect.kind() + ": " + Display.escape(defect.detail()));
    }
    if (node.parts() != null) {
      node.parts().forEach(part -> print(part, indent + "  ", out));
    } else if (node.message() != null) {
      out.println(indent + "  Subject: " + Display.escape(node.message().subject()));
      print(node.message().body(), indent + "  ", out);
    }
  }
}
