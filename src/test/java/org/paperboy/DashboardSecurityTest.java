package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.DashboardService;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.MutableClock;
import org.paperboy.testing.TestConfig;
import org.paperboy.testing.WebClient;

/**
 * The dashboard can post in the account's name, so: nothing without a login, no change without its
 * session's token and origin, nothing a feed or an editor wrote is ever run, cookies no script
 * reads, and a lockout after wrong passwords. Behind a reverse proxy here, whose headers it then
 * believes.
 */
class DashboardSecurityTest {

  /** What a feed's error or an edit might hold, which must be shown and never run. */
  static final String SCRIPT = "<img src=x onerror=alert(1)>";

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;
  private MutableClock clock;
  private DashboardService service;
  private WebClient anna;

  @BeforeEach
  void start() throws Exception {
    feeds = new FeedServer();
    x = TestConfig.labX();
    feeds.serveFixture("/plos.xml", "med_plos_ploscompbiol_atom_2025-04_reserialized.xml");
    clock = new MutableClock(Clock.systemUTC().instant());
    service =
        new DashboardService(
            dir.resolve("paperboy.conf"),
            TestConfig.h2(dir.resolve("db"))
                + TestConfig.labAccount(x, "min-spacing = 0s\napproval = true")
                + """
                paperboy.feeds.plos { url = "%s", account = lab, backfill = 2, schedule = 1s }
                paperboy.feeds.broken { url = "%s", account = lab, schedule = 1s }
                """
                    .formatted(feeds.url("/plos.xml"), dir.resolve(SCRIPT + ".xml")),
            "behind-proxy = true",
            clock);
    anna = new WebClient(service);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                new WebClient(service)
                    .get("/metrics")
                    .body()
                    .contains("paperboy_queue_posts{state=\"awaiting_approval\"} 2.0"));
  }

  @AfterEach
  void stop() {
    service.close();
    feeds.close();
    x.close();
  }

  @Test
  void nothingButTheLoginFormAndTheProbesWithoutALogin() throws Exception {
    WebClient stranger = new WebClient(service);

    for (String page :
        List.of("/", "/queue", "/feeds", "/feeds/plos", "/history", "/queue/1/edit")) {
      HttpResponse<String> answer = stranger.get(page);
      assertThat(answer.statusCode()).as(page).isEqualTo(303);
      assertThat(answer.headers().firstValue("Location")).as(page).hasValue("/login");
    }
    assertThat(stranger.get("/login").body())
        .contains("<form method=\"post\" action=\"/login\"")
        .contains("name=\"username\"")
        .contains("name=\"password\"");
    assertThat(stranger.get("/health").statusCode()).isEqualTo(200);
    assertThat(stranger.get("/metrics").body()).contains("paperboy_polls_total");
    // A form sent without a session changes nothing, even with a token from the login page.
    HttpResponse<String> approve =
        stranger.submit("/queue/" + firstAwaiting() + "", Map.of("action", "approve"));
    assertThat(approve.statusCode()).isEqualTo(403);
    assertThat(awaitingApproval()).isEqualTo(2);
  }

  @Test
  void aFormWithoutItsSessionsTokenOrFromAnotherOriginIsRefused() throws Exception {
    anna.logIn("anna", DashboardService.ANNA_PASSWORD);
    String id = firstAwaiting();

    assertThat(anna.post("/queue/" + id, Map.of("action", "approve")).statusCode()).isEqualTo(403);
    assertThat(
            anna.post("/queue/" + id, Map.of("action", "approve", "csrf", "guessed")).statusCode())
        .isEqualTo(403);
    HttpResponse<String> foreign =
        anna.submit(
            "/queue/" + id, Map.of("action", "approve"), "Origin", "https://evil.example.org");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("the form was sent from https://evil.example.org");
    assertThat(awaitingApproval()).isEqualTo(2);

    assertThat(anna.get("/queue/no-such-post/edit").statusCode()).isEqualTo(404);
    anna.get("/queue");
    HttpResponse<String> approved =
        anna.submit("/queue/" + id, Map.of("action", "approve"), "Origin", service.url(""));
    assertThat(approved.statusCode()).isEqualTo(303);
    assertThat(awaitingApproval()).isEqualTo(1);
  }

  @Test
  void aViewerMayLookButChangeNothing() throws Exception {
    WebClient ben = new WebClient(service);
    ben.logIn("ben", DashboardService.BEN_PASSWORD);

    String queue = ben.get("/queue").body();
    assertThat(queue).contains("awaiting approval").doesNotContain("value=\"approve\"", "Edit</a>");
    HttpResponse<String> approve =
        ben.submit("/queue/" + firstAwaiting(), Map.of("action", "approve"));
    assertThat(approve.statusCode()).isEqualTo(403);
    assertThat(approve.body()).contains("ben is a viewer");
    assertThat(awaitingApproval()).isEqualTo(2);
  }

  @Test
  void whatAFeedOrAnEditorWroteIsShownAsTextNeverAsMarkup() throws Exception {
    anna.logIn("anna", DashboardService.ANNA_PASSWORD);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> anna.get("/feeds").body().contains("FAILING"));
    String id = firstAwaiting();
    anna.get("/queue/" + id + "/edit");
    HttpResponse<String> saved =
        anna.submit(
            "/queue/" + id + "/edit", Map.of("text", "Look " + SCRIPT + " https://doi.org/10.1/x"));
    assertThat(saved.statusCode()).isEqualTo(303);

    for (String page : List.of("/feeds", "/feeds/broken", "/queue", "/queue/" + id + "/edit")) {
      String html = anna.get(page).body();
      assertThat(html).as(page).contains("&lt;img src=x onerror=alert(1)&gt;");
      assertThat(html).as(page).doesNotContain("<img");
    }
    // And were one to slip through, the page's policy would let no script run.
    assertThat(anna.get("/queue").headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'none'"));
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteAndSecureWhenTheProxySaysHttps() throws Exception {
    HttpResponse<String> plain = anna.logIn("anna", DashboardService.ANNA_PASSWORD);

    assertThat(plain.statusCode()).isEqualTo(303);
    assertThat(cookie(plain, "paperboy_session"))
        .contains("; HttpOnly", "; SameSite=Lax", "; Path=/")
        .doesNotContain("Secure");

    // Behind a proxy that says the browser came over HTTPS, the cookies are Secure: a browser
    // sends them back over HTTPS alone, so they are sent along here by hand.
    WebClient overHttps = new WebClient(service);
    HttpResponse<String> form = overHttps.get("/login", "X-Forwarded-Proto", "https");
    String login = cookie(form, "paperboy_login");
    assertThat(login).contains("; HttpOnly", "; SameSite=Lax", "; Secure");
    HttpResponse<String> https =
        overHttps.submit(
            "/login",
            Map.of("username", "anna", "password", DashboardService.ANNA_PASSWORD),
            "X-Forwarded-Proto",
            "https",
            "Cookie",
            login.substring(0, login.indexOf(';')));
    assertThat(https.statusCode()).isEqualTo(303);
    assertThat(cookie(https, "paperboy_session"))
        .contains("; HttpOnly", "; SameSite=Lax", "; Secure");
  }

  @Test
  void aSessionEndsAtLogoutAndAfterItsIdleTime() throws Exception {
    anna.logIn("anna", DashboardService.ANNA_PASSWORD);
    assertThat(anna.get("/queue").statusCode()).isEqualTo(200);
    assertThat(anna.submit("/logout", Map.of()).headers().firstValue("Location"))
        .hasValue("/login?ended=logout");
    assertThat(anna.get("/queue").statusCode()).isEqualTo(303);

    anna.logIn("anna", DashboardService.ANNA_PASSWORD);
    clock.advance(Duration.ofMinutes(31));
    HttpResponse<String> idle = anna.get("/queue");
    assertThat(idle.headers().firstValue("Location")).hasValue("/login?ended=idle");
    assertThat(anna.get("/login?ended=idle").body())
        .contains("Your session ended after 30 minutes without a request.");
  }

  @Test
  void wrongPasswordsInARowForOneUserOrFromOneAddressAreRefusedWith429ForAWhile() throws Exception {
    try (CapturedLogs logs = CapturedLogs.start()) {
      // Five wrong passwords for anna, each from an address of its own.
      for (int i = 1; i <= 5; i++) {
        HttpResponse<String> wrong =
            new WebClient(service).logIn("anna", "guess-" + i, "X-Forwarded-For", "10.0.0." + i);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong user name or password.");
      }
      HttpResponse<String> refused =
          new WebClient(service)
              .logIn("anna", DashboardService.ANNA_PASSWORD, "X-Forwarded-For", "10.0.0.9");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(refused.body()).contains("Too many wrong passwords");

      // Five wrong passwords from one address, each for another name, lock the address out.
      for (String name : List.of("root", "admin", "carl", "dora", "emil")) {
        new WebClient(service).logIn(name, "guess", "X-Forwarded-For", "10.0.1.1");
      }
      assertThat(
              new WebClient(service)
                  .logIn("ben", DashboardService.BEN_PASSWORD, "X-Forwarded-For", "10.0.1.1")
                  .statusCode())
          .isEqualTo(429);
      assertThat(
              new WebClient(service)
                  .logIn("ben", DashboardService.BEN_PASSWORD, "X-Forwarded-For", "10.0.1.2")
                  .statusCode())
          .isEqualTo(303);

      // Once the lockout has passed, anna logs in again.
      clock.advance(Duration.ofMinutes(16));
      assertThat(
              new WebClient(service)
                  .logIn("anna", DashboardService.ANNA_PASSWORD, "X-Forwarded-For", "10.0.0.9")
                  .statusCode())
          .isEqualTo(303);

      assertThat(lines(logs.text(), "wrong passwords in a row"))
          .containsExactly(
              "dashboard: 5 wrong passwords in a row for user anna; its logins are refused for"
                  + " PT15M",
              "dashboard: 5 wrong passwords in a row from 10.0.1.1; its logins are refused for"
                  + " PT15M");
      assertThat(logs.text())
          .doesNotContain(DashboardService.ANNA_PASSWORD, DashboardService.BEN_PASSWORD, "guess-1");
    }
  }

  private static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(name + "="))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> lines(String text, String containing) {
    return text.lines()
        .filter(line -> line.contains(containing))
        .map(line -> line.substring(line.indexOf("dashboard:")))
        .toList();
  }

  /** The id of the first post awaiting approval, as the queue page shows it to an editor. */
  private String firstAwaiting() throws Exception {
    WebClient look = new WebClient(service);
    look.logIn("ben", DashboardService.BEN_PASSWORD);
    Matcher post =
        Pattern.compile("<article class=\"post awaiting-approval\" id=\"post-(\\d+)\"")
            .matcher(look.get("/queue").body());
    assertThat(post.find()).isTrue();
    return post.group(1);
  }

  private int awaitingApproval() throws Exception {
    Matcher count =
        Pattern.compile("paperboy_queue_posts\\{state=\"awaiting_approval\"\\} (\\d+)")
            .matcher(new WebClient(service).get("/metrics").body());
    return count.find() ? Integer.parseInt(count.group(1)) : 0;
  }
}
