package com.puffy.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md §1, checked on every build. */
@AnalyzeClasses(packages = "com.puffy.pipeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] STAGES = {
            "..pipeline.quality..", "..pipeline.transform..", "..pipeline.analysis..", "..pipeline.monitor..",
            "..pipeline.generate.."};

    @ArchTest
    static final ArchRule onlyTheUiImportsJavaFx = noClasses()
            .that().resideOutsideOfPackage("..pipeline.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.kordamp.ikonli..")
            .because("the engine must run without a screen (DESIGN.md §1)");

    @ArchTest
    static final ArchRule tableFiguresAreAddedUpWithoutJavaFx = noClasses()
            .that().haveNameMatching(
                    ".*\\.ui\\.table\\.(Aggregation|ColumnValues|TableData|TableQuery|CsvTable|FileTable)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("a dataset chart's figures are computed apart from the views, unit-tested without a screen "
                    + "(decision 0510)");

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("..pipeline.model..")
            .should().dependOnClassesThat().resideInAnyPackage("..pipeline.config..", "..pipeline.core..",
                    "..pipeline.io..", "..pipeline.engine..", "..pipeline.cache..", "..pipeline.cli..",
                    "..pipeline.ui..", "..pipeline.quality..", "..pipeline.transform..", "..pipeline.analysis..",
                    "..pipeline.monitor..", "..pipeline.generate..");

    @ArchTest
    static final ArchRule nothingBelowTheFacesDependsOnThem = noClasses()
            .that().resideOutsideOfPackages("..pipeline.cli..", "..pipeline.ui..")
            .and().doNotHaveSimpleName("Main").and().doNotHaveSimpleName("DesktopEntry")
            .should().dependOnClassesThat().resideInAnyPackage("..pipeline.cli..", "..pipeline.ui..");

    @ArchTest
    static final ArchRule stagesDoNotKnowTheEngine = noClasses()
            .that().resideInAnyPackage(STAGES)
            .should().dependOnClassesThat().resideInAPackage("..pipeline.engine..")
            .because("stages implement core.Stage; only the engine orchestrates them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule stagesDoNotDependOnEachOther = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("com.puffy.pipeline.(quality|transform|analysis|monitor|generate)..")
            .should().notDependOnEachOther()
            .because("stages talk through their output files (SPEC §7) and the model, never through each other's code")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule lowerLayersDoNotReachUp = noClasses()
            .that().resideInAnyPackage("..pipeline.config..", "..pipeline.core..", "..pipeline.io..", "..pipeline.cache..")
            .should().dependOnClassesThat().resideInAnyPackage(STAGES)
            .orShould().dependOnClassesThat().resideInAPackage("..pipeline.engine..");

    @ArchTest
    static final ArchRule nothingBelowTheFacesPrints = noClasses()
            .that().resideOutsideOfPackages("..pipeline.cli..", "..pipeline.ui..", "..pipeline.bench..")
            .and().doNotHaveSimpleName("Main").and().doNotHaveSimpleName("DesktopEntry")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("only the faces talk to the user (DESIGN.md §1)");
}
