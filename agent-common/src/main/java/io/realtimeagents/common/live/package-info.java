/**
 * Live delivery to browsers: WebSocket endpoints with their auto-subscribed topics, live topic names and the policy
 * for clients that cannot keep up.
 */
package io.realtimeagents.common.live;
