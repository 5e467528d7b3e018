/**
 * The {@code mailroom} command-line tool: {@link dev.mailroom.samples.cli.MailroomCli} with the subcommands
 * {@code send} ({@link dev.mailroom.samples.cli.SendCommand}) and {@code parse}
 * ({@link dev.mailroom.samples.cli.ParseCommand}). Each subcommand is short and doubles as example code.
 */
package dev.mailroom.samples.cli;
