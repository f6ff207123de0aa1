package org.paperboy.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the dashboard's tests: Debian's chromium, headless, driven through Debian's
 * chromedriver (Selenium's own driver manager would download one, and there is no network). The
 * tests that need it are skipped, saying so, where the packages are not installed, except in CI,
 * which installs them and fails without them.
 */
public final class Browser {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  /** A new headless chromium with a window of {@code width} by {@code height}. */
  public static WebDriver open(int width, int height) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String missing =
        "the browser tests need Debian's chromium and chromium-driver: apt-get install -y"
            + " chromium chromium-driver";
    // In CI (.ci/run sets CI=true and installs them) a missing browser is a broken build, not a
    // reason to skip.
    if (System.getenv("CI") != null && !installed) {
      throw new IllegalStateException(missing);
    }
    assumeTrue(installed, missing);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // --no-sandbox: CI runs as root, where chromium's sandbox cannot start.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .withSilent(true)
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
