package org.paperboy.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One name per author, from author fields as feeds print them. */
class AuthorsTest {

  @Test
  void aNameWrittenSurnameFirstStaysOneName() {
    assertThat(Authors.split(List.of("Smith, Jane"))).containsExactly("Smith, Jane");
    assertThat(Authors.split(List.of("Smith, J."))).containsExactly("Smith, J.");
  }

  @Test
  void aFieldListingSeveralNamesIsSplitAtCommasAndsAndSemicolons() {
    assertThat(Authors.split(List.of("Jane Smith, John Doe")))
        .containsExactly("Jane Smith", "John Doe");
    assertThat(Authors.split(List.of("Jane Smith, John Doe and Ann Lee")))
        .containsExactly("Jane Smith", "John Doe", "Ann Lee");
    assertThat(Authors.split(List.of("Jane Smith & John Doe")))
        .containsExactly("Jane Smith", "John Doe");
    assertThat(Authors.split(List.of("Smith, Jane; Doe, John")))
        .containsExactly("Smith, Jane", "Doe, John");
  }

  @Test
  void initialsStayWithTheSurnameBeforeThem() {
    assertThat(Authors.split(List.of("LAPALU, N., SIMON, A., DOWNING, P.-L.")))
        .containsExactly("LAPALU, N.", "SIMON, A.", "DOWNING, P.-L.");
  }

  @Test
  void foldsWhitespaceAndDropsRepeatedAndEmptyNames() {
    assertThat(Authors.split(Arrays.asList("Jane\n  Smith", "Jane Smith", " ", null)))
        .containsExactly("Jane Smith");
  }
}
