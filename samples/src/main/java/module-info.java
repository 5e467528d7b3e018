/** The mailroom command-line tool, whose code doubles as examples. */
module dev.mailroom.samples {
  requires dev.mailroom.smtp;
  requires dev.mailroom.pop3;
  requires dev.mailroom.imap;
  requires info.picocli;

  exports dev.mailroom.samples.cli;
}
