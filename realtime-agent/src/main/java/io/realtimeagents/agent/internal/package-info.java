/** Implementation of the agent runtime; not API, may change in any release. */
package io.realtimeagents.agent.internal;
