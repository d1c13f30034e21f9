package io.realtimeagents.agent.internal.live.auth;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public keys of {@code LIVE_AUTH_JWKS_URL}, fetched with the JOSE library's JWK source: cached for
 * {@link #CACHE_LIFETIME} and refreshed in the background {@link #REFRESH_AHEAD} before it expires (so routine
 * refreshes never hold up a client), fetched again at once when a token names a key id the cached set lacks (an
 * identity provider rotated its keys), and at most twice per {@link #MIN_REFRESH}, so tokens with made-up key ids
 * cannot flood the provider. A fetch waits at most about two seconds; failures are logged and bounded by the same
 * limit.
 */
final class JwksKeys implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);

    /** How long a fetched key set is used before it is fetched again. */
    static final Duration CACHE_LIFETIME = Duration.ofMinutes(5);

    /** How long before the cached set expires it is fetched again in the background. */
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);

    /** The interval in which the key set is fetched at most twice, whatever tokens arrive. */
    static final Duration MIN_REFRESH = Duration.ofSeconds(30);

    private static final int TIMEOUT_MILLIS = 1000;
    private static final int SIZE_LIMIT_BYTES = 256 * 1024;

    private final String url;
    private final JWKSource<SecurityContext> source;

    /**
     * Keys fetched from the URL.
     *
     * @param minRefresh the interval in which the set is fetched at most twice
     */
    JwksKeys(String url, Duration minRefresh) {
        this.url = url;
        try {
            this.source = JWKSourceBuilder.create(
                            URI.create(url).toURL(),
                            new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT_BYTES))
                    .cache(CACHE_LIFETIME.toMillis(), 2L * TIMEOUT_MILLIS)
                    .refreshAheadCache(
                            REFRESH_AHEAD.toMillis(),
                            null,
                            Executors.newThreadPerTaskExecutor(
                                    Thread.ofVirtual().name("jwks-refresh").factory()),
                            true,
                            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                                    .daemon()
                                    .name("jwks-refresh-timer")
                                    .factory()),
                            true)
                    .retrying(false)
                    .rateLimited(minRefresh.toMillis())
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("LIVE_AUTH_JWKS_URL " + url + " is not a URL: " + e.getMessage(), e);
        }
    }

    /** The URL, for the start-up log. */
    String url() {
        return url;
    }

    /** Fetches the key set now, so the first client does not wait for it; a failure is logged. */
    void prefetch() {
        try {
            source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        } catch (KeySourceException e) {
            LOG.warn("Could not fetch the JWT keys of LIVE_AUTH_JWKS_URL {}: {}", url, e.getMessage());
        }
    }

    /**
     * The keys that may have signed a token with this header: its key type, curve and {@code kid}.
     *
     * @throws TokenRejectedException when there is none, or the set cannot be fetched
     */
    List<JWK> keysFor(JWSHeader header) throws TokenRejectedException {
        List<JWK> keys;
        try {
            keys = source.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
        } catch (RateLimitReachedException e) {
            throw unknownKey(header, " (the keys were fetched again moments ago)");
        } catch (KeySourceException e) {
            LOG.warn("Could not fetch the JWT keys of LIVE_AUTH_JWKS_URL {}: {}", url, e.getMessage());
            throw new TokenRejectedException(
                    "the keys of LIVE_AUTH_JWKS_URL could not be fetched to check the token: try again later");
        }
        if (keys == null || keys.isEmpty()) {
            throw unknownKey(header, "");
        }
        return keys;
    }

    private static TokenRejectedException unknownKey(JWSHeader header, String detail) {
        String kid = header.getKeyID();
        return new TokenRejectedException((kid == null
                        ? "no " + header.getAlgorithm() + " key"
                        : "no " + header.getAlgorithm() + " key with kid " + ReasonText.shown(kid))
                + " in LIVE_AUTH_JWKS_URL" + detail + ": sign with a key the identity provider publishes");
    }

    /** Stops the background refresh. */
    @Override
    public void close() {
        if (source instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                LOG.debug("Closing the JWKS source failed: {}", e.toString());
            }
        }
    }
}
