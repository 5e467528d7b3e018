/**
 * JUnit 5 support: start and stop fake servers declared as fields.
 */
package dev.mailroom.testkit.junit5;
