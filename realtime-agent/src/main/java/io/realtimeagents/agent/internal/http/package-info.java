/**
 * What the HTTP layer and the live endpoints share: the JSON error body. Depends on no other package of the agent, so
 * that {@code live} and the runtime both can use it.
 */
package io.realtimeagents.agent.internal.http;
