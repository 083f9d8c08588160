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

    /**
     * Text is cased and numbers and dates are written the same on every machine: the JVM's default locale turned
     * "MISSING" into "mıssıng" on a Turkish machine, "1,234.5" into "1.234,5" on a German one, and Arabic or Hindi
     * digits in, and its calendar put a Thai machine in the year 2568 (decision 0817). Callers name the locale
     * ({@code Locale.ROOT} for words and machine text, {@code Locale.US} for what the app and the report show).
     */
    @ArchTest
    static final ArchRule nothingLeansOnTheDefaultLocale = noClasses()
            .should().callMethod(String.class, "toLowerCase")
            .orShould().callMethod(String.class, "toUpperCase")
            .orShould().callMethod(String.class, "format", String.class, Object[].class)
            .orShould().callMethod(String.class, "formatted", Object[].class)
            .orShould().callMethod(java.text.NumberFormat.class, "getInstance")
            .orShould().callMethod(java.text.NumberFormat.class, "getNumberInstance")
            .orShould().callMethod(java.text.NumberFormat.class, "getIntegerInstance")
            .orShould().callMethod(java.text.NumberFormat.class, "getPercentInstance")
            .orShould().callMethod(java.text.NumberFormat.class, "getCurrencyInstance")
            .orShould().callConstructor(java.text.DecimalFormat.class)
            .orShould().callConstructor(java.text.DecimalFormat.class, String.class)
            .orShould().callConstructor(java.text.SimpleDateFormat.class)
            .orShould().callConstructor(java.text.SimpleDateFormat.class, String.class)
            .orShould().callMethod(java.util.Calendar.class, "getInstance")
            .orShould().callMethod(java.util.Calendar.class, "getInstance", java.util.TimeZone.class)
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.format.DateTimeFormatter.class, "ofPattern", String.class)
            .orShould().callConstructor(java.util.Formatter.class)
            .orShould().callMethod(java.io.PrintWriter.class, "printf", String.class, Object[].class)
            .orShould().callMethod(java.io.PrintWriter.class, "format", String.class, Object[].class)
            .orShould().callMethod(java.io.PrintStream.class, "printf", String.class, Object[].class)
            .orShould().callMethod(java.io.PrintStream.class, "format", String.class, Object[].class)
            .because("outputs must be byte-identical and the app's texts alike on any machine (decision 0817)");

    /**
     * Every value axis writes its ticks as the app writes numbers: JavaFX's own labels follow the machine's locale
     * ("1.500" orders and "0,5%" on a German machine, decision 0819), so the axes come from {@code ui.NumberAxes}.
     */
    @ArchTest
    static final ArchRule valueAxesWriteNumbersAsTheAppDoes = noClasses()
            .that().doNotHaveFullyQualifiedName("com.puffy.pipeline.ui.NumberAxes")
            .should().callConstructor(javafx.scene.chart.NumberAxis.class)
            .orShould().callConstructor(javafx.scene.chart.NumberAxis.class, double.class, double.class, double.class)
            .orShould().callConstructor(javafx.scene.chart.NumberAxis.class, String.class, double.class, double.class,
                    double.class)
            .orShould().callConstructor(javafx.scene.chart.NumberAxis.DefaultFormatter.class,
                    javafx.scene.chart.NumberAxis.class)
            .orShould().callConstructor(javafx.scene.chart.NumberAxis.DefaultFormatter.class,
                    javafx.scene.chart.NumberAxis.class, String.class, String.class)
            .because("the app's texts read alike on any machine (decision 0819)");

    /**
     * Dialog buttons say the app's words: JavaFX's ButtonType.OK, CLOSE, CANCEL and the rest, and an Alert's default
     * buttons, take theirs from the machine's language ("Schließen" on a German machine, decision 0819).
     */
    @ArchTest
    static final ArchRule dialogButtonsSayTheAppsWords = noClasses()
            .that().doNotHaveFullyQualifiedName("com.puffy.pipeline.ui.DialogButtons")
            .should().accessField(javafx.scene.control.ButtonType.class, "OK")
            .orShould().accessField(javafx.scene.control.ButtonType.class, "CLOSE")
            .orShould().accessField(javafx.scene.control.ButtonType.class, "CANCEL")
            .orShould().accessField(javafx.scene.control.ButtonType.class, "APPLY")
            .orShould().accessField(javafx.scene.control.ButtonType.class, "YES")
            .orShould().accessField(javafx.scene.control.ButtonType.class, "NO")
            .orShould().accessField(javafx.scene.control.ButtonType.class, "FINISH")
            .orShould().accessField(javafx.scene.control.ButtonType.class, "NEXT")
            .orShould().accessField(javafx.scene.control.ButtonType.class, "PREVIOUS")
            .orShould().callConstructor(javafx.scene.control.Alert.class, javafx.scene.control.Alert.AlertType.class)
            .because("the app's texts read alike on any machine (decision 0819)");
}
