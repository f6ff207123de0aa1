package org.paperboy.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.model.Author;
import org.paperboy.model.Paper;

/** A {@link Paper} as the JSON the outbox keeps beside each post. */
final class PaperCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PaperCodec() {}

  static String encode(Paper paper) {
    ObjectNode node = JSON.createObjectNode();
    node.put("feedId", paper.feedId());
    node.put("guid", paper.guid());
    node.put("title", paper.title());
    node.put("link", paper.link());
    node.put("doi", paper.doi());
    ArrayNode authors = node.putArray("authors");
    for (Author author : paper.authors()) {
      authors.addObject().put("name", author.name()).put("orcid", author.orcid());
    }
    node.put("journal", paper.journal());
    node.put("published", paper.published() == null ? null : paper.published().toString());
    ArrayNode categories = node.putArray("categories");
    paper.categories().forEach(categories::add);
    node.put("articleType", paper.articleType());
    node.put("abstractHtml", paper.abstractHtml());
    return node.toString();
  }

  static Paper decode(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      List<Author> authors = new ArrayList<>();
      node.path("authors")
          .forEach(a -> authors.add(new Author(a.path("name").asText(), text(a, "orcid"))));
      List<String> categories = new ArrayList<>();
      node.path("categories").forEach(c -> categories.add(c.asText()));
      String published = text(node, "published");
      return new Paper(
          node.path("feedId").asText(),
          node.path("guid").asText(),
          node.path("title").asText(),
          text(node, "link"),
          text(node, "doi"),
          authors,
          text(node, "journal"),
          published == null ? null : Instant.parse(published),
          categories,
          text(node, "articleType"),
          node.path("abstractHtml").asText(""),
          List.of());
    } catch (IOException e) {
      throw new IllegalStateException("a stored paper is not JSON: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
