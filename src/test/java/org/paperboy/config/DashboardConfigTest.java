package org.paperboy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.TestPaperboy;

/** {@code paperboy.dashboard}: its users, their roles, and passwords only from the environment. */
class DashboardConfigTest {

  private static final Map<String, String> ENV =
      Map.of("DASH_ANNA", "anna-password-0455", "DASH_BEN", "ben-password-0456");

  @TempDir Path dir;

  private Path write(String text) throws Exception {
    Path file = dir.resolve("paperboy.conf");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void isOffUnlessEnabled() throws Exception {
    PaperboyConfig config = TestPaperboy.loader(ENV).load(write("paperboy.feeds {}\n"));

    assertThat(config.dashboard().enabled()).isFalse();
    assertThat(config.dashboard().users()).isEmpty();
  }

  @Test
  void readsItsUsersWithTheirRolesAndPasswordsFromTheEnvironment() throws Exception {
    Path file =
        write(
            """
            paperboy.http.port = 8080
            paperboy.dashboard {
              enabled = true
              users {
                anna { password = ${DASH_ANNA}, role = editor }
                ben { password = ${DASH_BEN}, role = viewer }
              }
              idle-timeout = 10m
            }
            """);

    DashboardConfig dashboard = TestPaperboy.loader(ENV).load(file).dashboard();

    assertThat(dashboard.enabled()).isTrue();
    assertThat(dashboard.users().values())
        .containsExactly(
            new DashboardConfig.User("anna", "anna-password-0455", DashboardConfig.Role.EDITOR),
            new DashboardConfig.User("ben", "ben-password-0456", DashboardConfig.Role.VIEWER));
    assertThat(dashboard.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(dashboard.maxFailedLogins()).isEqualTo(5);
    assertThat(dashboard.lockout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(dashboard.behindProxy()).isFalse();
    assertThat(dashboard.toString()).doesNotContain("anna-password-0455", "ben-password-0456");
  }

  @Test
  void refusesAPasswordWrittenInTheFileAndSaysWhichVariableToUse() throws Exception {
    Path file =
        write(
            """
            paperboy.http.port = 8080
            paperboy.dashboard {
              enabled = true
              users { anna { password = "hunter2", role = editor } }
            }
            """);

    InvalidConfigException e =
        catchThrowableOfType(
            InvalidConfigException.class, () -> TestPaperboy.loader(ENV).load(file));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            file
                + ":4: paperboy.dashboard.users.anna.password: secrets must come from the"
                + " environment: write password = ${DASHBOARD_ANNA}");
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void reportsAnUnknownRoleAnUnknownKeyAndAnUnsetVariable() throws Exception {
    Path file =
        write(
            """
            paperboy.http.port = 8080
            paperboy.dashboard {
              enabled = true
              users {
                anna { password = ${DASH_ANNA}, role = admin }
                ben { password = ${DASH_BEN}, role = viewer, colour = blue }
                cleo { password = ${DASH_CLEO}, role = viewer }
              }
            }
            """);

    InvalidConfigException e =
        catchThrowableOfType(
            InvalidConfigException.class, () -> TestPaperboy.loader(ENV).load(file));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .anySatisfy(
            p ->
                assertThat(p)
                    .isEqualTo(
                        file
                            + ":5: paperboy.dashboard.users.anna.role: expected editor or viewer,"
                            + " found admin"))
        .anySatisfy(
            p -> assertThat(p).contains(":6: paperboy.dashboard.users.ben.colour: unknown key"))
        .anySatisfy(p -> assertThat(p).contains("DASH_CLEO"));
  }

  @Test
  void needsAPortAndAUserWhenEnabled() throws Exception {
    Path file = write("paperboy.dashboard.enabled = true\n");

    InvalidConfigException e =
        catchThrowableOfType(
            InvalidConfigException.class, () -> TestPaperboy.loader(ENV).load(file));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactlyInAnyOrder(
            file
                + ":1: paperboy.dashboard.enabled: the dashboard is enabled but has no users: add"
                + " users { anna { password = ${DASHBOARD_ANNA}, role = editor } }",
            file
                + ":1: paperboy.dashboard.enabled: the dashboard is served on paperboy.http.port,"
                + " which is null: set a port, such as paperboy.http.port = 8080");
  }
}
