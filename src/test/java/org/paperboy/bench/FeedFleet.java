package org.paperboy.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.parse.FeedParseException;
import org.paperboy.parse.FeedParser;
import org.paperboy.testing.FeedServer;
import org.paperboy.testing.Fixtures;

/**
 * Many feeds on a loopback server, each a real publisher's feed from the fixtures. Each feed is
 * first served without its newest entries; {@link #publish} then serves some of them whole, so that
 * their next poll finds new papers while the rest answer 304. Feeds are grouped into accounts so
 * that no account holds the same fixture twice: every entry is a paper its account has not seen.
 */
final class FeedFleet {

  /** Entries held back from each feed until {@link #publish}, at most. */
  private static final int NEW_PER_FEED = 5;

  private static final Pattern ENTRY =
      Pattern.compile("<(item|entry)[\\s>].*?</\\1>", Pattern.DOTALL);

  /** A fixture split into what is served first and what is served after new papers appear. */
  private record Source(byte[] before, byte[] after, int held) {}

  /** What {@link #publish} changed: feeds now served whole, and the new entries they hold. */
  record Published(int feeds, int entries) {}

  private final List<Source> sources;
  private final FeedServer server;
  private final int size;

  /** Serves {@code size} feeds, each without its newest entries. */
  FeedFleet(FeedServer server, int size) {
    this.server = server;
    this.size = size;
    this.sources = sources();
    for (int i = 0; i < size; i++) {
      server.serve(path(i), source(i).before(), "application/xml");
    }
  }

  /** True for {@code share} of the feeds, spread evenly over the fleet. */
  static boolean spread(int feed, double share) {
    return Math.floor((feed + 1) * share) > Math.floor(feed * share);
  }

  /** Serves whole the feeds {@code which} picks, by index. */
  Published publish(IntPredicate which) {
    int feeds = 0;
    int entries = 0;
    for (int i = 0; i < size; i++) {
      if (which.test(i)) {
        server.serve(path(i), source(i).after(), "application/xml");
        feeds++;
        entries += source(i).held();
      }
    }
    return new Published(feeds, entries);
  }

  /** The config blocks of the accounts and feeds, each feed polled when {@code cron} fires. */
  String config(String cron) {
    StringBuilder blocks = new StringBuilder();
    for (int a = 0; a * sources.size() < size; a++) {
      // No pictures: the fixtures' are on their publishers' hosts, which a benchmark must not
      // reach (each refused fetch would also wait out the per-host pause).
      blocks
          .append("paperboy.accounts.a")
          .append(a)
          .append(" { platform = console, images = false }\n");
    }
    for (int i = 0; i < size; i++) {
      blocks
          .append("paperboy.feeds.f")
          .append(i)
          .append(" { url = \"")
          .append(server.url(path(i)))
          .append("\", account = a")
          .append(i / sources.size())
          .append(", schedule = \"")
          .append(cron)
          .append("\" }\n");
    }
    return blocks.toString();
  }

  private Source source(int feed) {
    return sources.get(feed % sources.size());
  }

  private static String path(int feed) {
    return "/feeds/" + feed + ".xml";
  }

  /** The fixtures whose entries Paperboy reads, each split into before and after. */
  private static List<Source> sources() {
    FeedParser parser = new FeedParser();
    List<Source> sources = new ArrayList<>();
    for (String name : Fixtures.allFeeds()) {
      byte[] after = Fixtures.feedBytes(name);
      int parsed;
      try {
        parsed = parser.parse("f", after, null, URI.create("https://x.org/")).papers().size();
      } catch (FeedParseException e) {
        continue;
      }
      // Latin-1 maps bytes one to one, so cutting the text leaves every other byte as it was.
      String text = new String(after, StandardCharsets.ISO_8859_1);
      List<int[]> spans = new ArrayList<>();
      Matcher entry = ENTRY.matcher(text);
      while (entry.find()) {
        spans.add(new int[] {entry.start(), entry.end()});
      }
      if (parsed == 0 || spans.size() != parsed) {
        continue;
      }
      int held = Math.min(NEW_PER_FEED, (spans.size() + 1) / 2);
      String before = text.substring(0, spans.get(0)[0]) + text.substring(spans.get(held - 1)[1]);
      sources.add(new Source(before.getBytes(StandardCharsets.ISO_8859_1), after, held));
    }
    return List.copyOf(sources);
  }
}
