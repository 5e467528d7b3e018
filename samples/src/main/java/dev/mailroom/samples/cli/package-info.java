/**
 * The {@code mailroom} command-line tool: {@link dev.mailroom.samples.cli.MailroomCli} with the subcommands
 * {@code send} ({@link dev.mailroom.samples.cli.SendCommand}), {@code fetch}
 * ({@link dev.mailroom.samples.cli.FetchCommand}), {@code check} ({@link dev.mailroom.samples.cli.CheckCommand}),
 * {@code parse} ({@link dev.mailroom.samples.cli.ParseCommand}) and {@code demo}
 * ({@link dev.mailroom.samples.cli.DemoCommand}). Each subcommand is short and doubles as example code.
 */
package dev.mailroom.samples.cli;
