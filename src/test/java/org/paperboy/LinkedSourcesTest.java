package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.config.FetchConfig;
import org.paperboy.picture.PictureSource;
import org.paperboy.testing.CapturedLogs;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.TestPictures;

/**
 * A publisher's host that takes connections and never answers costs one timeout, not one per paper:
 * its next pictures and pages are passed over at once, each with why, while other hosts are asked
 * as ever.
 */
class LinkedSourcesTest {

  private ServerSocket silent;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private FeedServer web;
  private LinkedSources sources;

  @BeforeEach
  void start() throws Exception {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!silent.isClosed()) {
                try {
                  held.add(silent.accept());
                  connections.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    web = new FeedServer();
    web.serve("/figure.jpg", TestPictures.jpeg(800, 600, 1), "image/jpeg");
    sources =
        new LinkedSources(
            new FetchConfig(Duration.ofSeconds(1), Duration.ofSeconds(1), 1 << 20, Duration.ZERO),
            Clock.systemUTC(),
            "Paperboy/test");
  }

  @AfterEach
  void stop() throws Exception {
    silent.close();
    for (Socket socket : held) {
      socket.close();
    }
    web.close();
  }

  private URI onSilentHost(String path) {
    return URI.create("http://127.0.0.1:" + silent.getLocalPort() + path);
  }

  @Test
  void aHostThatGaveNoAnswerIsPassedOverForItsNextPicturesAndPages() throws Exception {
    PictureSource pictures = sources.pictures();

    assertThatThrownBy(() -> pictures.fetch(onSilentHost("/figures/1.jpg")))
        .hasMessageContaining("timed out");
    for (int paper = 2; paper <= 5; paper++) {
      URI next = onSilentHost("/figures/" + paper + ".jpg");
      assertThatThrownBy(() -> pictures.fetch(next))
          .hasMessageStartingWith("not asked: its host gave no answer lately (timed out");
    }
    String logs;
    try (CapturedLogs captured = CapturedLogs.start()) {
      assertThat(sources.articlePages().fetch(onSilentHost("/articles/2"))).isEmpty();
      logs = captured.text();
    }

    assertThat(connections.get()).as("one connection for five pictures and a page").isEqualTo(1);
    assertThat(logs)
        .contains("article page " + onSilentHost("/articles/2") + " not read: not asked: its host");
    assertThat(pictures.fetch(web.url("/figure.jpg")))
        .as("another host, asked as ever")
        .isNotEmpty();
  }
}
