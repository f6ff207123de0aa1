package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.paperboy.model.OutboxState;
import org.paperboy.model.PaperKey;
import org.paperboy.model.Picture;
import org.paperboy.model.Subject;

/**
 * The papers each account has seen and the entries each feed has shown; recording a new paper and
 * queueing its post is one transaction. Thread-safe.
 */
public final class JdbcPaperStore {

  private final DataSource dataSource;

  public JdbcPaperStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The ones of {@code entryKeys} that {@code feedId} showed before; one transaction. */
  public Set<String> seenInFeed(String feedId, Collection<String> entryKeys) {
    return Jdbc.transaction(
        dataSource,
        "checking the entries of feed " + feedId,
        c -> {
          Set<String> seen = new HashSet<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT 1 FROM feed_entries WHERE feed_id = ? AND entry_key = ?")) {
            select.setString(1, feedId);
            for (String entryKey : entryKeys) {
              select.setString(2, Jdbc.key(entryKey));
              try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                  seen.add(entryKey);
                }
              }
            }
          }
          return seen;
        });
  }

  /** The feed that first brought the paper {@code key} to its account, if the account has it. */
  public Optional<String> firstFeedOf(PaperKey key) {
    return Jdbc.transaction(
        dataSource,
        "looking up a paper of account " + key.accountId(),
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT feed_id FROM papers WHERE account_id = ? AND identity_key = ?")) {
            select.setString(1, key.accountId());
            select.setString(2, Jdbc.key(key.identity().toString()));
            try (ResultSet rows = select.executeQuery()) {
              return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Records {@code paper} as seen by its feed and, when the account did not have it yet and a post
   * text is given, queues that post. One transaction.
   */
  public Sighting record(NewPaper paper, Instant now) {
    return recordAll(List.of(paper), now).get(0);
  }

  /**
   * Records each of {@code papers} as {@link #record} does, all in one transaction: a poll's papers
   * are recorded and queued together or not at all, at the cost of one commit. An entry of a feed
   * with several accounts comes as one paper per account, together, and is recorded as the feed's
   * entry once.
   *
   * @return each paper's sighting, in order
   */
  public List<Sighting> recordAll(List<NewPaper> papers, Instant now) {
    return papers.isEmpty() ? List.of() : recordAll(papers.get(0).feedId(), papers, List.of(), now);
  }

  /**
   * Records {@code feedId}'s {@code papers} as {@link #recordAll(List, Instant)} does, and in the
   * same transaction what its poll could not make posts of ({@code left}), for maintainers. What
   * the feed's last poll left replaces what the one before left (those entries are judged again at
   * each poll), but for an entry recorded for the feed's other accounts, which is not judged again
   * and keeps its reason.
   *
   * @return each paper's sighting, in order
   */
  public List<Sighting> recordAll(
      String feedId, List<NewPaper> papers, List<LeftEntry> left, Instant now) {
    if (papers.isEmpty() && left.isEmpty()) {
      return List.of();
    }
    return Jdbc.transaction(
        dataSource,
        "recording the papers of feed " + feedId,
        c -> {
          // Before this poll's papers are recorded, so that an entry left before and taken now
          // loses its old reason.
          forgetLeft(c, feedId);
          List<Sighting> sightings = new ArrayList<>();
          for (int i = 0; i < papers.size(); ) {
            int end = i + 1;
            while (end < papers.size() && sameEntry(papers.get(i), papers.get(end))) {
              end++;
            }
            sightings.addAll(record(c, papers.subList(i, end), now));
            i = end;
          }
          keepLeft(c, feedId, left, now);
          return sightings;
        });
  }

  private static boolean sameEntry(NewPaper a, NewPaper b) {
    return a.feedId().equals(b.feedId()) && a.entryKey().equals(b.entryKey());
  }

  /** One entry of a feed, as a paper of each of its accounts. */
  private static List<Sighting> record(Connection c, List<NewPaper> entry, Instant now)
      throws SQLException {
    NewPaper first = entry.get(0);
    List<Sighting> sightings = new ArrayList<>();
    if (entryExists(c, first)) {
      entry.forEach(paper -> sightings.add(Sighting.SEEN_IN_FEED));
      return sightings;
    }
    Long entryPaper = null;
    Map<Picture, Long> pictures = new IdentityHashMap<>();
    for (NewPaper paper : entry) {
      Long existing = paperId(c, paper);
      long paperId;
      if (existing != null) {
        paperId = existing;
        sightings.add(Sighting.SAME_PAPER);
      } else {
        paperId = insertPaper(c, paper, now);
        sightings.add(Sighting.NEW);
        if (paper.postText() != null) {
          Long pictureId = null;
          if (paper.picture() != null) {
            pictureId = pictures.get(paper.picture());
            if (pictureId == null) {
              pictureId = JdbcPictures.insert(c, paper.picture(), now);
              pictures.put(paper.picture(), pictureId);
            }
          }
          enqueue(c, paper, paperId, pictureId, now);
        }
      }
      entryPaper = entryPaper == null ? paperId : entryPaper;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO feed_entries (feed_id, entry_key, paper_id, seen_at)"
                + " VALUES (?, ?, ?, ?)")) {
      insert.setString(1, first.feedId());
      insert.setString(2, Jdbc.key(first.entryKey()));
      insert.setLong(3, entryPaper);
      Jdbc.setInstant(insert, 4, now);
      insert.executeUpdate();
    }
    return sightings;
  }

  private static boolean entryExists(Connection c, NewPaper paper) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT 1 FROM feed_entries WHERE feed_id = ? AND entry_key = ?")) {
      select.setString(1, paper.feedId());
      select.setString(2, Jdbc.key(paper.entryKey()));
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static Long paperId(Connection c, NewPaper paper) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT id FROM papers WHERE account_id = ? AND identity_key = ?")) {
      select.setString(1, paper.key().accountId());
      select.setString(2, Jdbc.key(paper.key().identity().toString()));
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : null;
      }
    }
  }

  private static long insertPaper(Connection c, NewPaper paper, Instant now) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO papers (account_id, identity_key, feed_id, doi, link, title,"
                + " first_seen_at, not_posted_because) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, paper.key().accountId());
      insert.setString(2, Jdbc.key(paper.key().identity().toString()));
      insert.setString(3, paper.feedId());
      insert.setString(4, Jdbc.fit(paper.doi(), 600));
      insert.setString(5, Jdbc.fit(paper.link(), 2000));
      insert.setString(6, Jdbc.fit(paper.title(), 4000));
      Jdbc.setInstant(insert, 7, now);
      insert.setString(8, Jdbc.fit(paper.notPostedBecause(), 2000));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static void enqueue(
      Connection c, NewPaper paper, long paperId, Long pictureId, Instant now) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO outbox (account_id, paper_id, feed_id, text, reply_text, state,"
                + " attempts, paper_date, created_at, updated_at, paper_json, post_key,"
                + " subject_title, subject_link, subject_summary, picture_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, paper.key().accountId());
      insert.setLong(2, paperId);
      insert.setString(3, paper.feedId());
      insert.setString(4, paper.postText());
      insert.setString(5, paper.replyText());
      insert.setString(
          6, (paper.held() ? OutboxState.AWAITING_APPROVAL : OutboxState.QUEUED).name());
      Jdbc.setInstant(insert, 7, paper.date());
      Jdbc.setInstant(insert, 8, now);
      Jdbc.setInstant(insert, 9, now);
      insert.setString(10, paper.source() == null ? null : PaperCodec.encode(paper.source()));
      insert.setString(11, paper.postKey() == null ? null : paper.postKey().toString());
      Subject subject = paper.subject();
      insert.setString(12, subject == null ? null : Jdbc.fit(subject.title(), 4000));
      insert.setString(13, subject == null ? null : Jdbc.fit(subject.link(), 2000));
      insert.setString(14, subject == null ? null : Jdbc.fit(subject.summary(), 4000));
      if (pictureId == null) {
        insert.setNull(15, Types.BIGINT);
      } else {
        insert.setLong(15, pictureId);
      }
      insert.executeUpdate();
    }
  }

  /** Forgets what the feed's last poll left unrecorded: this poll judges those entries again. */
  private static void forgetLeft(Connection c, String feedId) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM feed_left_entries l WHERE l.feed_id = ? AND NOT EXISTS (SELECT 1"
                + " FROM feed_entries e WHERE e.feed_id = l.feed_id"
                + " AND e.entry_key = l.entry_key)")) {
      delete.setString(1, feedId);
      delete.executeUpdate();
    }
  }

  private static void keepLeft(Connection c, String feedId, List<LeftEntry> left, Instant now)
      throws SQLException {
    for (LeftEntry entry : left) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO feed_left_entries (feed_id, entry_key, account_id, title, link,"
                  + " reason, seen_at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1"
                  + " FROM feed_left_entries WHERE feed_id = ? AND entry_key = ?"
                  + " AND account_id = ?)")) {
        String key = Jdbc.key(entry.entryKey());
        insert.setString(1, feedId);
        insert.setString(2, key);
        insert.setString(3, entry.accountId());
        insert.setString(4, Jdbc.fit(entry.title(), 4000));
        insert.setString(5, Jdbc.fit(entry.link(), 2000));
        insert.setString(6, Jdbc.fit(entry.reason(), 2000));
        Jdbc.setInstant(insert, 7, now);
        insert.setString(8, feedId);
        insert.setString(9, key);
        insert.setString(10, entry.accountId());
        insert.executeUpdate();
      }
    }
  }
}
