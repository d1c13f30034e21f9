package io.realtimeagents.agent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's architecture: no cycles between its packages, Micronaut only in the HTTP server package, Netty only
 * there and in live delivery (written on Netty's channel handlers), internals that reach the API package only
 * for the values users also see, and a mesh API that stands alone.
 */
class ArchitectureTest {
    private static final String ROOT = "io.realtimeagents.agent";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The values of the API package that internals hand out or read: results of sends and header names. */
    private static final Class<?>[] API_VALUES = {SentRecord.class, DeadLetterHeaders.class, MqttHeaders.class};

    /** Every package is a slice of its own (sub-packages too, as {@code (**)} captures the whole rest). */
    @Test
    void packages_haveNoCycles() {
        slices().matching("io.realtimeagents.(**)")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(resideInAPackage(ROOT + ".internal.."), belongToAnyOf(API_VALUES))
                .check(CLASSES);
    }

    @Test
    void internals_useTheApiPackageOnlyForItsValues() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".internal..")
                .should()
                .dependOnClassesThat(resideInAPackage(ROOT).and(not(belongToAnyOf(API_VALUES))))
                .check(CLASSES);
    }

    /** What users touch of the mesh stands alone: the runtime implements it, never the other way round. */
    @Test
    void meshApi_dependsOnNeitherTheRuntimeNorItsInternals() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".mesh..")
                .should()
                .dependOnClassesThat(resideInAPackage(ROOT + ".internal..").or(resideInAPackage(ROOT)))
                .check(CLASSES);
    }

    @Test
    void micronaut_onlyInTheServerPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".internal.server..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.micronaut..")
                .check(CLASSES);
    }

    @Test
    void netty_onlyInTheServerAndLivePackages() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT + ".internal.server..", ROOT + ".internal.live..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.netty..")
                .check(CLASSES);
    }
}
