package io.realtimeagents.benchmarks;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks run agents through the public API. They are not published and measure the framework's own
 * transports, so they may share two internals with the framework and its tests: the no-delay MQTT sockets of
 * {@code agent-common} and the test brokers' settings of {@code agent-testkit}; nothing of {@code realtime-agent}'s
 * internals.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.realtimeagents.benchmarks");

    @Test
    void mainCode_usesNoInternalsButTheTestKitsBrokerSettings() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("io.realtimeagents..internal..")
                        .and(not(resideInAnyPackage("io.realtimeagents.testkit.internal"))))
                .check(CLASSES);
    }
}
