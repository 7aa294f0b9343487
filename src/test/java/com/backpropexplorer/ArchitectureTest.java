package com.backpropexplorer;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules of DESIGN.md, checked on the product's classes: data flows one way
 * (data, engine → explain → ui), the book's engine and the lessons never see JavaFX, the
 * command line is headless except for the screenshot renderer, and no two packages need each
 * other.
 */
@AnalyzeClasses(packages = "com.backpropexplorer",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDataAndExplainKnowNoUi = noClasses()
            .that().resideInAnyPackage("..engine..", "..data..", "..explain..")
            .should().dependOnClassesThat().resideInAnyPackage("com.backpropexplorer.ui..", "javafx..")
            .because("engine, data and explain are pure Java, used headless by the command line and the tests");

    @ArchTest
    static final ArchRule theCommandLineUsesOnlyTheScreenshotRendererOfTheUi = noClasses()
            .that().resideInAPackage("com.backpropexplorer.cli..")
            .should().dependOnClassesThat(resideInAPackage("com.backpropexplorer.ui..")
                    .and(not(resideInAPackage("com.backpropexplorer.ui.screenshot"))))
            .because("the commands are headless; only `screenshot` renders the window");

    @ArchTest
    static final ArchRule theGraphLayoutIsPlainJava = noClasses()
            .that().resideInAPackage("com.backpropexplorer.ui.graph.layout..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the layout of any DAG is arithmetic, tested without a toolkit");

    @ArchTest
    static final ArchRule noPackageCycles = slices()
            .matching("com.backpropexplorer.(**)")
            .should().beFreeOfCycles();
}
