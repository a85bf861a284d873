package org.dermdesk.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of ARCHITECTURE.md: each heavy native stack stays in its own layer. */
class LayerRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.dermdesk");
    }

    private static final ArchRule javafxOnlyInUiAndApp = noClasses()
            .that().resideOutsideOfPackages("org.dermdesk.ui..", "org.dermdesk.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    private static final ArchRule djlOnlyInMl = noClasses()
            .that().resideOutsideOfPackage("org.dermdesk.ml..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");

    private static final ArchRule openCvOnlyInImaging = noClasses()
            .that().resideOutsideOfPackage("org.dermdesk.imaging..")
            .should().dependOnClassesThat().resideInAPackage("org.bytedeco..");

    private static final ArchRule coreDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("org.dermdesk.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.dermdesk.imaging..", "org.dermdesk.ml..", "org.dermdesk.explain..",
                    "org.dermdesk.report..", "org.dermdesk.ui..", "org.dermdesk.cli..", "org.dermdesk.app..");

    private static final ArchRule onlyAppAndUiUseTheUi = noClasses()
            .that().resideOutsideOfPackages("org.dermdesk.ui..", "org.dermdesk.app..")
            .should().dependOnClassesThat().resideInAPackage("org.dermdesk.ui..");

    private static final ArchRule explainSeesOnlyCore = noClasses()
            .that().resideInAPackage("org.dermdesk.explain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.dermdesk.imaging..", "org.dermdesk.ml..", "org.dermdesk.report..", "org.dermdesk.cli..");

    private static final ArchRule reportSeesOnlyCore = noClasses()
            .that().resideInAPackage("org.dermdesk.report..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.dermdesk.imaging..", "org.dermdesk.ml..", "org.dermdesk.explain..",
                    "org.dermdesk.ui..", "org.dermdesk.cli..", "org.dermdesk.app..");

    /** The launcher hands the command line to picocli; beyond the development harnesses nothing borrows from the CLI. */
    private static final ArchRule onlyTheLauncherUsesTheCli = noClasses()
            .that().resideOutsideOfPackages("org.dermdesk.cli..", "org.dermdesk.dev..")
            .and().doNotHaveFullyQualifiedName("org.dermdesk.app.Main")
            .should().dependOnClassesThat().resideInAPackage("org.dermdesk.cli..");

    /** Development harnesses (evaluation, benchmarks, training) are added by the launcher; no product code uses them. */
    private static final ArchRule onlyTheLauncherUsesTheHarnesses = noClasses()
            .that().resideOutsideOfPackage("org.dermdesk.dev..")
            .and().doNotHaveFullyQualifiedName("org.dermdesk.app.Main")
            .should().dependOnClassesThat().resideInAPackage("org.dermdesk.dev..");

    private static final ArchRule harnessesStayHeadless = noClasses()
            .that().resideInAPackage("org.dermdesk.dev..")
            .should().dependOnClassesThat().resideInAnyPackage("org.dermdesk.ui..", "org.dermdesk.app..", "javafx..");

    private static final ArchRule noPackageCycles = slices().matching("org.dermdesk.(*)..").should().beFreeOfCycles();

    /** Only the command line and the launcher talk to the terminal (harnesses print their tables); the rest logs. */
    private static final ArchRule standardStreamsOnlyInCliAppAndDev = noClasses()
            .that().resideOutsideOfPackages("org.dermdesk.cli..", "org.dermdesk.app..", "org.dermdesk.dev..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    private static final ArchRule imagingSeesOnlyCore = noClasses()
            .that().resideInAPackage("org.dermdesk.imaging..")
            .should().dependOnClassesThat(resideInAPackage("org.dermdesk..")
                    .and(not(resideInAnyPackage("org.dermdesk.imaging..", "org.dermdesk.core.."))));

    private static final ArchRule mlSeesOnlyCore = noClasses()
            .that().resideInAPackage("org.dermdesk.ml..")
            .should().dependOnClassesThat(resideInAPackage("org.dermdesk..")
                    .and(not(resideInAnyPackage("org.dermdesk.ml..", "org.dermdesk.core.."))));

    private static final ArchRule pdfBoxAndIcuOnlyInReport = noClasses()
            .that().resideOutsideOfPackage("org.dermdesk.report..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..", "com.ibm.icu..");

    /** The wiring is the top of the graph: nothing reaches back into it. */
    private static final ArchRule nothingDependsOnApp = noClasses()
            .that().resideOutsideOfPackage("org.dermdesk.app..")
            .should().dependOnClassesThat().resideInAPackage("org.dermdesk.app..");

    @Test
    void packagesHaveNoCycles() {
        noPackageCycles.check(classes);
    }

    @Test
    void onlyCliAppAndHarnessesWriteToTheTerminal() {
        standardStreamsOnlyInCliAppAndDev.check(classes);
    }

    @Test
    void imagingSeesOnlyCore() {
        imagingSeesOnlyCore.check(classes);
    }

    @Test
    void mlSeesOnlyCore() {
        mlSeesOnlyCore.check(classes);
    }

    @Test
    void pdfBoxAndIcuStayInReport() {
        pdfBoxAndIcuOnlyInReport.check(classes);
    }

    @Test
    void nothingDependsOnTheApp() {
        nothingDependsOnApp.check(classes);
    }

    @Test
    void javafxStaysInUiAndApp() {
        javafxOnlyInUiAndApp.allowEmptyShould(true).check(classes);
    }

    @Test
    void djlStaysInMl() {
        djlOnlyInMl.check(classes);
    }

    @Test
    void openCvStaysInImaging() {
        openCvOnlyInImaging.check(classes);
    }

    @Test
    void coreKnowsNoOtherLayer() {
        coreDependsOnNothingOfOurs.check(classes);
    }

    @Test
    void onlyTheAppUsesTheUi() {
        onlyAppAndUiUseTheUi.check(classes);
    }

    @Test
    void explainerSeesOnlyCore() {
        explainSeesOnlyCore.allowEmptyShould(true).check(classes);
    }

    @Test
    void reportSeesOnlyCore() {
        reportSeesOnlyCore.check(classes);
    }

    @Test
    void onlyTheLauncherUsesTheCli() {
        onlyTheLauncherUsesTheCli.check(classes);
    }

    @Test
    void onlyTheLauncherUsesTheHarnesses() {
        onlyTheLauncherUsesTheHarnesses.check(classes);
    }

    @Test
    void harnessesStayHeadless() {
        harnessesStayHeadless.check(classes);
    }
}
