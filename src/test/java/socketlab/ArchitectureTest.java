package socketlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layers never point upward: sockets, framing, trace and scenarios know nothing of JavaFX or the UI. */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("socketlab");

    @Test
    void onlyTheUiPackageUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("socketlab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(MAIN);
    }

    @Test
    void nothingButTheLauncherReachesIntoTheUi() {
        noClasses().that().resideOutsideOfPackage("socketlab.ui..").and().doNotHaveFullyQualifiedName("socketlab.Main")
                .should().dependOnClassesThat().resideInAPackage("socketlab.ui..")
                .check(MAIN);
    }

    @Test
    void framingKnowsNothingOfSocketsOrTraces() {
        noClasses().that().resideInAPackage("socketlab.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("socketlab.net..", "socketlab.trace..",
                        "socketlab.scenario..", "socketlab.cli..", "java.net..")
                .check(MAIN);
    }

    @Test
    void traceKnowsNothingOfSockets() {
        noClasses().that().resideInAPackage("socketlab.trace..")
                .should().dependOnClassesThat().resideInAnyPackage("socketlab.net..", "socketlab.scenario..", "socketlab.cli..")
                .check(MAIN);
    }

    @Test
    void socketsDoNotDependOnScenariosOrTheCli() {
        noClasses().that().resideInAPackage("socketlab.net..")
                .should().dependOnClassesThat().resideInAnyPackage("socketlab.scenario..", "socketlab.cli..")
                .check(MAIN);
    }
}
