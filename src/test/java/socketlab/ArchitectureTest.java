package socketlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Layers never point upward. The engine: text ← codec ← trace ← net ← scenario ← lesson ← {cli, ui};
 * the window: style, model, controls, timeline ← panes ← ui (the shell). A package's name says what it
 * may touch; these rules keep it true.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("socketlab");

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("launcher").definedBy("socketlab")
                .layer("cli").definedBy("socketlab.cli..")
                .layer("shell").definedBy("socketlab.ui")
                .layer("panes").definedBy("socketlab.ui.panes..")
                .layer("timeline").definedBy("socketlab.ui.timeline..")
                .layer("controls").definedBy("socketlab.ui.controls..")
                .layer("viewModels").definedBy("socketlab.ui.model..")
                .layer("style").definedBy("socketlab.ui.style..")
                .layer("export").definedBy("socketlab.export..")
                .layer("lessons").definedBy("socketlab.lesson..")
                .layer("scenarios").definedBy("socketlab.scenario..")
                .layer("wire").definedBy("socketlab.wire..")
                .layer("probe").definedBy("socketlab.probe..")
                .layer("sockets").definedBy("socketlab.net..")
                .layer("trace").definedBy("socketlab.trace..")
                .layer("framing").definedBy("socketlab.codec..")
                .layer("tasks").definedBy("socketlab.exec..")
                .layer("words").definedBy("socketlab.text..")
                .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("shell").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("panes").mayOnlyBeAccessedByLayers("launcher", "shell")
                .whereLayer("timeline").mayOnlyBeAccessedByLayers("launcher", "shell", "panes")
                .whereLayer("controls").mayOnlyBeAccessedByLayers("launcher", "shell", "panes")
                .whereLayer("viewModels").mayOnlyBeAccessedByLayers("launcher", "shell", "panes", "controls")
                .whereLayer("style").mayOnlyBeAccessedByLayers("launcher", "shell", "panes", "timeline", "controls")
                .whereLayer("export").mayOnlyBeAccessedByLayers("launcher", "shell", "panes", "viewModels", "cli", "wire")
                .whereLayer("wire").mayOnlyBeAccessedByLayers("launcher", "shell", "panes", "viewModels", "cli")
                .whereLayer("lessons").mayOnlyBeAccessedByLayers("launcher", "shell", "panes", "viewModels", "cli")
                .whereLayer("scenarios").mayOnlyBeAccessedByLayers("launcher", "shell", "panes", "viewModels", "cli", "lessons")
                .whereLayer("probe").mayOnlyBeAccessedByLayers("launcher", "shell", "panes", "viewModels", "cli", "lessons", "wire")
                // the probe reads nothing of the sockets but their step gate: a traced program's calls wait at the same CallGate
                .whereLayer("sockets").mayOnlyBeAccessedByLayers("launcher", "shell", "panes", "viewModels", "cli", "lessons", "scenarios", "wire",
                        "probe")
                .whereLayer("trace").mayOnlyBeAccessedByLayers("launcher", "shell", "panes", "timeline", "controls", "viewModels", "cli",
                        "lessons", "scenarios", "probe", "sockets", "export", "wire")
                .whereLayer("framing").mayOnlyBeAccessedByLayers("launcher", "shell", "panes", "timeline", "controls", "viewModels", "cli",
                        "lessons", "scenarios", "probe", "sockets", "trace")
                .check(MAIN);
    }

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        slices().matching("socketlab.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void viewModelsNeverTouchNodes() {
        noClasses().that().resideInAPackage("socketlab.ui.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..")
                .check(MAIN);
    }

    @Test
    void onlyTheUiPackagesUseJavaFx() {
        onlyInside("socketlab.ui..", "javafx..");
        onlyInside("socketlab.ui..", "org.controlsfx..");
    }

    @Test
    void onlyTheSocketsPackageUsesChannels() {
        onlyInside("socketlab.net..", "java.nio.channels..");
    }

    @Test
    void nothingButTheLauncherReachesIntoTheUi() {
        noClasses().that().resideOutsideOfPackage("socketlab.ui..").and().doNotHaveFullyQualifiedName("socketlab.Main")
                .should().dependOnClassesThat().resideInAPackage("socketlab.ui..")
                .check(MAIN);
    }

    /** No class outside {@code packages} uses a class of {@code used}. */
    private static void onlyInside(String packages, String used) {
        noClasses().that().resideOutsideOfPackage(packages)
                .should().dependOnClassesThat().resideInAPackage(used)
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
    void styleClassesAreNamedOnlyInCss() throws java.io.IOException {
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("getStyleClass\\(\\)\\.(add|addAll|remove|contains)\\(\"");
        java.util.List<String> found = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String[] lines = java.nio.file.Files.readString(f).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    if (literal.matcher(lines[i]).find()) {
                        found.add(f + ":" + (i + 1));
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), found, "a style class is a constant of ui.style.Css");
    }
}
