/**
 * Connection settings from the realtime platform's secrets, named {@code <platform>-<service>-secret} for the services
 * kafka, mqtt, db, metabase and lenses.
 *
 * <p>{@link io.realtimeagents.secrets.PlatformSecretLoader} reads them from the Kubernetes API, mounted secret files or
 * environment variables; {@link io.realtimeagents.secrets.SecretConfigurer} applies them to an {@code AgentConfig}
 * over every other source; {@link io.realtimeagents.secrets.PlatformSecretWatcher} re-reads them and reports changes.
 * {@link io.realtimeagents.secrets.SecretKey} is the table of keys and the settings they configure. Values never appear
 * in logs, exceptions or {@code toString()}.
 */
package io.realtimeagents.secrets;
