package io.realtimeagents.agent.internal.live.auth;

import static io.realtimeagents.agent.internal.live.auth.TestJwts.LONG_SECRET;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.OTHER_SECRET;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.SECRET;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.base64url;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.hs256;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.sign;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.signRaw;
import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.internal.live.TopicPermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final long NOW_SECONDS = NOW.getEpochSecond();

    private final JwtVerifier verifier = JwtVerifier.hmac(SECRET, null, null);

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void validToken_withTopicsArray_isGrantedItsTopics(String alg) {
        String token = sign(
                alg,
                Map.of("sub", "nurse-7", "exp", NOW_SECONDS + 300, "topics", List.of("alerts", "patient.p-17.*")),
                LONG_SECRET);

        AccessDecision.Granted granted =
                granted(JwtVerifier.hmac(LONG_SECRET, null, null).verify(token, NOW));

        assertThat(granted.subject()).isEqualTo("nurse-7");
        assertThat(granted.topics().allows("alerts")).isTrue();
        assertThat(granted.topics().allows("patient.p-17.vitals")).isTrue();
        assertThat(granted.topics().allows("patient.p-18.vitals")).isFalse();
        assertThat(granted.topics().allowsAll()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS384", "HS512"})
    void longerHmac_withASecretShorterThanItsHash_isDeniedSayingWhy(String alg) {
        String token = sign(alg, Map.of("topics", "alerts"), SECRET);

        assertDenied(
                verifier.verify(token, NOW),
                "alg " + alg + " needs a LIVE_AUTH_JWT_SECRET of at least " + (alg.equals("HS384") ? 48 : 64)
                        + " bytes (RFC 7518), this server's is shorter: sign with HS256, or configure a longer secret");
    }

    @Test
    void tasksAndScopeClaims_grantTasksAndStatus_andExpiryIncludesTheLeeway() {
        AccessDecision.Granted granted = granted(verifier.verify(
                hs256(Map.of(
                        "tasks", List.of("analyze", "summarize"), "scope", "openid status", "exp", NOW_SECONDS + 60)),
                NOW));

        assertThat(granted.tasks().allows("analyze")).isTrue();
        assertThat(granted.tasks().allows("summarize")).isTrue();
        assertThat(granted.tasks().allows("delete_all")).isFalse();
        assertThat(granted.status()).isTrue();
        assertThat(granted.expiresAt()).isEqualTo(NOW.plusSeconds(60).plus(JwtVerifier.LEEWAY));
        AccessDecision.Granted star = granted(verifier.verify(hs256(Map.of("tasks", "*", "scope", List.of("x"))), NOW));
        assertThat(star.tasks().allows("anything")).isTrue();
        assertThat(star.status()).isFalse();
        assertThat(star.expiresAt()).isNull();
    }

    @Test
    void withoutTasksClaim_noTaskMayRun() {
        AccessDecision.Granted granted = granted(verifier.verify(hs256(Map.of("topics", "*")), NOW));

        assertThat(granted.tasks()).isSameAs(TaskPermissions.none());
        assertThat(granted.status()).isFalse();
    }

    @Test
    void tasksClaimOfTheWrongShape_isDenied() {
        assertDenied(
                verifier.verify(hs256(Map.of("tasks", 3)), NOW),
                "malformed token: tasks must be an array of task types or one space-separated string");
        assertDenied(
                verifier.verify(hs256(Map.of("tasks", List.of("bad type!"))), NOW),
                "tasks claim: 'bad type!' is not a task type");
        assertDenied(
                verifier.verify(hs256(Map.of("scope", Map.of("a", 1))), NOW),
                "malformed token: scope must be a space-separated string or an array of strings");
    }

    @Test
    void topicsAsSpaceSeparatedString_areSplit() {
        String token = hs256(Map.of("sub", "ward-3", "topics", "  alerts   health_events patient.*  "));

        TopicPermissions topics = granted(verifier.verify(token, NOW)).topics();

        assertThat(topics.allows("alerts")).isTrue();
        assertThat(topics.allows("health_events")).isTrue();
        assertThat(topics.allows("patient.p-1")).isTrue();
        assertThat(topics.allows("devices")).isFalse();
    }

    @Test
    void starTopic_allowsEverything() {
        String token = hs256(Map.of("topics", List.of("*")));

        assertThat(granted(verifier.verify(token, NOW)).topics().allowsAll()).isTrue();
    }

    @Test
    void missingTopicsClaim_readsNothing() {
        AccessDecision.Granted granted = granted(verifier.verify(hs256(Map.of("sub", "nobody")), NOW));

        assertThat(granted.topics()).isSameAs(TopicPermissions.none());
        assertThat(granted.topics().allows("alerts")).isFalse();
    }

    @Test
    void missingSub_subjectIsJwt() {
        assertThat(granted(verifier.verify(hs256(Map.of("topics", "alerts")), NOW))
                        .subject())
                .isEqualTo("jwt");
    }

    @Test
    void tokenWithoutExp_isAccepted() {
        assertThat(verifier.verify(hs256(Map.of("topics", "alerts")), NOW)).isInstanceOf(AccessDecision.Granted.class);
    }

    @Test
    void expiredBeyondLeeway_isDeniedWithTheExpiry() {
        String token = hs256(Map.of("exp", NOW_SECONDS - 31, "topics", "alerts"));

        assertDenied(
                verifier.verify(token, NOW), "token expired at 2026-11-21T09:59:29Z: get a new token from its issuer");
    }

    @Test
    void expiredWithinLeeway_isAccepted() {
        String token = hs256(Map.of("exp", NOW_SECONDS - 29, "topics", "alerts"));

        assertThat(verifier.verify(token, NOW)).isInstanceOf(AccessDecision.Granted.class);
    }

    @Test
    void fractionalExp_isReadAsSeconds() {
        String token = hs256(Map.of("exp", NOW_SECONDS - 40.5, "topics", "alerts"));

        assertDenied(
                verifier.verify(token, NOW),
                "token expired at 2026-11-21T09:59:19.500Z: get a new token from its issuer");
    }

    @Test
    void nbfInTheFuture_isDenied() {
        String token = hs256(Map.of("nbf", NOW_SECONDS + 60, "topics", "alerts"));

        assertDenied(
                verifier.verify(token, NOW),
                "token is not valid before 2026-11-21T10:01:00Z (nbf): wait, or check the clocks of the issuer and"
                        + " this server");
    }

    @Test
    void nbfWithinLeeway_isAccepted() {
        String token = hs256(Map.of("nbf", NOW_SECONDS + 20, "exp", NOW_SECONDS + 600, "topics", "alerts"));

        assertThat(verifier.verify(token, NOW)).isInstanceOf(AccessDecision.Granted.class);
    }

    @Test
    void tokenSignedWithAnotherSecret_isDenied() {
        String token = sign("HS256", Map.of("topics", "*"), OTHER_SECRET);

        assertDenied(
                verifier.verify(token, NOW),
                "signature does not match LIVE_AUTH_JWT_SECRET: sign tokens with the secret this server is"
                        + " configured with");
    }

    @Test
    void payloadChangedAfterSigning_isDenied() {
        String[] parts = hs256(Map.of("topics", "alerts")).split("\\.");
        String forged = parts[0] + "." + base64url("{\"topics\":\"*\"}") + "." + parts[2];

        assertDenied(verifier.verify(forged, NOW), "signature does not match LIVE_AUTH_JWT_SECRET");
    }

    @Test
    void tokenSignedWithHs256ButLabelledHs512_isDenied() {
        String[] parts = sign("HS256", Map.of("topics", "alerts"), LONG_SECRET).split("\\.");
        String relabelled = base64url("{\"alg\":\"HS512\"}") + "." + parts[1] + "." + parts[2];

        assertDenied(
                JwtVerifier.hmac(LONG_SECRET, null, null).verify(relabelled, NOW),
                "signature does not match LIVE_AUTH_JWT_SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE"})
    void algNone_isDenied(String none) {
        String token =
                base64url("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + base64url("{\"topics\":\"*\"}") + ".";

        assertDenied(verifier.verify(token, NOW), "alg none is not accepted: sign with HS256, HS384 or HS512");
    }

    @Test
    void unknownAlg_isDeniedNamingIt() {
        String token = signRaw("{\"alg\":\"RS256\"}", "{\"topics\":\"*\"}", "HS256", SECRET);

        assertDenied(
                verifier.verify(token, NOW),
                "alg RS256 is not accepted: sign with HS256, HS384 or HS512 using LIVE_AUTH_JWT_SECRET");
    }

    @Test
    void lowerCaseAlg_isNotAccepted() {
        String token = signRaw("{\"alg\":\"hs256\"}", "{\"topics\":\"*\"}", "HS256", SECRET);

        assertDenied(verifier.verify(token, NOW), "alg hs256 is not accepted");
    }

    @Test
    void headerWithoutAlg_isMalformed() {
        String token = signRaw("{\"typ\":\"JWT\"}", "{\"topics\":\"*\"}", "HS256", SECRET);

        assertDenied(
                verifier.verify(token, NOW),
                "malformed token: the header names no alg: sign with HS256, HS384 or HS512");
    }

    @Test
    void critHeader_isDenied() {
        String token = signRaw("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", "{\"topics\":\"*\"}", "HS256", SECRET);

        assertDenied(verifier.verify(token, NOW), "the header's crit names extensions this server does not support");
    }

    @Test
    void issuer_mustMatchWhenConfigured() {
        JwtVerifier strict = JwtVerifier.hmac(SECRET, "https://auth.example", null);

        assertThat(strict.verify(hs256(Map.of("iss", "https://auth.example", "topics", "a")), NOW))
                .isInstanceOf(AccessDecision.Granted.class);
        assertDenied(
                strict.verify(hs256(Map.of("iss", "https://evil.example", "topics", "a")), NOW),
                "iss https://evil.example is not LIVE_AUTH_JWT_ISSUER https://auth.example");
        assertDenied(
                strict.verify(hs256(Map.of("topics", "a")), NOW),
                "token has no iss claim: LIVE_AUTH_JWT_ISSUER requires https://auth.example");
    }

    @Test
    void audience_asStringOrArray_mustContainTheConfiguredOne() {
        JwtVerifier strict = JwtVerifier.hmac(SECRET, null, "dashboard");

        assertThat(strict.verify(hs256(Map.of("aud", "dashboard", "topics", "a")), NOW))
                .isInstanceOf(AccessDecision.Granted.class);
        assertThat(strict.verify(hs256(Map.of("aud", List.of("mobile", "dashboard"), "topics", "a")), NOW))
                .isInstanceOf(AccessDecision.Granted.class);
        assertDenied(
                strict.verify(hs256(Map.of("aud", List.of("mobile", "billing"), "topics", "a")), NOW),
                "aud mobile, billing does not contain LIVE_AUTH_JWT_AUDIENCE dashboard");
        assertDenied(
                strict.verify(hs256(Map.of("aud", "mobile", "topics", "a")), NOW),
                "aud mobile does not contain LIVE_AUTH_JWT_AUDIENCE dashboard");
        assertDenied(
                strict.verify(hs256(Map.of("topics", "a")), NOW),
                "token has no aud claim: LIVE_AUTH_JWT_AUDIENCE requires dashboard");
    }

    @Test
    void twoParts_isMalformed() {
        String[] parts = hs256(Map.of("topics", "a")).split("\\.");

        assertDenied(
                verifier.verify(parts[0] + "." + parts[1], NOW),
                "malformed token: a JWT has three base64url parts separated by dots, this one has 2");
    }

    @Test
    void badBase64_isMalformedOrFailsTheSignature() {
        String[] parts = hs256(Map.of("topics", "a")).split("\\.");

        assertDenied(
                verifier.verify("ey$$.x.y", NOW), "malformed token: the header is not a base64url-encoded JSON object");
        assertDenied(verifier.verify(parts[0] + ".pay+load/." + parts[2], NOW), "signature does not match");
        assertDenied(verifier.verify(parts[0] + "." + parts[1] + ".s!g", NOW), "signature does not match");
    }

    @Test
    void headerNotJson_isMalformed() {
        String token = base64url("not json") + "." + base64url("{}") + ".c2ln";

        assertDenied(verifier.verify(token, NOW), "malformed token: the header is not a base64url-encoded JSON object");
    }

    @Test
    void signedPayloadNotJson_isMalformed() {
        assertDenied(
                verifier.verify(signRaw("{\"alg\":\"HS256\"}", "topics=alerts", "HS256", SECRET), NOW),
                "malformed token: the payload is not a JSON object");
        assertDenied(
                verifier.verify(signRaw("{\"alg\":\"HS256\"}", "[\"alerts\"]", "HS256", SECRET), NOW),
                "malformed token: the payload is not a JSON object");
    }

    @Test
    void claimsOfTheWrongType_areMalformed() {
        assertDenied(
                verifier.verify(hs256(Map.of("exp", "tomorrow")), NOW),
                "malformed token: exp must be a number of seconds since 1970-01-01T00:00:00Z");
        assertDenied(
                verifier.verify(hs256(Map.of("nbf", true)), NOW), "malformed token: nbf must be a number of seconds");
        assertDenied(verifier.verify(hs256(Map.of("sub", 42)), NOW), "malformed token: sub must be a string");
        assertDenied(
                verifier.verify(hs256(Map.of("topics", 7)), NOW),
                "malformed token: topics must be an array of topic patterns or one space-separated string");
        assertDenied(
                verifier.verify(hs256(Map.of("topics", List.of("alerts", 3))), NOW),
                "malformed token: topics must be an array");
    }

    @Test
    void audienceOfTheWrongType_isMalformed() {
        JwtVerifier strict = JwtVerifier.hmac(SECRET, null, "dashboard");

        assertDenied(
                strict.verify(hs256(Map.of("aud", Map.of("name", "dashboard"))), NOW),
                "malformed token: aud must be a string or an array of strings");
    }

    @Test
    void invalidTopicPattern_isDeniedNamingThePattern() {
        assertDenied(
                verifier.verify(hs256(Map.of("topics", List.of("alerts", "bad topic!"))), NOW),
                "topics claim: 'bad topic!' is not a topic pattern: use topic names, prefixes ending in * (e.g."
                        + " patient.*) or *");
    }

    @Test
    void hugeNumericDates_doNotThrow() {
        assertThat(verifier.verify(hs256(Map.of("exp", 1e300, "topics", "a")), NOW))
                .isInstanceOf(AccessDecision.Granted.class);
        assertDenied(verifier.verify(hs256(Map.of("exp", -1e300)), NOW), "token expired at");
    }

    @Test
    void expiryAtTheEndOfTime_neverCloses_insteadOfOverflowing() {
        AccessDecision.Granted granted =
                granted(verifier.verify(hs256(Map.of("exp", Instant.MAX.getEpochSecond() - 10)), NOW));

        assertThat(granted.expiresAt()).isNull();
    }

    @Test
    void overlongToken_isMalformed() {
        String token = "a".repeat(JwtVerifier.MAX_LENGTH) + ".b.c";

        assertDenied(verifier.verify(token, NOW), "malformed token: longer than 8192 characters");
    }

    @Test
    void denialReasons_neverContainTheTokenOrTheSecret() {
        List<String> tokens = List.of(
                hs256(Map.of("exp", NOW_SECONDS - 3600)),
                hs256(Map.of("nbf", NOW_SECONDS + 3600)),
                sign("HS384", Map.of("topics", "*"), OTHER_SECRET),
                signRaw("{\"alg\":\"none\"}", "{\"topics\":\"*\"}", "HS256", SECRET),
                signRaw("{\"alg\":\"HS256\"}", "not json", "HS256", SECRET),
                hs256(Map.of("sub", 1)));

        for (String token : tokens) {
            AccessDecision.Denied denied = denied(verifier.verify(token, NOW));
            String[] parts = token.split("\\.");
            assertThat(denied.reason())
                    .doesNotContain(token)
                    .doesNotContain(SECRET)
                    .doesNotContain(OTHER_SECRET)
                    .doesNotContain(parts[1])
                    .doesNotContain(parts[2]);
        }
    }

    static AccessDecision.Granted granted(AccessDecision decision) {
        assertThat(decision).isInstanceOf(AccessDecision.Granted.class);
        return (AccessDecision.Granted) decision;
    }

    static AccessDecision.Denied denied(AccessDecision decision) {
        assertThat(decision).isInstanceOf(AccessDecision.Denied.class);
        return (AccessDecision.Denied) decision;
    }

    static void assertDenied(AccessDecision decision, String reasonStart) {
        AccessDecision.Denied denied = denied(decision);
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.reason()).startsWith(reasonStart);
    }
}
