package io.realtimeagents.secrets;

/**
 * Told by {@link PlatformSecretWatcher} when the content of a service's secret changed: values changed, keys added
 * or removed, or the secret appeared or disappeared. Called once per changed service, on the watcher's thread.
 */
@FunctionalInterface
public interface SecretChangeListener {
    /**
     * A service's secret changed.
     *
     * @param service the service whose secret changed
     * @param previous all secrets before the change
     * @param current all secrets after the change (apply them with {@link SecretConfigurer#apply})
     */
    void onChange(PlatformService service, PlatformSecrets previous, PlatformSecrets current);
}
