/**
 * Implementation of the test kit: the three kinds of broker (in-JVM KRaft, Testcontainers, external), the choice
 * between them, topic administration and the record reading loop. Not an API: anything here may change without
 * notice; use {@link io.realtimeagents.testkit} instead.
 */
package io.realtimeagents.testkit.internal;
