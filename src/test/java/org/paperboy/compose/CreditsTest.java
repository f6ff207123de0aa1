package org.paperboy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Author;
import org.paperboy.model.Person;

class CreditsTest {

  private static final Person JANE =
      new Person("Jane Smith", "0000-0002-1825-0097", List.of(), Map.of("x", "@janesmith"));

  @Test
  void matchesANamePrintedSurnameFirstWithACommaOrWithAnAlias() {
    Person kwame =
        new Person("Kwame Mensah", null, List.of("Kwame O. Asante"), Map.of("x", "@kasante"));

    assertThat(
            Credits.handles(
                List.of(Author.named("Smith, Jane"), Author.named("Asante, K.")),
                List.of(JANE, kwame),
                "x"))
        .containsExactly("@janesmith", "@kasante");
  }

  @Test
  void anOrcidIdThatDiffersRulesOutANamesake() {
    Author namesake = new Author("Jane Smith", "0000-0001-5109-3700");

    assertThat(Credits.handles(List.of(namesake), List.of(JANE), "x")).isEmpty();
  }

  @Test
  void aNameOfOneWordMatchesNobody() {
    assertThat(Credits.handles(List.of(Author.named("EMBRACE")), List.of(JANE), "x")).isEmpty();
  }

  @Test
  void aPersonWithoutAHandleOnThePlatformIsNotCredited() {
    Person noX = new Person("Jane Smith", null, List.of(), Map.of("x", " ", "mastodon", "@j@a.b"));

    assertThat(Credits.handles(List.of(Author.named("Jane Smith")), List.of(noX), "x")).isEmpty();
  }
}
