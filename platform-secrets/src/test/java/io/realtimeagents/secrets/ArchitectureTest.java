package io.realtimeagents.secrets;

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
 * The module's architecture: no cycles between its packages, and internals that reach the API package only for the
 * values users also see (the loader and configurer of the API package use the internals).
 */
class ArchitectureTest {
    private static final String ROOT = "io.realtimeagents.secrets";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The values of the API package that internals read or hand out. */
    private static final Class<?>[] API_VALUES = {
        SecretKey.class, SecretSource.class, PlatformService.class, ServiceSecret.class
    };

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
}
