package io.realtimeagents.common.config;

import io.realtimeagents.common.live.SlowClientPolicy;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.common.mqtt.MqttBridge;
import io.realtimeagents.common.mqtt.MqttSubscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every setting of an agent, declared once. Environment variable names follow the reference library where it has
 * one ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MQTT_HOST}, ...). Besides these, any Kafka client property can be
 * passed as {@code KAFKA_CONSUMER_<NAME>} / {@code kafka.consumer.<name>} and {@code KAFKA_PRODUCER_<NAME>} /
 * {@code kafka.producer.<name>} (e.g. {@code KAFKA_CONSUMER_MAX_POLL_RECORDS=1000}).
 *
 * <p>Over 300 lines because it is the one table of every setting, each declared once with its documentation; the
 * generated configuration page follows its order.
 */
public final class AgentSettings {
    /** The service's name: metrics tag, default consumer group, {@code source_service} of emitted events. */
    public static final Setting<String> SERVICE_NAME = Setting.builder("service.name", "SERVICE_NAME", Types::string)
            .doc("Name of the service: tag of its metrics, default consumer group, source_service of its events")
            .defaultText("the agent class name in kebab-case")
            .validator(Types::name)
            .build();

    /** A free-form agent type reported in the status endpoint. */
    public static final Setting<String> AGENT_TYPE = Setting.builder("agent.type", "AGENT_TYPE", Types::string)
            .doc("Agent type reported by /realtime/status")
            .defaultValue("realtime-agent")
            .build();

    /** The realtime platform whose secrets configure the agent. */
    public static final Setting<String> REALTIME_PLATFORM = Setting.builder(
                    "realtime.platform", "REALTIME_PLATFORM", Types::string)
            .doc("Realtime platform whose <platform>-<service>-secret Secrets configure the agent")
            .validator(Types::name)
            .build();

    /** How often platform secrets are re-read for rotated credentials. */
    public static final Setting<Duration> PLATFORM_SECRETS_REFRESH = Setting.builder(
                    "platform.secrets-refresh", "PLATFORM_SECRETS_REFRESH", Types::duration)
            .doc("How often the platform secrets are re-read; changed Kafka or MQTT credentials reconnect the clients"
                    + " without a restart")
            .defaultValue(Duration.ofSeconds(30))
            .defaultText("30s")
            .validator(Types::positive)
            .build();

    /** Whether the agent consumes and produces Kafka at all. */
    public static final Setting<Boolean> REALTIME_ENABLED = Setting.builder(
                    "realtime.enabled", "REALTIME_ENABLED", Types::bool)
            .doc("Consume and produce Kafka; false runs only the HTTP task endpoints")
            .defaultValue(true)
            .build();

    /** Whether WebSocket endpoints are served. */
    public static final Setting<Boolean> WEBSOCKET_ENABLED = Setting.builder(
                    "websocket.enabled", "WEBSOCKET_ENABLED", Types::bool)
            .doc("Serve WebSocket endpoints")
            .defaultValue(true)
            .build();

    /** The Kafka topics the agent's message handlers consume. */
    public static final Setting<List<String>> STREAMING_TOPICS = Setting.builder(
                    "streaming.topics", "STREAMING_TOPICS", Types::list)
            .doc("Comma-separated Kafka topics whose records go to the message handlers")
            .defaultValue(List.of())
            .defaultText("(none)")
            .validator(Types::topics)
            .build();

    /** The consumer group shared by the agent's replicas. */
    public static final Setting<String> STREAMING_CONSUMER_GROUP = Setting.builder(
                    "streaming.consumer-group", "STREAMING_CONSUMER_GROUP", Types::string)
            .doc("Kafka consumer group shared by all replicas of the service")
            .defaultText("the service name")
            .validator(Types::name)
            .build();

    /** Where the Kafka brokers are. */
    public static final Setting<List<String>> KAFKA_BOOTSTRAP_SERVERS = Setting.builder(
                    "kafka.bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", Types::list)
            .doc("Comma-separated host:port of Kafka brokers")
            .defaultValue(List.of("localhost:9092"))
            .defaultText("localhost:9092")
            .validator(Types::hostPorts)
            .build();

    /** A schema registry, passed on to user code. */
    public static final Setting<String> KAFKA_SCHEMA_REGISTRY_URL = Setting.builder(
                    "kafka.schema-registry-url", "KAFKA_SCHEMA_REGISTRY_URL", Types::string)
            .doc("Schema registry URL, available to handlers")
            .validator(Types::url)
            .build();

    /** The topic events are emitted to and event handlers consume. */
    public static final Setting<String> KAFKA_EVENTS_TOPIC = Setting.builder(
                    "kafka.events-topic", "KAFKA_EVENTS_TOPIC", Types::string)
            .doc("Topic that emit() publishes RealtimeEvents to and event handlers consume")
            .defaultValue("realtime.events")
            .validator(Types::topicProblem)
            .build();

    /** The message type of records on a topic that carry none in headers or body. */
    public static final Setting<Map<String, String>> KAFKA_TOPIC_MESSAGE_TYPES = Setting.builder(
                    "kafka.topic-message-types", "KAFKA_TOPIC_MESSAGE_TYPES", Types::map)
            .doc("topic=message_type pairs, for records whose headers and body name no type")
            .defaultValue(Map.of())
            .defaultText("(none)")
            .validator(Types::topicTypes)
            .build();

    /** Where failed and undecodable records go. */
    public static final Setting<String> KAFKA_DEAD_LETTER_TOPIC = Setting.builder(
                    "kafka.dead-letter-topic", "KAFKA_DEAD_LETTER_TOPIC", Types::string)
            .doc("Dead-letter topic; {topic} is replaced by the record's topic")
            .defaultValue("{topic}.dlq")
            .validator(Types::deadLetterTopic)
            .build();

    /** Bytes of Kafka records buffered per partition before the partition is paused. */
    public static final Setting<Integer> KAFKA_PARTITION_BUFFER_BYTES = Setting.builder(
                    "kafka.partition-buffer-bytes", "KAFKA_PARTITION_BUFFER_BYTES", Types::bytes)
            .doc("Bytes of records (keys and values) buffered per partition before it is paused (back-pressure);"
                    + " accepts 512KiB, 4MiB")
            .defaultValue(4 * 1024 * 1024)
            .defaultText("4MiB")
            .validator(Types.range(1, 1024 * 1024 * 1024))
            .build();

    /** How often processed offsets are committed. */
    public static final Setting<Duration> KAFKA_COMMIT_INTERVAL = Setting.builder(
                    "kafka.commit-interval", "KAFKA_COMMIT_INTERVAL", Types::duration)
            .doc("How often offsets of processed records are committed (also on rebalance and shutdown)")
            .defaultValue(Duration.ofSeconds(1))
            .defaultText("1s")
            .validator(Types::positive)
            .build();

    /** In what order consumed records are handled. */
    public static final Setting<KafkaOrdering> KAFKA_ORDERING = Setting.builder(
                    "kafka.ordering",
                    "KAFKA_ORDERING",
                    Types.choice(KafkaOrdering::parse, "partition, key or unordered"))
            .doc("Order of handling consumed records: partition (one at a time per partition), key (per-key order,"
                    + " different keys concurrently) or unordered")
            .defaultValue(KafkaOrdering.PARTITION)
            .defaultText("partition")
            .build();

    /** How many records an agent handles at once in the concurrent orderings. */
    public static final Setting<Integer> KAFKA_MAX_IN_FLIGHT = Setting.builder(
                    "kafka.max-in-flight", "KAFKA_MAX_IN_FLIGHT", Types::integer)
            .doc("Records handled at once per agent with KAFKA_ORDERING key or unordered; more wait, and their"
                    + " partitions pause when their buffers fill")
            .defaultValue(1000)
            .validator(Types.range(1, 100_000))
            .build();

    /** The topic this service's agents take requests from other agents on. */
    public static final Setting<String> AGENT_REQUEST_TOPIC = Setting.builder(
                    "agent.request-topic", "AGENT_REQUEST_TOPIC", Types::string)
            .doc(
                    "Topic this service takes requests from other agents on (request(service, taskType, ...)), read by"
                            + " its consumer group so one replica runs each; consumed when the agent declares tasks; announced in the registry")
            .defaultText("<service>.requests")
            .validator(Types::topicProblem)
            .build();

    /** The topic the replies to this agent's requests come back on. */
    public static final Setting<String> AGENT_REPLY_TOPIC = Setting.builder(
                    "agent.reply-topic", "AGENT_REPLY_TOPIC", Types::string)
            .doc("Topic shared by every agent for the replies to their requests; each instance reads one partition of"
                    + " it (created with 8 partitions if missing)")
            .defaultValue("realtime.replies")
            .validator(Types::topicProblem)
            .build();

    /** Retries after a handler's first failure. */
    public static final Setting<Integer> HANDLER_MAX_RETRIES = Setting.builder(
                    "handler.max-retries", "HANDLER_MAX_RETRIES", Types::integer)
            .doc("Retries after a handler's first failure, before the message is dead-lettered")
            .defaultValue(3)
            .validator(Types.range(0, 1000))
            .build();

    /** Wait before the first retry; doubles each retry. */
    public static final Setting<Duration> HANDLER_RETRY_BACKOFF = Setting.builder(
                    "handler.retry-backoff", "HANDLER_RETRY_BACKOFF", Types::duration)
            .doc("Wait before the first retry; doubles on each retry")
            .defaultValue(Duration.ofMillis(200))
            .defaultText("200ms")
            .validator(Types::notNegative)
            .build();

    /** Upper bound of a retry wait. */
    public static final Setting<Duration> HANDLER_RETRY_BACKOFF_MAX = Setting.builder(
                    "handler.retry-backoff-max", "HANDLER_RETRY_BACKOFF_MAX", Types::duration)
            .doc("Longest wait between retries")
            .defaultValue(Duration.ofSeconds(10))
            .defaultText("10s")
            .validator(Types::notNegative)
            .build();

    /** What happens to a message that failed for good (retries exhausted, invalid, undecodable). */
    public static final Setting<HandlerFailureStrategy> HANDLER_FAILURE_STRATEGY = Setting.builder(
                    "handler.failure-strategy",
                    "HANDLER_FAILURE_STRATEGY",
                    Types.choice(HandlerFailureStrategy::parse, "dead-letter, ignore or fail-stop"))
            .doc("A message that failed for good (retries exhausted, invalid, undecodable): dead-letter (to the"
                    + " dead-letter topic, then committed), ignore (logged, counted, committed) or fail-stop (consuming"
                    + " stops, the agent turns unhealthy, the message is not committed and comes again after a"
                    + " restart)")
            .defaultValue(HandlerFailureStrategy.DEAD_LETTER)
            .defaultText("dead-letter")
            .build();

    /** What to do with messages of a type without handler. */
    public static final Setting<UnhandledMessagePolicy> HANDLER_UNHANDLED = Setting.builder(
                    "handler.unhandled",
                    "HANDLER_UNHANDLED",
                    Types.choice(UnhandledMessagePolicy::parse, "dead-letter or ignore"))
            .doc("Messages whose type has no handler: dead-letter or ignore")
            .defaultValue(UnhandledMessagePolicy.DEAD_LETTER)
            .defaultText("dead-letter")
            .build();

    /** The HTTP port. */
    public static final Setting<Integer> HTTP_PORT = Setting.builder("http.port", "HTTP_PORT", Types::integer)
            .doc("HTTP port of health, status, metrics, task, WebSocket and SSE endpoints (0 picks a free one)")
            .defaultValue(8080)
            .validator(Types.range(0, 65535))
            .build();

    /** How long shutdown waits for in-flight work. */
    public static final Setting<Duration> SHUTDOWN_TIMEOUT = Setting.builder(
                    "shutdown.timeout", "SHUTDOWN_TIMEOUT", Types::duration)
            .doc("How long shutdown waits for in-flight handlers before committing and closing")
            .defaultValue(Duration.ofSeconds(20))
            .defaultText("20s")
            .validator(Types::positive)
            .build();

    /** Tasks (HTTP task endpoints and WebSocket {@code agent_request}) run at once. */
    public static final Setting<Integer> TASK_WORKERS = Setting.builder("task.workers", "TASK_WORKERS", Types::integer)
            .doc("Tasks (HTTP task endpoints and WebSocket agent_request) run at once, on threads of their own, never"
                    + " on the network threads")
            .defaultValue(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()))
            .defaultText("twice the number of CPUs, at least 4")
            .validator(Types.range(1, 1024))
            .build();

    /** Tasks that may wait for a worker; more are refused as busy. */
    public static final Setting<Integer> TASK_QUEUE_CAPACITY = Setting.builder(
                    "task.queue-capacity", "TASK_QUEUE_CAPACITY", Types::integer)
            .doc("Tasks that may wait for a free worker; beyond them a task is refused at once: HTTP 503 with"
                    + " Retry-After, a busy error on the WebSocket")
            .defaultValue(100)
            .validator(Types.range(0, 100_000))
            .build();

    /** Largest HTTP request body. */
    public static final Setting<Integer> HTTP_MAX_REQUEST_BYTES = Setting.builder(
                    "http.max-request-bytes", "HTTP_MAX_REQUEST_BYTES", Types::bytes)
            .doc("Largest HTTP request body, e.g. of a task request; a larger one is answered 413")
            .defaultValue(10 * 1024 * 1024)
            .defaultText("10MiB")
            .validator(Types.range(1024, Integer.MAX_VALUE))
            .build();

    /** The Kafka topic of {@code broadcast()} messages, read by every replica for live delivery. */
    public static final Setting<String> KAFKA_LIVE_TOPIC = Setting.builder(
                    "kafka.live-topic", "KAFKA_LIVE_TOPIC", Types::string)
            .doc("Topic that broadcast() publishes to; every replica reads it and the events topic to deliver live"
                    + " messages to its WebSocket and SSE clients")
            .defaultValue("realtime.live")
            .validator(Types::topicProblem)
            .build();

    /** WebSocket endpoints besides {@code /ws}, with the topics their connections are subscribed to. */
    public static final Setting<List<WebSocketEndpoint>> WEBSOCKET_ENDPOINTS = Setting.builder(
                    "websocket.endpoints", "WEBSOCKET_ENDPOINTS", Types::webSocketEndpoints)
            .doc("Comma-separated <path>=<topic>|<topic>: WebSocket endpoints under /ws whose connections are"
                    + " subscribed to the topics on connect")
            .defaultValue(List.of())
            .defaultText("(none)")
            .build();

    /** Largest WebSocket message a client may send. */
    public static final Setting<Integer> WEBSOCKET_MAX_FRAME_BYTES = Setting.builder(
                    "websocket.max-frame-bytes", "WEBSOCKET_MAX_FRAME_BYTES", Types::bytes)
            .doc("Largest message a WebSocket client may send; a larger one closes the connection with 1009")
            .defaultValue(64 * 1024)
            .defaultText("64KiB")
            .validator(Types.range(128, 16 * 1024 * 1024))
            .build();

    /** Topics one WebSocket connection may subscribe to. */
    public static final Setting<Integer> WEBSOCKET_MAX_SUBSCRIPTIONS = Setting.builder(
                    "websocket.max-subscriptions", "WEBSOCKET_MAX_SUBSCRIPTIONS", Types::integer)
            .doc("Topics one WebSocket connection may subscribe to; more are refused with an error message")
            .defaultValue(100)
            .validator(Types.range(1, 100_000))
            .build();

    /** Interval of WebSocket pings and SSE heartbeat comments. */
    public static final Setting<Duration> LIVE_HEARTBEAT_INTERVAL = Setting.builder(
                    "live.heartbeat-interval", "LIVE_HEARTBEAT_INTERVAL", Types::duration)
            .doc("Interval of WebSocket pings and SSE heartbeat comments, which keep proxies from closing quiet"
                    + " connections")
            .defaultValue(Duration.ofSeconds(15))
            .defaultText("15s")
            .validator(Types::positive)
            .build();

    /** How long a WebSocket client may stay silent, pongs included. */
    public static final Setting<Duration> LIVE_IDLE_TIMEOUT = Setting.builder(
                    "live.idle-timeout", "LIVE_IDLE_TIMEOUT", Types::duration)
            .doc("A WebSocket connection that sends nothing for this long, not even the pong every client answers"
                    + " pings with, is closed; quiet healthy clients stay")
            .defaultValue(Duration.ofSeconds(60))
            .defaultText("60s")
            .validator(Types::positive)
            .build();

    /** Bytes that may wait to be sent to one client. */
    public static final Setting<Integer> LIVE_CLIENT_BUFFER_BYTES = Setting.builder(
                    "live.client-buffer-bytes", "LIVE_CLIENT_BUFFER_BYTES", Types::bytes)
            .doc("Outbound bytes that may wait for one WebSocket or SSE client; a message that finds it full is"
                    + " handled by LIVE_SLOW_CLIENT_POLICY")
            .defaultValue(1024 * 1024)
            .defaultText("1MiB")
            .validator(Types.range(1024, 1024 * 1024 * 1024))
            .build();

    /** What happens to a client that cannot keep up. */
    public static final Setting<SlowClientPolicy> LIVE_SLOW_CLIENT_POLICY = Setting.builder(
                    "live.slow-client-policy",
                    "LIVE_SLOW_CLIENT_POLICY",
                    Types.choice(SlowClientPolicy::parse, "close or drop"))
            .doc("A message that finds a client's buffer full: close (the connection, with a reason; SSE clients"
                    + " resume from the history) or drop (the message, for that client)")
            .defaultValue(SlowClientPolicy.CLOSE)
            .defaultText("close")
            .build();

    /** How long a client's buffer may stay full under the drop policy. */
    public static final Setting<Duration> LIVE_SLOW_CLIENT_TIMEOUT = Setting.builder(
                    "live.slow-client-timeout", "LIVE_SLOW_CLIENT_TIMEOUT", Types::duration)
            .doc("A client whose buffer stays full this long is closed, whatever the policy")
            .defaultValue(Duration.ofSeconds(5))
            .defaultText("5s")
            .validator(Types::positive)
            .build();

    /** Messages kept per topic for SSE resume. */
    public static final Setting<Integer> LIVE_HISTORY_SIZE = Setting.builder(
                    "live.history-size", "LIVE_HISTORY_SIZE", Types::integer)
            .doc("Messages kept per live topic so a reconnecting SSE client (Last-Event-ID) gets what it missed")
            .defaultValue(1000)
            .validator(Types.range(0, 10_000_000))
            .build();

    /** How old a kept message may get. */
    public static final Setting<Duration> LIVE_HISTORY_MAX_AGE = Setting.builder(
                    "live.history-max-age", "LIVE_HISTORY_MAX_AGE", Types::duration)
            .doc("Age after which a kept message leaves the history; a replica starting up reads this far back")
            .defaultValue(Duration.ofMinutes(10))
            .defaultText("10m")
            .validator(Types::positive)
            .build();

    /** The reconnect delay SSE clients are told. */
    public static final Setting<Duration> SSE_RETRY = Setting.builder("sse.retry", "SSE_RETRY", Types::duration)
            .doc("Reconnect delay sent to SSE clients in the retry: field")
            .defaultValue(Duration.ofSeconds(2))
            .defaultText("2s")
            .validator(Types::positive)
            .build();

    /** HMAC key of the JWTs that WebSocket and SSE clients present. */
    public static final Setting<String> LIVE_AUTH_JWT_SECRET = Setting.builder(
                    "live.auth.jwt-secret", "LIVE_AUTH_JWT_SECRET", Types::string)
            .doc("HMAC key (HS256/384/512) of the JWTs clients must present; their topics claim lists the topics"
                    + " they may read. Setting it, LIVE_AUTH_JWKS_URL or LIVE_AUTH_API_KEYS turns access control on"
                    + " (never logged)")
            .validator(Types::jwtSecret)
            .secret()
            .build();

    /** Where the public keys of RS256/ES256 JWTs are published. */
    public static final Setting<String> LIVE_AUTH_JWKS_URL = Setting.builder(
                    "live.auth.jwks-url", "LIVE_AUTH_JWKS_URL", Types::string)
            .doc("JWKS URL of an identity provider whose RSA and EC keys (RS256/384/512, PS256/384/512,"
                    + " ES256/384/512) sign client JWTs; keys are cached and fetched again for an unknown kid, at most"
                    + " twice per 30 s. Setting it turns access control on")
            .validator(Types::url)
            .build();

    /** How far the clocks of token issuers and this server may disagree. */
    public static final Setting<Duration> LIVE_AUTH_CLOCK_SKEW = Setting.builder(
                    "live.auth.clock-skew", "LIVE_AUTH_CLOCK_SKEW", Types::duration)
            .doc("Leeway for a JWT's exp and nbf; an open connection is closed this long after its token's exp")
            .defaultValue(Duration.ofSeconds(30))
            .defaultText("30s")
            .validator(Types::notNegative)
            .build();

    /** The issuer JWTs must name. */
    public static final Setting<String> LIVE_AUTH_JWT_ISSUER = Setting.builder(
                    "live.auth.jwt-issuer", "LIVE_AUTH_JWT_ISSUER", Types::string)
            .doc("When set, a JWT's iss claim must equal it")
            .build();

    /** The audience JWTs must name. */
    public static final Setting<String> LIVE_AUTH_JWT_AUDIENCE = Setting.builder(
                    "live.auth.jwt-audience", "LIVE_AUTH_JWT_AUDIENCE", Types::string)
            .doc("When set, a JWT's aud claim must contain it")
            .build();

    /** Static API keys and their topics. */
    public static final Setting<String> LIVE_AUTH_API_KEYS = Setting.builder(
                    "live.auth.api-keys", "LIVE_AUTH_API_KEYS", Types::string)
            .doc("Comma-separated <key>=<topic>|<topic>[;tasks=<type>|<type>][;scope=status] (a topic may end in *"
                    + " or be *, a task type may be *): static keys clients may present instead of a JWT, with the"
                    + " topics they may read, the task types they may run and whether they may read the status"
                    + " endpoints (never logged)")
            .validator(Types::apiKeys)
            .secret()
            .build();

    /** Origins allowed to open WebSocket and SSE connections. */
    public static final Setting<List<String>> LIVE_ALLOWED_ORIGINS = Setting.builder(
                    "live.allowed-origins", "LIVE_ALLOWED_ORIGINS", Types::list)
            .doc("Comma-separated origins (scheme://host[:port]) browsers may connect from; other Origin headers are"
                    + " refused with 403")
            .defaultValue(List.of())
            .defaultText("(any)")
            .validator(Types::origins)
            .build();

    /** Whether the status and metrics endpoints need a credential. */
    public static final Setting<Boolean> STATUS_ENDPOINTS_PROTECTED = Setting.builder(
                    "status.endpoints-protected", "STATUS_ENDPOINTS_PROTECTED", Types::bool)
            .doc("When true, GET /metrics, /realtime/status and /realtime/connections need a credential with the"
                    + " status scope (a JWT's scope claim, an API key's ;scope=status); /health and the probes stay"
                    + " open. Needs LIVE_AUTH_JWT_SECRET, LIVE_AUTH_JWKS_URL or LIVE_AUTH_API_KEYS")
            .defaultValue(false)
            .build();

    /** Whether the agent announces itself in the agent registry and keeps a view of the other agents. */
    public static final Setting<Boolean> AGENT_REGISTRY_ENABLED = Setting.builder(
                    "agent.registry.enabled", "AGENT_REGISTRY_ENABLED", Types::bool)
            .doc("Announce this instance on the registry topic and keep a view of every agent (GET /realtime/agents,"
                    + " discovery, AGENT_DEPENDENCIES); needs Kafka (REALTIME_ENABLED), off without it")
            .defaultValue(true)
            .build();

    /** The compacted topic of agent cards. */
    public static final Setting<String> AGENT_REGISTRY_TOPIC = Setting.builder(
                    "agent.registry.topic", "AGENT_REGISTRY_TOPIC", Types::string)
            .doc("Compacted Kafka topic where every agent instance announces itself, keyed <service>/<instance id>;"
                    + " created with cleanup.policy=compact when missing")
            .defaultValue("realtime.agents")
            .validator(Types::topicProblem)
            .build();

    /** How often an instance renews its announcement. */
    public static final Setting<Duration> AGENT_REGISTRY_HEARTBEAT = Setting.builder(
                    "agent.registry.heartbeat", "AGENT_REGISTRY_HEARTBEAT", Types::duration)
            .doc("How often an instance renews its announcement on the registry topic")
            .defaultValue(Duration.ofSeconds(5))
            .defaultText("5s")
            .validator(Types::positive)
            .build();

    /** How long an announcement lasts without a heartbeat. */
    public static final Setting<Duration> AGENT_REGISTRY_LEASE = Setting.builder(
                    "agent.registry.lease", "AGENT_REGISTRY_LEASE", Types::duration)
            .doc("How long other agents keep an instance whose heartbeats stopped (a crash); longer than"
                    + " AGENT_REGISTRY_HEARTBEAT")
            .defaultText("3 heartbeats")
            .validator(Types::positive)
            .build();

    /** What this agent can do, for discovery by capability. */
    public static final Setting<List<String>> AGENT_CAPABILITIES = Setting.builder(
                    "agent.capabilities", "AGENT_CAPABILITIES", Types::list)
            .doc("Comma-separated capabilities announced in the registry, besides those the agent declares in code")
            .defaultValue(List.of())
            .defaultText("(none)")
            .build();

    /** The services this agent needs before it is ready. */
    public static final Setting<List<String>> AGENT_DEPENDENCIES = Setting.builder(
                    "agent.dependencies", "AGENT_DEPENDENCIES", Types::list)
            .doc("Comma-separated services that must be live in the registry before start-up completes; readiness"
                    + " names the missing ones meanwhile")
            .defaultValue(List.of())
            .defaultText("(none)")
            .validator(Types::names)
            .build();

    /** How long start-up waits for the dependencies. */
    public static final Setting<Duration> AGENT_DEPENDENCIES_TIMEOUT = Setting.builder(
                    "agent.dependencies-timeout", "AGENT_DEPENDENCIES_TIMEOUT", Types::duration)
            .doc("How long start-up waits for AGENT_DEPENDENCIES before it fails naming the missing ones")
            .defaultValue(Duration.ofSeconds(60))
            .defaultText("60s")
            .validator(Types::positive)
            .build();

    /** The version announced in the registry. */
    public static final Setting<String> AGENT_VERSION = Setting.builder("agent.version", "AGENT_VERSION", Types::string)
            .doc("Version of the agent announced in the registry")
            .defaultValue("unknown")
            .build();

    /** The HTTP address other agents reach this instance at. */
    public static final Setting<String> AGENT_ADVERTISED_URL = Setting.builder(
                    "agent.advertised-url", "AGENT_ADVERTISED_URL", Types::string)
            .doc("HTTP base URL of this instance announced in the registry")
            .defaultText("http://<host name>:<HTTP port>")
            .validator(Types::url)
            .build();

    /** The MQTT broker host. */
    public static final Setting<String> MQTT_HOST = Setting.builder("mqtt.host", "MQTT_HOST", Types::string)
            .doc("MQTT broker host; setting it (or subscriptions or bridges) enables MQTT")
            .validator(Types::host)
            .build();

    /** The MQTT broker port. */
    public static final Setting<Integer> MQTT_PORT = Setting.builder("mqtt.port", "MQTT_PORT", Types::integer)
            .doc("MQTT broker port")
            .defaultValue(1883)
            .validator(Types.range(1, 65535))
            .build();

    /** The MQTT user name. */
    public static final Setting<String> MQTT_USER = Setting.builder("mqtt.user", "MQTT_USER", Types::string)
            .doc("MQTT user name")
            .build();

    /** The MQTT password. */
    public static final Setting<String> MQTT_PASSWORD = Setting.builder("mqtt.password", "MQTT_PASSWORD", Types::string)
            .doc("MQTT password (never logged)")
            .secret()
            .build();

    /** Whether the MQTT connection uses TLS. */
    public static final Setting<Boolean> MQTT_TLS = Setting.builder("mqtt.tls", "MQTT_TLS", Types::bool)
            .doc("Connect to the MQTT broker over TLS")
            .defaultValue(false)
            .build();

    /** CA certificates (PEM) that the MQTT broker's certificate must chain to. */
    public static final Setting<String> MQTT_TLS_CA_FILE = Setting.builder(
                    "mqtt.tls-ca-file", "MQTT_TLS_CA_FILE", Types::string)
            .doc("PEM file of the CA certificates trusted for the MQTT broker (default: the JVM's trust store)")
            .validator(Types::readableFile)
            .build();

    /** The MQTT client id; stable across restarts so the persistent session is found again. */
    public static final Setting<String> MQTT_CLIENT_ID = Setting.builder(
                    "mqtt.client-id", "MQTT_CLIENT_ID", Types::string)
            .doc("MQTT client id, which names the persistent session: keep it stable across restarts and unique per"
                    + " replica")
            .defaultText("<service name>-<host name>")
            .validator(Types::mqttClientId)
            .build();

    /** How long the broker keeps the session (subscriptions and queued messages) while the agent is away. */
    public static final Setting<Duration> MQTT_SESSION_EXPIRY = Setting.builder(
                    "mqtt.session-expiry", "MQTT_SESSION_EXPIRY", Types::duration)
            .doc("How long the broker keeps the session and its queued messages while the agent is disconnected")
            .defaultValue(Duration.ofHours(1))
            .defaultText("1h")
            .validator(Types::sessionExpiry)
            .build();

    /** Topic filters and the message types of their messages. */
    public static final Setting<List<MqttSubscription>> MQTT_SUBSCRIPTIONS = Setting.builder(
                    "mqtt.subscriptions", "MQTT_SUBSCRIPTIONS", Types::mqttSubscriptions)
            .doc("Comma-separated <filter>[=<message_type>][@<qos>] whose messages go to the message handlers")
            .defaultValue(List.of())
            .defaultText("(none)")
            .build();

    /** The shared-subscription group of the agent's replicas. */
    public static final Setting<String> MQTT_SHARED_GROUP = Setting.builder(
                    "mqtt.shared-group", "MQTT_SHARED_GROUP", Types::string)
            .doc("Subscribe as $share/<group>/<filter> so replicas split the messages; none subscribes unshared")
            .defaultText("the consumer group")
            .validator(Types::sharedGroup)
            .build();

    /** MQTT-to-Kafka bridges. */
    public static final Setting<List<MqttBridge>> MQTT_BRIDGES = Setting.builder(
                    "mqtt.bridges", "MQTT_BRIDGES", Types::mqttBridges)
            .doc("Comma-separated <filter>=<kafka topic>[:<segment>][@<qos>]: messages produced to Kafka, keyed by"
                    + " the segment")
            .defaultValue(List.of())
            .defaultText("(none)")
            .build();

    /** Where MQTT messages go that could not be handled. */
    public static final Setting<String> MQTT_DEAD_LETTER_TOPIC = Setting.builder(
                    "mqtt.dead-letter-topic", "MQTT_DEAD_LETTER_TOPIC", Types::string)
            .doc("Kafka dead-letter topic of MQTT messages")
            .defaultValue("mqtt.dlq")
            .validator(Types::topicProblem)
            .build();

    /** First wait before reconnecting. */
    public static final Setting<Duration> MQTT_RECONNECT_BACKOFF = Setting.builder(
                    "mqtt.reconnect-backoff", "MQTT_RECONNECT_BACKOFF", Types::duration)
            .doc("Wait before the first reconnect attempt (whole seconds); doubles on each failed attempt")
            .defaultValue(Duration.ofSeconds(1))
            .defaultText("1s")
            .validator(Types::wholeSeconds)
            .build();

    /** Longest wait between reconnect attempts. */
    public static final Setting<Duration> MQTT_RECONNECT_BACKOFF_MAX = Setting.builder(
                    "mqtt.reconnect-backoff-max", "MQTT_RECONNECT_BACKOFF_MAX", Types::duration)
            .doc("Longest wait between reconnect attempts (whole seconds)")
            .defaultValue(Duration.ofSeconds(30))
            .defaultText("30s")
            .validator(Types::wholeSeconds)
            .build();

    /** Lanes handling MQTT messages in parallel; one topic always goes to the same lane. */
    public static final Setting<Integer> MQTT_WORKERS = Setting.builder("mqtt.workers", "MQTT_WORKERS", Types::integer)
            .doc("MQTT messages handled in parallel: messages of one topic (or one bridge key) stay in order; raise it"
                    + " for handlers that wait on I/O")
            .defaultValue(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .defaultText("the number of CPUs, at least 2")
            .validator(Types.range(1, 1024))
            .build();

    /** The age at which an unacknowledged MQTT message makes the agent not ready. */
    public static final Setting<Duration> MQTT_MAX_UNACKED_AGE = Setting.builder(
                    "mqtt.max-unacked-age", "MQTT_MAX_UNACKED_AGE", Types::duration)
            .doc("Readiness fails while the oldest unacknowledged MQTT message is older than this (a stuck handler,"
                    + " retry or bridge)")
            .defaultValue(Duration.ofMinutes(5))
            .defaultText("5m")
            .validator(Types::positive)
            .build();

    /** Where the agent records the filters of its persistent session. */
    public static final Setting<String> MQTT_SESSION_RECORD_TOPIC = Setting.builder(
                    "mqtt.session-record-topic", "MQTT_SESSION_RECORD_TOPIC", Types::string)
            .doc("MQTT topic of the retained message recording the session's filters ({client_id} is replaced), so"
                    + " filters no longer configured are unsubscribed at start; none turns it off")
            .defaultValue("realtime-agents/sessions/{client_id}")
            .validator(Types::mqttRecordTopic)
            .build();

    /** The database host. */
    public static final Setting<String> DB_HOST = Setting.builder("db.host", "DB_HOST", Types::string)
            .doc("Database host")
            .build();

    /** The database name. */
    public static final Setting<String> DB_NAME = Setting.builder("db.name", "DB_NAME", Types::string)
            .doc("Database name")
            .build();

    /** The database user. */
    public static final Setting<String> DB_USER = Setting.builder("db.user", "DB_USER", Types::string)
            .doc("Database user")
            .build();

    /** The database password. */
    public static final Setting<String> DB_PASSWORD = Setting.builder("db.password", "DB_PASSWORD", Types::string)
            .doc("Database password (never logged)")
            .secret()
            .build();

    /** The Metabase URL. */
    public static final Setting<String> METABASE_URL = Setting.builder("metabase.url", "METABASE_URL", Types::string)
            .doc("Metabase URL")
            .validator(Types::url)
            .build();

    /** The Lenses URL. */
    public static final Setting<String> LENSES_URL = Setting.builder("lenses.url", "LENSES_URL", Types::string)
            .doc("Lenses URL")
            .validator(Types::url)
            .build();

    // Settings read before the configuration is loaded (the configuration file) or by the platform-secrets module
    // on its own (where its secrets are); kept together at the end of the table.

    /** A YAML file read instead of the class path's {@code application.yml}. */
    public static final Setting<String> REALTIME_CONFIG_FILE = Setting.builder("realtime.config-file", Types::string)
            .doc("YAML file read instead of application.yml on the class path; given as an environment variable, system"
                    + " property or argument, not in the file itself")
            .defaultText("application.yml on the class path")
            .build();

    /** The base directory of mounted platform secrets. */
    public static final Setting<String> PLATFORM_SECRETS_DIR = Setting.builder("platform.secrets-dir", Types::string)
            .doc("Directory of mounted platform secrets: <dir>/<platform>-<service>-secret/<key>, a file per key")
            .defaultValue("/etc/realtime/secrets")
            .build();

    /** The sources of platform secrets, in the order they are tried. */
    public static final Setting<List<String>> PLATFORM_SECRETS_SOURCES = Setting.builder(
                    "platform.secrets-sources", Types::list)
            .doc("Comma-separated sources of platform secrets in the order they are tried: kubernetes (the API),"
                    + " files (PLATFORM_SECRETS_DIR), env (environment variables); the first that has a secret"
                    + " supplies all its keys")
            .defaultValue(List.of("kubernetes", "files", "env"))
            .build();

    private static final List<Setting<?>> ALL = List.of(
            SERVICE_NAME,
            AGENT_TYPE,
            REALTIME_PLATFORM,
            PLATFORM_SECRETS_REFRESH,
            REALTIME_ENABLED,
            WEBSOCKET_ENABLED,
            STREAMING_TOPICS,
            STREAMING_CONSUMER_GROUP,
            KAFKA_BOOTSTRAP_SERVERS,
            KAFKA_SCHEMA_REGISTRY_URL,
            KAFKA_EVENTS_TOPIC,
            KAFKA_TOPIC_MESSAGE_TYPES,
            KAFKA_DEAD_LETTER_TOPIC,
            KAFKA_PARTITION_BUFFER_BYTES,
            KAFKA_COMMIT_INTERVAL,
            KAFKA_ORDERING,
            KAFKA_MAX_IN_FLIGHT,
            AGENT_REQUEST_TOPIC,
            AGENT_REPLY_TOPIC,
            HANDLER_MAX_RETRIES,
            HANDLER_RETRY_BACKOFF,
            HANDLER_RETRY_BACKOFF_MAX,
            HANDLER_FAILURE_STRATEGY,
            HANDLER_UNHANDLED,
            HTTP_PORT,
            SHUTDOWN_TIMEOUT,
            TASK_WORKERS,
            TASK_QUEUE_CAPACITY,
            HTTP_MAX_REQUEST_BYTES,
            KAFKA_LIVE_TOPIC,
            WEBSOCKET_ENDPOINTS,
            WEBSOCKET_MAX_FRAME_BYTES,
            WEBSOCKET_MAX_SUBSCRIPTIONS,
            LIVE_HEARTBEAT_INTERVAL,
            LIVE_IDLE_TIMEOUT,
            LIVE_CLIENT_BUFFER_BYTES,
            LIVE_SLOW_CLIENT_POLICY,
            LIVE_SLOW_CLIENT_TIMEOUT,
            LIVE_HISTORY_SIZE,
            LIVE_HISTORY_MAX_AGE,
            SSE_RETRY,
            LIVE_AUTH_JWT_SECRET,
            LIVE_AUTH_JWKS_URL,
            LIVE_AUTH_CLOCK_SKEW,
            LIVE_AUTH_JWT_ISSUER,
            LIVE_AUTH_JWT_AUDIENCE,
            LIVE_AUTH_API_KEYS,
            LIVE_ALLOWED_ORIGINS,
            STATUS_ENDPOINTS_PROTECTED,
            AGENT_REGISTRY_ENABLED,
            AGENT_REGISTRY_TOPIC,
            AGENT_REGISTRY_HEARTBEAT,
            AGENT_REGISTRY_LEASE,
            AGENT_CAPABILITIES,
            AGENT_DEPENDENCIES,
            AGENT_DEPENDENCIES_TIMEOUT,
            AGENT_VERSION,
            AGENT_ADVERTISED_URL,
            MQTT_HOST,
            MQTT_PORT,
            MQTT_USER,
            MQTT_PASSWORD,
            MQTT_TLS,
            MQTT_TLS_CA_FILE,
            MQTT_CLIENT_ID,
            MQTT_SESSION_EXPIRY,
            MQTT_SUBSCRIPTIONS,
            MQTT_SHARED_GROUP,
            MQTT_BRIDGES,
            MQTT_DEAD_LETTER_TOPIC,
            MQTT_RECONNECT_BACKOFF,
            MQTT_RECONNECT_BACKOFF_MAX,
            MQTT_WORKERS,
            MQTT_MAX_UNACKED_AGE,
            MQTT_SESSION_RECORD_TOPIC,
            DB_HOST,
            DB_NAME,
            DB_USER,
            DB_PASSWORD,
            METABASE_URL,
            LENSES_URL,
            REALTIME_CONFIG_FILE,
            PLATFORM_SECRETS_DIR,
            PLATFORM_SECRETS_SOURCES);

    /** Prefix of Kafka consumer properties passed through as they are. */
    public static final String KAFKA_CONSUMER_PREFIX = "kafka.consumer.";
    /** Prefix of Kafka producer properties passed through as they are. */
    public static final String KAFKA_PRODUCER_PREFIX = "kafka.producer.";

    private AgentSettings() {}

    /** All settings, in documentation order. */
    public static List<Setting<?>> all() {
        return ALL;
    }
}
