package org.paperboy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Author;

class AuthorNamesTest {

  @Test
  void shortensNamesPrintedAnyWayToTheirSurnames() {
    List<Author> authors =
        List.of(Author.named("Smith, Jane"), Author.named("Mensah KO"), Author.named("Li Wei"));

    assertThat(AuthorNames.variants(authors))
        .containsExactly("Smith, Jane, Mensah KO, Li Wei", "Smith, Mensah, Wei", "Smith et al.");
  }

  @Test
  void aSoleAuthorIsNamedWithoutEtAl() {
    assertThat(AuthorNames.variants(List.of(Author.named("Jane A. Smith"))))
        .containsExactly("Jane A. Smith", "Smith", "Smith");
    assertThat(AuthorNames.variants(List.of())).containsExactly("");
  }

  @Test
  void aGroupAuthorOfOneWordKeepsItsName() {
    assertThat(AuthorNames.surname("WHO")).isEqualTo("WHO");
    assertThat(AuthorNames.surname("EMBRACE")).isEqualTo("EMBRACE");
  }

  @Test
  void oneKeyMatchesAPersonsSpellings() {
    AuthorNames.Key smith = new AuthorNames.Key("smith", 'j');

    for (String name :
        List.of("Smith, Jane", "Smith J", "J. Smith", "Jane A. Smith", "SMITH, J.")) {
      assertThat(AuthorNames.key(name)).as(name).contains(smith);
    }
    assertThat(AuthorNames.key("Müller-Lüdenscheidt, Ö."))
        .contains(new AuthorNames.Key("muller-ludenscheidt", 'o'));
    assertThat(AuthorNames.key("Smith")).isEmpty();
    assertThat(AuthorNames.key("Smith, ")).isEmpty();
  }
}
