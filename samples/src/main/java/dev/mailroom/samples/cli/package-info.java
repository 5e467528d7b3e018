/**
 * The mailroom command-line tool (filled by the CLI issue).
 */
package dev.mailroom.samples.cli;
