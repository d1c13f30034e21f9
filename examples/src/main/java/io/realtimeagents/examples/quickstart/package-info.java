/** The README's first agent, kept compiling and tested. */
package io.realtimeagents.examples.quickstart;
