package io.realtimeagents.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's architecture: no cycles between its packages, and free of broker clients and server frameworks. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.realtimeagents.common");

    /** Every package is a slice of its own (sub-packages too, as {@code (**)} captures the whole rest). */
    @Test
    void packages_haveNoCycles() {
        slices().matching("io.realtimeagents.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noBrokerClientsOrServerFrameworks() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.kafka..", "org.eclipse.paho..", "com.hivemq..", "io.micronaut..", "io.netty..")
                .check(CLASSES);
    }
}
