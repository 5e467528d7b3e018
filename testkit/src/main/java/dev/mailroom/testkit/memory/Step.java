package dev.mailroom.testkit.memory;

/**
 * A point in a protocol conversation where {@link Faults} can delay or drop the connection. A step is reached when
 * the server is about to send the greeting or has read the named command, before it replies.
 *
 * <pre>{@code
 * server.faults().dropAt(Step.SMTP_DATA_END);    // the client sent the whole message; the reply never comes
 * }</pre>
 */
public enum Step {
  /** Before the SMTP 220 greeting. */
  SMTP_GREETING,
  /** After EHLO or HELO. */
  SMTP_EHLO,
  /** After STARTTLS. */
  SMTP_STARTTLS,
  /** After AUTH. */
  SMTP_AUTH,
  /** After MAIL FROM. */
  SMTP_MAIL,
  /** After RCPT TO. */
  SMTP_RCPT,
  /** After DATA, before the 354. */
  SMTP_DATA,
  /** After the final dot of DATA or the last BDAT chunk, before the reply. */
  SMTP_DATA_END,
  /** After a BDAT chunk was read. */
  SMTP_BDAT,
  /** After QUIT. */
  SMTP_QUIT,
  /** Before the POP3 +OK greeting. */
  POP3_GREETING,
  /** After PASS, APOP or AUTH. */
  POP3_AUTH,
  /** After STAT, LIST or UIDL. */
  POP3_LIST,
  /** After RETR or TOP. */
  POP3_RETR,
  /** After DELE. */
  POP3_DELE,
  /** After QUIT. */
  POP3_QUIT,
  /** Before the IMAP OK greeting. */
  IMAP_GREETING,
  /** After LOGIN or AUTHENTICATE. */
  IMAP_LOGIN,
  /** After SELECT or EXAMINE. */
  IMAP_SELECT,
  /** After FETCH or UID FETCH. */
  IMAP_FETCH,
  /** After SEARCH or UID SEARCH. */
  IMAP_SEARCH,
  /** After STORE or UID STORE. */
  IMAP_STORE,
  /** After APPEND's message literal was read. */
  IMAP_APPEND,
  /** After IDLE, before the continuation. */
  IMAP_IDLE,
  /** After LOGOUT. */
  IMAP_LOGOUT
}
