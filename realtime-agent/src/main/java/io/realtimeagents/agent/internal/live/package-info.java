/**
 * Live delivery to browsers over WebSocket and Server-Sent Events. Every replica reads the events and live topics
 * from Kafka ({@link io.realtimeagents.agent.internal.live.KafkaLiveFeed}), encodes each message once
 * ({@link io.realtimeagents.agent.internal.live.LiveMessage}), keeps a bounded per-topic history for SSE resume
 * ({@link io.realtimeagents.agent.internal.live.LiveHistory}) and fans it out per Netty event loop to the
 * connections subscribed to its topic ({@link io.realtimeagents.agent.internal.live.LiveHub}), writing retained
 * duplicates of the encoded bytes and never queueing more than a client's buffer holds.
 */
package io.realtimeagents.agent.internal.live;
