package io.tokenmetrics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages' layering, on the compiled classes: no cycles between packages; the library never
 * depends on the command line or the Spark job; the general helpers in {@code internal} depend on
 * no concept but {@code amount}'s language; the lowest concepts stay low.
 */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tokenmetrics");

    @Test
    void noPackageCycles() {
        slices().matching("io.tokenmetrics.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theLibraryNeverReachesIntoTheCommandLineOrSpark() {
        noClasses().that().resideOutsideOfPackages("io.tokenmetrics.cli..", "io.tokenmetrics.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tokenmetrics.cli..", "io.tokenmetrics.spark..", "picocli..",
                        "ch.qos.logback..")
                .check(CLASSES);
    }

    @Test
    void generalHelpersAndLowConceptsStayLow() {
        noClasses().that().resideInAPackage("io.tokenmetrics.internal..").should().dependOnClassesThat()
                .resideInAnyPackage("io.tokenmetrics.calc..", "io.tokenmetrics.cost..", "io.tokenmetrics.data..", "io.tokenmetrics.openrouter..",
                        "io.tokenmetrics.period..", "io.tokenmetrics.usage..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("io.tokenmetrics.amount..", "io.tokenmetrics.period..").should().dependOnClassesThat()
                .resideInAnyPackage("io.tokenmetrics.calc..", "io.tokenmetrics.cost..", "io.tokenmetrics.data..", "io.tokenmetrics.openrouter..",
                        "io.tokenmetrics.usage..")
                .check(CLASSES);
        // usage reads logs; pricing them is cost's, which depends on usage, never the other way
        noClasses().that().resideInAPackage("io.tokenmetrics.usage..").should().dependOnClassesThat()
                .resideInAnyPackage("io.tokenmetrics.cost..", "io.tokenmetrics.calc..", "io.tokenmetrics.openrouter..")
                .check(CLASSES);
    }
}
