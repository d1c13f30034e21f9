/**
 * The HTTP layer on Micronaut (Netty): the only package of the project that uses Micronaut annotations. Controllers
 * are thin: they hand requests to the {@link io.realtimeagents.agent.internal.AgentRuntime} and write its replies. Not
 * an API.
 */
package io.realtimeagents.agent.internal.server;
