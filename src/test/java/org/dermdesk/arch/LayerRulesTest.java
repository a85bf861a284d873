package org.dermdesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of ARCHITECTURE.md: each heavy native stack stays in its own layer. */
@AnalyzeClasses(packages = "org.dermdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule javafxOnlyInUiAndApp = noClasses()
            .that().resideOutsideOfPackages("org.dermdesk.ui..", "org.dermdesk.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule djlOnlyInMl = noClasses()
            .that().resideOutsideOfPackage("org.dermdesk.ml..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");

    @ArchTest
    static final ArchRule openCvOnlyInImaging = noClasses()
            .that().resideOutsideOfPackage("org.dermdesk.imaging..")
            .should().dependOnClassesThat().resideInAPackage("org.bytedeco..");

    @ArchTest
    static final ArchRule coreDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("org.dermdesk.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.dermdesk.imaging..", "org.dermdesk.ml..", "org.dermdesk.explain..",
                    "org.dermdesk.report..", "org.dermdesk.ui..", "org.dermdesk.cli..", "org.dermdesk.app..");

    @ArchTest
    static final ArchRule onlyAppAndUiUseTheUi = noClasses()
            .that().resideOutsideOfPackages("org.dermdesk.ui..", "org.dermdesk.app..")
            .should().dependOnClassesThat().resideInAPackage("org.dermdesk.ui..");

    @ArchTest
    static final ArchRule explainSeesOnlyCore = noClasses()
            .that().resideInAPackage("org.dermdesk.explain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.dermdesk.imaging..", "org.dermdesk.ml..", "org.dermdesk.report..", "org.dermdesk.cli..");
}
