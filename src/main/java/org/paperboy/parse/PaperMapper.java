package org.paperboy.parse;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdom2.Element;
import org.paperboy.model.Author;
import org.paperboy.model.Citation;
import org.paperboy.model.Doi;
import org.paperboy.model.Paper;

/** Maps one ROME entry to a {@link Paper}, reading the modules journals use (DC, PRISM). */
final class PaperMapper {

  private final String feedId;
  private final String feedTitle;

  PaperMapper(String feedId, String feedTitle) {
    this.feedId = feedId;
    this.feedTitle = feedTitle;
  }

  /**
   * The entry as a paper, or empty when it has neither a title nor any identity.
   *
   * @param link the entry's link made canonical, or {@code null} (see {@link EntryLinks})
   */
  Optional<Paper> map(SyndEntry entry, String link, URI base) {
    String title = trimmed(entry.getTitle());
    String guid = firstNonBlank(rawGuid(entry), link, title);
    if (guid == null || title == null) {
      return Optional.empty();
    }
    DCModule dc = (DCModule) entry.getModule(DCModule.URI);
    List<String> texts = texts(entry, dc);
    String abstractHtml = abstractHtml(texts);
    return Optional.of(
        new Paper(
            feedId,
            guid,
            title,
            link,
            doi(entry, dc, link, guid, texts),
            authors(entry, dc),
            journal(entry, dc),
            date(entry, dc),
            categories(entry),
            articleType(entry, dc),
            abstractHtml,
            EntryPictures.in(texts, pictureBase(entry, base))));
  }

  /** What an entry's relative picture address is relative to: its link, else the feed's. */
  private static URI pictureBase(SyndEntry entry, URI feed) {
    String link = rawLink(entry);
    if (link != null) {
      try {
        URI url = URI.create(link);
        if (url.isAbsolute()) {
          return url;
        }
        return feed == null ? null : feed.resolve(url);
      } catch (IllegalArgumentException e) {
        // an unreadable link: the feed's address will do
      }
    }
    return feed;
  }

  /** The entry's link as the feed wrote it: RSS's link, else Atom's alternate link. */
  static String rawLink(SyndEntry entry) {
    String link = trimmed(entry.getLink());
    if (link == null) {
      for (SyndLink candidate : entry.getLinks()) {
        if (candidate.getRel() == null || "alternate".equals(candidate.getRel())) {
          link = trimmed(candidate.getHref());
          break;
        }
      }
    }
    return link;
  }

  /** The entry's guid or Atom id as the feed wrote it, or {@code null}. */
  static String rawGuid(SyndEntry entry) {
    return trimmed(entry.getUri());
  }

  /** PRISM first (the publisher's own statement), then Dublin Core, then link, guid and text. */
  private static String doi(
      SyndEntry entry, DCModule dc, String link, String guid, List<String> texts) {
    List<String> candidates = new ArrayList<>();
    candidates.add(prism(entry, "doi"));
    if (dc != null) {
      // PubMed lists "pmid:…" before "doi:…"; only a value holding a DOI counts.
      candidates.addAll(dc.getIdentifiers());
    }
    candidates.add(link);
    candidates.add(guid);
    // Every text, a citation too: "doi:10.1234/abc.5" is a summary that is only a citation.
    candidates.addAll(texts);
    for (String candidate : candidates) {
      Optional<String> doi = Doi.find(candidate);
      if (doi.isPresent()) {
        return doi.get();
      }
    }
    return null;
  }

  /** Atom authors (with an ORCID iD when their uri holds one), else Dublin Core creators. */
  private static List<Author> authors(SyndEntry entry, DCModule dc) {
    List<Author> authors = new ArrayList<>();
    for (SyndPerson person : entry.getAuthors()) {
      String orcid = Orcids.find(person.getUri()).orElse(null);
      for (String name : Authors.split(List.of(String.valueOf(person.getName())))) {
        authors.add(new Author(name, orcid));
      }
    }
    if (authors.isEmpty()) {
      List<String> fields = new ArrayList<>();
      if (dc != null) {
        fields.addAll(dc.getCreators());
      }
      if (fields.isEmpty() && entry.getAuthor() != null) {
        fields.add(entry.getAuthor());
      }
      for (String name : Authors.split(fields)) {
        authors.add(Author.named(name));
      }
    }
    return authors;
  }

  /** Dublin Core type, PRISM section or genre: where publishers say "Correction", "Review". */
  private static String articleType(SyndEntry entry, DCModule dc) {
    if (dc != null && trimmed(dc.getType()) != null) {
      return trimmed(dc.getType());
    }
    for (String name : new String[] {"section", "genre"}) {
      String value = trimmed(prism(entry, name));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private String journal(SyndEntry entry, DCModule dc) {
    String prism = trimmed(prism(entry, "publicationName"));
    if (prism != null) {
      return prism;
    }
    if (dc != null && trimmed(dc.getSource()) != null) {
      return trimmed(dc.getSource());
    }
    return feedTitle;
  }

  private static Instant date(SyndEntry entry, DCModule dc) {
    Date date = entry.getPublishedDate();
    if (date == null) {
      date = entry.getUpdatedDate();
    }
    if (date == null && dc != null) {
      date = dc.getDate();
    }
    return date == null ? null : date.toInstant();
  }

  private static List<String> categories(SyndEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    for (SyndCategory category : entry.getCategories()) {
      String name = trimmed(category.getName());
      if (name != null) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /**
   * The longest of the places feeds put an abstract: content (content:encoded, Atom content),
   * description or summary, and dc:description. A citation is no abstract: Wiley's tables of
   * contents put "TAXON, Volume 70, Issue 5, Page 1131-1132, October 2021." there, and the paper
   * then has no abstract, as the enricher must see to ask the article page for one.
   */
  private static String abstractHtml(List<String> texts) {
    String best = "";
    for (String text : texts) {
      if (text != null && text.strip().length() > best.length() && !Citation.isOnly(text)) {
        best = text.strip();
      }
    }
    return best;
  }

  /** The entry's texts, in the order feeds fill them: content, description, dc:description. */
  private static List<String> texts(SyndEntry entry, DCModule dc) {
    List<String> texts = new ArrayList<>();
    for (SyndContent content : entry.getContents()) {
      texts.add(content.getValue());
    }
    if (entry.getDescription() != null) {
      texts.add(entry.getDescription().getValue());
    }
    if (dc != null) {
      texts.addAll(dc.getDescriptions());
    }
    return texts;
  }

  /** A PRISM element's text; ROME has no PRISM module, so read the foreign markup. */
  private static String prism(SyndEntry entry, String name) {
    for (Element element : entry.getForeignMarkup()) {
      String namespace = element.getNamespaceURI();
      boolean isPrism =
          namespace.startsWith("http://prismstandard.org/namespaces/")
              || namespace.equals("http://purl.org/rss/1.0/modules/prism/");
      if (isPrism && element.getName().equals(name)) {
        return element.getTextNormalize();
      }
    }
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String trimmed(String text) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    return value.isEmpty() ? null : value;
  }
}
