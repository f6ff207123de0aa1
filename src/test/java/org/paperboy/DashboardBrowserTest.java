package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paperboy.testing.Browser;
import org.paperboy.testing.DashboardService;
import org.paperboy.testing.FakeXApi;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.TestConfig;

/**
 * The dashboard as its users meet it, in a real browser (headless chromium): an editor logs in,
 * approves, edits (a text too long for X refused, a good one saved and then posted exactly as
 * edited), drops, and reads the feeds; a viewer sees the same pages without a button.
 */
class DashboardBrowserTest {

  private static final String EDITED =
      "Edited by hand:\nfew active neurons bias a population code."
          + " https://doi.org/10.1371/journal.pcbi.1012969";

  @TempDir Path dir;
  private FeedServer feeds;
  private FakeXApi x;
  private DashboardService service;
  private WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    browser = Browser.open(1100, 900);
    feeds = new FeedServer();
    x = TestConfig.labX();
    feeds.serveFixture("/plos.xml", "med_plos_ploscompbiol_atom_2025-04_reserialized.xml");
    service =
        new DashboardService(
            dir.resolve("paperboy.conf"),
            TestConfig.h2(dir.resolve("db"))
                + TestConfig.labAccount(
                    x, "min-spacing = 0s\napproval = true\nbudget { per-month = 10.00 }")
                + """
                paperboy.feeds.plos { url = "%s", account = lab, backfill = 2, schedule = 1s }
                paperboy.feeds.broken { url = "%s", account = lab, schedule = 1s }
                """
                    .formatted(
                        feeds.url("/plos.xml"), dir.resolve(DashboardSecurityTest.SCRIPT + ".xml")),
            "",
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
    }
    if (feeds != null) {
      feeds.close();
    }
    if (x != null) {
      x.close();
    }
  }

  @Test
  void anEditorApprovesEditsAndDropsAndTheEditIsPostedExactlyAsEdited() throws Exception {
    logIn("anna", DashboardService.ANNA_PASSWORD);
    List<WebElement> awaiting = awaitPosts("awaiting-approval", 2);
    String first = awaiting.get(0).getAttribute("id");
    String second = awaiting.get(1).getAttribute("id");
    String before = post(first).findElement(By.className("text")).getText();
    screenshot("queue");

    // Too long for X by its weighted count: refused, saying how long and the limit.
    go(post(first).findElement(By.linkText("Edit")));
    WebElement text = browser.findElement(By.name("text"));
    text.clear();
    text.sendKeys("A long edit. ".repeat(25).strip());
    go(browser.findElement(By.cssSelector("form.edit button[type=submit]")));
    assertThat(browser.findElement(By.className("refusal")).getText())
        .isEqualTo(
            "Not saved: the post is 324 long and X allows 280 by its count; post "
                + number(first)
                + " keeps its text.");
    go(browser.findElement(By.linkText("Queue")));
    assertThat(post(first).findElement(By.className("text")).getText()).isEqualTo(before);

    // A text that fits is saved, then approved, and X receives it exactly.
    go(post(first).findElement(By.linkText("Edit")));
    text = browser.findElement(By.name("text"));
    text.clear();
    text.sendKeys(EDITED);
    go(browser.findElement(By.cssSelector("form.edit button[type=submit]")));
    assertThat(flash()).startsWith("Saved post " + number(first) + ": it is posted as edited");
    assertThat(post(first).findElement(By.className("text")).getText()).isEqualTo(EDITED);
    assertThat(post(first).findElement(By.className("meta")).getText()).contains("edited by anna");

    go(post(first).findElement(By.cssSelector("button[value=approve]")));
    assertThat(flash()).isEqualTo("Approved post " + number(first) + ": it goes out at its turn.");

    go(post(second).findElement(By.cssSelector("button[value=drop]")));
    assertThat(flash()).isEqualTo("Dropped post " + number(second) + "; Retry brings it back.");
    assertThat(post(second).getAttribute("class")).isEqualTo("post failed");
    assertThat(post(second).findElements(By.cssSelector("button[value=retry]"))).hasSize(1);

    await().atMost(Duration.ofSeconds(60)).until(() -> !x.tweets().isEmpty());
    assertThat(x.tweets()).extracting(FakeXApi.Tweet::text).containsExactly(EDITED);

    go(browser.findElement(By.linkText("History")));
    WebElement made = browser.findElement(By.cssSelector("article.post.posted"));
    assertThat(made.findElement(By.className("text")).getText()).isEqualTo(EDITED);
    assertThat(made.findElement(By.linkText("on its platform")).getAttribute("href"))
        .isEqualTo("https://x.com/i/web/status/" + x.tweets().get(0).id());
    assertThat(browser.findElement(By.className("budget")).getText())
        .startsWith("X budget: account lab has spent $0.");
  }

  @Test
  void theFeedsPageShowsEachFeedsStandingAndAFeedsPageWhatBecameOfItsEntries() {
    logIn("anna", DashboardService.ANNA_PASSWORD);
    awaitPosts("awaiting-approval", 2);

    go(browser.findElement(By.linkText("Feeds")));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              browser.navigate().refresh();
              return browser.findElement(By.id("feed-broken")).getText().contains("FAILING");
            });
    String plos = browser.findElement(By.id("feed-plos")).getText();
    assertThat(plos)
        .contains("Last poll", "Failures in a row\n0", "Papers seen\n4", "Next poll")
        .doesNotContain("FAILING", "STALE");
    String broken = browser.findElement(By.id("feed-broken")).getText();
    assertThat(broken)
        .contains("FAILING: ", "failed: no such file: ")
        .contains(DashboardSecurityTest.SCRIPT);
    assertNothingRan();

    go(browser.findElement(By.linkText("plos")));
    String entries = browser.findElement(By.className("entries")).getText();
    assertThat(entries.split("lab: awaiting approval", -1)).hasSize(3);
    assertThat(entries)
        .contains("lab: first poll: older than the newest 2 (backfill), recorded as seen");

    go(browser.findElement(By.xpath("//button[text()='Preview']")));
    String preview = browser.findElement(By.id("preview")).getText();
    assertThat(preview.split("lab: already seen in this feed", -1)).hasSize(5);
  }

  @Test
  void aViewerSeesThePagesWithoutAButton() {
    logIn("ben", DashboardService.BEN_PASSWORD);
    awaitPosts("awaiting-approval", 2);

    assertThat(browser.findElements(By.cssSelector("main button"))).isEmpty();
    assertThat(browser.findElements(By.linkText("Edit"))).isEmpty();
    assertThat(browser.findElement(By.className("who")).getText()).isEqualTo("ben · viewer");
    go(browser.findElement(By.linkText("Feeds")));
    go(browser.findElement(By.linkText("plos")));
    // Previewing is looking: a viewer may.
    assertThat(browser.findElements(By.xpath("//button[text()='Preview']"))).hasSize(1);
  }

  @Test
  void anEditHoldingScriptIsShownAsTextAndTheCookieIsHttpOnlyAndSameSite() {
    logIn("anna", DashboardService.ANNA_PASSWORD);
    String first = awaitPosts("awaiting-approval", 2).get(0).getAttribute("id");
    Cookie session = browser.manage().getCookieNamed("paperboy_session");
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Lax");
    assertThat(session.isSecure()).isFalse();

    go(post(first).findElement(By.linkText("Edit")));
    WebElement text = browser.findElement(By.name("text"));
    text.clear();
    String script = "Look " + DashboardSecurityTest.SCRIPT + " https://doi.org/10.1/x";
    text.sendKeys(script);
    go(browser.findElement(By.cssSelector("form.edit button[type=submit]")));

    assertThat(post(first).findElement(By.className("text")).getText()).isEqualTo(script);
    assertNothingRan();
    go(post(first).findElement(By.linkText("Edit")));
    assertThat(browser.findElement(By.name("text")).getAttribute("value")).isEqualTo(script);
    assertNothingRan();
  }

  @Test
  void everyPageFitsAPhonesScreenWithoutScrollingSideways() {
    browser.manage().window().setSize(new Dimension(390, 844));
    logIn("anna", DashboardService.ANNA_PASSWORD);
    awaitPosts("awaiting-approval", 2);

    assertFitsTheScreen("the queue");
    assertThat(browser.findElements(By.xpath("//button[text()='Approve']")))
        .isNotEmpty()
        .allSatisfy(button -> assertThat(button.isDisplayed()).isTrue());
    go(browser.findElement(By.linkText("Feeds")));
    assertFitsTheScreen("the feeds");
    go(browser.findElement(By.linkText("plos")));
    assertFitsTheScreen("a feed");
    go(browser.findElement(By.linkText("History")));
    assertFitsTheScreen("the history");
  }

  /** The page is no wider than the window: nothing to scroll to sideways. */
  private void assertFitsTheScreen(String page) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    Number width = (Number) script.executeScript("return document.documentElement.scrollWidth");
    Number window = (Number) script.executeScript("return window.innerWidth");
    assertThat(width.intValue())
        .as(page + " in a window %s wide", window)
        .isLessThanOrEqualTo(window.intValue());
  }

  private void logIn(String username, String password) {
    browser.get(service.url("/"));
    assertThat(browser.getCurrentUrl()).isEqualTo(service.url("/login"));
    browser.findElement(By.name("username")).sendKeys(username);
    browser.findElement(By.name("password")).sendKeys(password);
    go(browser.findElement(By.cssSelector("form.login button[type=submit]")));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> browser.getTitle().equals("Queue · Paperboy"));
  }

  /** The queue's posts in {@code state} once there are {@code count}, reloading until then. */
  private List<WebElement> awaitPosts(String state, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              browser.get(service.url("/queue"));
              return browser.findElements(By.cssSelector("article.post." + state)).size() == count;
            });
    return browser.findElements(By.cssSelector("article.post." + state));
  }

  /** Clicks {@code link} (or a form's button) and waits for the page it leads to. */
  private void go(WebElement link) {
    WebElement page = browser.findElement(By.tagName("html"));
    link.click();
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> gone(page));
  }

  /**
   * True once {@code page} is no longer the document: stale, or (as chromium sometimes answers
   * while the next page replaces it) a node that "does not belong to the document".
   */
  private static boolean gone(WebElement page) {
    try {
      page.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  private WebElement post(String id) {
    return browser.findElement(By.id(id));
  }

  private static String number(String id) {
    return id.substring("post-".length());
  }

  private String flash() {
    return browser.findElement(By.className("flash")).getText();
  }

  /** No image was made of the text, and no script ran: no alert is open. */
  private void assertNothingRan() {
    assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return document.images.length"))
        .isEqualTo(0L);
    assertThatThrownBy(() -> browser.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  /** Keeps what the browser shows under {@code target/screenshots}, for a look after a run. */
  private void screenshot(String name) throws Exception {
    Path file = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
