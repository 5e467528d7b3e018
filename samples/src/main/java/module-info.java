/** The mailroom command-line tool, whose code doubles as examples. */
module dev.mailroom.samples {
  requires dev.mailroom.smtp;
  requires dev.mailroom.pop3;
  requires dev.mailroom.imap;
  requires dev.mailroom.testkit; // mailroom demo: the in-memory server
  requires info.picocli;
  // Packages are exported by the issue that fills them: an export of an empty package does not compile.
  // The CLI is an application, not an API: picocli reads and sets its annotated fields reflectively.
  opens dev.mailroom.samples.cli to info.picocli;
}
