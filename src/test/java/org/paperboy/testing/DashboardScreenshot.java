package org.paperboy.testing;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Takes the README's picture of the queue page ({@code docs/dashboard-queue.png}) in headless
 * chromium: an X account whose posts wait for approval and a Mastodon account's posts queued at its
 * pace, from two real feeds served on loopback. Run it from the repository's root with the test
 * classpath: {@code java -cp "$(cat cp.txt):target/classes:target/test-classes"
 * org.paperboy.testing.DashboardScreenshot docs/dashboard-queue.png}.
 */
public final class DashboardScreenshot {

  private DashboardScreenshot() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/dashboard-queue.png");
    Path dir = Files.createTempDirectory("paperboy-screenshot");
    try (FeedServer feeds = new FeedServer();
        FakeXApi x = TestConfig.labX();
        FakeMastodon mastodon = TestConfig.labMastodon()) {
      feeds.serveFixture("/plos.xml", "med_plos_ploscompbiol_atom_2025-04_reserialized.xml");
      feeds.serveFixture("/bmc.xml", "med_bmc_bmc-bioinformatics_rss2_2025-04_trimmed.xml");
      String config =
          TestConfig.h2(dir.resolve("db"))
              + TestConfig.labAccount(x, "approval = true\nbudget { per-month = 10.00 }")
              + TestConfig.mastodonAccount("lab-mastodon", mastodon, "min-spacing = 45m")
              + """
              paperboy.feeds.plos {
                url = "%s", accounts = [lab, lab-mastodon], backfill = 2, schedule = 1s
              }
              paperboy.feeds.bmc { url = "%s", account = lab-mastodon, backfill = 2 }
              """
                  .formatted(feeds.url("/plos.xml"), feeds.url("/bmc.xml"));
      try (DashboardService service =
          new DashboardService(dir.resolve("paperboy.conf"), config, "", Clock.systemUTC())) {
        WebDriver browser = Browser.open(1000, 1300);
        try {
          browser.get(service.url("/login"));
          browser.findElement(By.name("username")).sendKeys("anna");
          browser.findElement(By.name("password")).sendKeys(DashboardService.ANNA_PASSWORD);
          browser.findElement(By.cssSelector("form.login button")).click();
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> {
                    browser.get(service.url("/queue"));
                    return browser.findElements(By.cssSelector("article.post")).size() >= 5;
                  });
          Files.createDirectories(out.toAbsolutePath().getParent());
          Files.write(out, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
          System.out.println("wrote " + out);
        } finally {
          browser.quit();
        }
      }
    }
  }
}
