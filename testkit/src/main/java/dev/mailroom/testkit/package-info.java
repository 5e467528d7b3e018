/**
 * Scripted fake mail servers (MockWebServer style) and runtime test certificates.
 */
package dev.mailroom.testkit;
