package org.paperboy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rules that keep Paperboy a pipeline (docs/ARCHITECTURE.md): each library is imported only by
 * the stage that owns it, stages never import each other (only the assemblers join them), and no
 * two packages depend on each other. A change that breaks a rule fails here, naming the class.
 */
@AnalyzeClasses(packages = "org.paperboy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "org.paperboy";

  /**
   * The stages, each a package of its own; {@code model} is what they share. {@code operate} is the
   * maintainers' contract that the command line and the dashboard ({@code web}) act through.
   */
  private static final List<String> STAGES =
      List.of(
          "config",
          "fetch",
          "parse",
          "filter",
          "enrich",
          "picture",
          "summarise",
          "compose",
          "queue",
          "store",
          "publish",
          "platform.x",
          "platform.mastodon",
          "platform.bluesky",
          "platform.console",
          "operate",
          "web");

  /** The packages that join stages; only the composition root joins them all. */
  private static final List<String> ASSEMBLERS = List.of("pipeline", "schedule", "observe", "cli");

  // Each library lives in its stage.

  @ArchTest
  static final ArchRule quartzOnlyInSchedule = library("the scheduler", "org.quartz..", "schedule");

  @ArchTest
  static final ArchRule jdbcOnlyInStoreAndSchedule =
      library(
          "JDBC (schedule hands Quartz a connection provider)",
          new String[] {"java.sql..", "javax.sql.."},
          "store",
          "schedule");

  @ArchTest
  static final ArchRule databaseLibrariesOnlyInStore =
      library(
          "the database's pool, migrations and driver",
          new String[] {"com.zaxxer..", "org.flywaydb..", "org.h2.."},
          "store");

  @ArchTest
  static final ArchRule typesafeConfigOnlyInConfig =
      library("HOCON", "com.typesafe.config..", "config");

  @ArchTest
  static final ArchRule romeOnlyInParse =
      library("ROME", new String[] {"com.rometools..", "org.jdom2.."}, "parse");

  @ArchTest
  static final ArchRule twitter4jOnlyInTheXPlatform =
      library("twitter4j", "twitter4j..", "platform.x");

  @ArchTest
  static final ArchRule twitterTextOnlyInThePlatformsThatCountWithIt =
      library(
          "twitter-text (X's count, and Mastodon's: app/lib/extractor.rb extends it)",
          "com.twitter..",
          "platform.x",
          "platform.mastodon");

  @ArchTest
  static final ArchRule jsoupOnlyWhereHtmlIsRead =
      library("jsoup", "org.jsoup..", "parse", "enrich", "summarise");

  @ArchTest
  static final ArchRule imageCodecsOnlyInPicture =
      library(
          "decoding and encoding pictures (ImageIO, Java 2D)",
          new String[] {"javax.imageio..", "java.awt.."},
          "picture");

  @ArchTest
  static final ArchRule micrometerOnlyInObserve =
      library(
          "Micrometer", new String[] {"io.micrometer..", "com.sun.net.httpserver.."}, "observe");

  @ArchTest
  static final ArchRule javalinJettyAndJteOnlyInWeb =
      library(
          "the dashboard's server and templates (Javalin, its Jetty, jte)",
          new String[] {"io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "gg.jte.."},
          "web");

  @ArchTest static final ArchRule picocliOnlyInCli = library("picocli", "picocli..", "cli");

  @ArchTest
  static final ArchRule httpClientOnlyInFetchAndPlatforms =
      library("java.net.http", "java.net.http..", "fetch", "publish", "platform..");

  @ArchTest
  static final ArchRule jsonOnlyWhereJsonIsWritten =
      library("Jackson", "com.fasterxml.jackson..", "store", "cli", "publish", "platform..");

  @ArchTest
  static final ArchRule logbackOnlyInTheRoot =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ch.qos.logback..")
          .because("only the composition root chooses how logs are written");

  // Stages never import each other.

  @ArchTest static final ArchRule modelImportsNoStage = stage("model");

  @ArchTest static final ArchRule configImportsOnlyModel = stage("config");

  @ArchTest static final ArchRule fetchImportsNoStage = stage("fetch");

  @ArchTest static final ArchRule parseImportsOnlyModel = stage("parse");

  @ArchTest static final ArchRule filterImportsOnlyModel = stage("filter");

  @ArchTest static final ArchRule enrichImportsOnlyModel = stage("enrich");

  @ArchTest static final ArchRule pictureImportsOnlyModel = stage("picture");

  @ArchTest static final ArchRule summariseImportsOnlyModel = stage("summarise");

  @ArchTest static final ArchRule composeImportsOnlyModel = stage("compose");

  @ArchTest static final ArchRule queueImportsOnlyModel = stage("queue");

  @ArchTest static final ArchRule storeImportsOnlyModel = stage("store");

  @ArchTest static final ArchRule publishImportsOnlyModel = stage("publish");

  @ArchTest
  static final ArchRule eachPlatformImportsOnlyThePublishContract = stage("platform.x", "publish");

  @ArchTest
  static final ArchRule mastodonImportsOnlyThePublishContract =
      stage("platform.mastodon", "publish");

  @ArchTest
  static final ArchRule blueskyImportsOnlyThePublishContract = stage("platform.bluesky", "publish");

  @ArchTest
  static final ArchRule theConsoleImportsOnlyThePublishContract =
      stage("platform.console", "publish");

  @ArchTest static final ArchRule theOperationsContractImportsOnlyModel = stage("operate");

  @ArchTest
  static final ArchRule theDashboardActsOnlyThroughTheOperations = stage("web", "operate");

  // The assemblers join stages, and never lean on one another or on the root.

  @ArchTest
  static final ArchRule thePipelineDependsOnNoOtherAssembler =
      assembler("pipeline", "schedule", "observe", "cli");

  @ArchTest
  static final ArchRule theScheduleDependsOnNoOtherAssembler =
      assembler("schedule", "pipeline", "observe", "cli");

  @ArchTest
  static final ArchRule observeDependsOnNoOtherAssembler = assembler("observe", "schedule", "cli");

  @ArchTest
  static final ArchRule theCliDependsOnNoOtherAssembler = assembler("cli", "schedule", "observe");

  @ArchTest
  static final ArchRule noCycles = slices().matching("org.paperboy.(**)").should().beFreeOfCycles();

  /** Only {@code owners} (packages under the root, {@code "platform.."} for all platforms). */
  private static ArchRule library(String what, String library, String... owners) {
    return library(what, new String[] {library}, owners);
  }

  private static ArchRule library(String what, String[] libraries, String... owners) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(packages(owners))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(libraries)
        .because(what + " belongs to " + String.join(" and ", owners) + " alone");
  }

  /** A stage depends on the model and {@code allowed}, on no other stage or assembler. */
  private static ArchRule stage(String stage, String... allowed) {
    List<String> forbidden = new ArrayList<>();
    for (String other : STAGES) {
      if (!other.equals(stage) && !Arrays.asList(allowed).contains(other)) {
        forbidden.add(other);
      }
    }
    forbidden.addAll(ASSEMBLERS);
    String[] others = packages(forbidden.toArray(String[]::new));
    String[] all = Arrays.copyOf(others, others.length + 1);
    all[others.length] = ROOT;
    return noClasses()
        .that()
        .resideInAPackage(ROOT + "." + stage + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(all)
        .because(
            "stages never import each other: "
                + stage
                + " may use model"
                + (allowed.length == 0 ? "" : " and " + String.join(", ", allowed)));
  }

  private static ArchRule assembler(String assembler, String... others) {
    String[] forbidden = packages(others);
    String[] all = Arrays.copyOf(forbidden, forbidden.length + 1);
    all[forbidden.length] = ROOT;
    return noClasses()
        .that()
        .resideInAPackage(ROOT + "." + assembler + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(all)
        .because("only the composition root assembles the assemblers");
  }

  private static String[] packages(String... names) {
    return Arrays.stream(names)
        .map(name -> ROOT + "." + (name.endsWith("..") ? name : name + ".."))
        .toArray(String[]::new);
  }
}
