/**
 * Implementation of the test kit: the three kinds of broker (in-JVM KRaft, Testcontainers, external), the choice
 * between them, topic administration, the record reading loop and the inbox of the live-delivery test clients. Not an
 * API: anything here may change without notice; use {@link io.realtimeagents.testkit} instead.
 */
package io.realtimeagents.testkit.internal;
