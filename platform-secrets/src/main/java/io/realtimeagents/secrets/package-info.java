/**
 * Connection settings from the realtime platform's secrets, named {@code <platform>-<service>-secret}. This module
 * grows the Kubernetes, mounted-file and environment loaders; today it knows the naming convention.
 */
package io.realtimeagents.secrets;
