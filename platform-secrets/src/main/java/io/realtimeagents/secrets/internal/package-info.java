/**
 * Implementation of the platform secrets: the readers of each source (Kubernetes API, mounted files, environment), the
 * mapping of keys onto settings and Kafka security properties. Not an API: may change without notice.
 */
package io.realtimeagents.secrets.internal;
