/**
 * Agent configuration: every setting is declared once in {@link io.realtimeagents.common.config.AgentSettings} with
 * its environment variable, property name, type, default and documentation; {@link
 * io.realtimeagents.common.config.ConfigLoader} reads them from the built-in defaults, {@code application.yml},
 * environment variables and system properties (in increasing precedence); {@link
 * io.realtimeagents.common.config.AgentConfig} is the validated, immutable result.
 */
package io.realtimeagents.common.config;
