/**
 * Implementation of the platform secrets: the readers of each source (Kubernetes API, mounted files, environment), the
 * mapping of keys onto settings and Kafka security properties. Not an API: may change without notice.
 *
 * <p>The loader and configurer of the API package use this package; this package uses the API package only for its
 * values ({@code SecretKey}, {@code SecretSource}, {@code PlatformService}, {@code ServiceSecret}), as
 * {@code ArchitectureTest} checks.
 */
package io.realtimeagents.secrets.internal;
