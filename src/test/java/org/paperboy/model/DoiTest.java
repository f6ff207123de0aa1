package org.paperboy.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoiTest {

  @Test
  void normalisesEveryWayFeedsWriteADoi() {
    assertThat(Doi.find("doi:10.1136/BMJ.n71")).contains("10.1136/bmj.n71");
    assertThat(Doi.find("doi: 10.3390/fluids9060120")).contains("10.3390/fluids9060120");
    assertThat(Doi.find("info:doi/10.1126/science.abj4606")).contains("10.1126/science.abj4606");
    assertThat(Doi.find("https://doi.org/10.1016/S0140-6736(20)30183-5"))
        .contains("10.1016/s0140-6736(20)30183-5");
    assertThat(Doi.find("http://dx.doi.org/10.1002/tax.12650.")).contains("10.1002/tax.12650");
    assertThat(Doi.find("https://example.org/doi/10.1080%2F01650521.2020.1783478"))
        .contains("10.1080/01650521.2020.1783478");
  }

  @Test
  void aDoiTakenFromALinkEndsWhereItsPathEnds() {
    assertThat(
            Doi.find(
                "https://www.microbiologyresearch.org/content/journal/ijsem/10.1099/ijsem.0.005146?TRACK=RSS"))
        .contains("10.1099/ijsem.0.005146");
    assertThat(Doi.find("https://example.org/doi/10.1002/tax.12650#abstract"))
        .contains("10.1002/tax.12650");
    assertThat(
            Doi.find("https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0028031"))
        .contains("10.1371/journal.pone.0028031");
  }

  @Test
  void aQueryThatWasPercentEncodedIntoTheDoiIsDecodedAndLeftOut() {
    assertThat(Doi.find("https://doi.org/10.1099/ijsem.0.005146%3Ftrack=rss"))
        .contains("10.1099/ijsem.0.005146");
    assertThat(Doi.find("https://example.org/10.1002/(SICI)1097-0258(19980415)17:7%3C759"))
        .contains("10.1002/(sici)1097-0258(19980415)17:7");
    assertThat(Doi.find("50% of cases; doi:10.1000/xyz+1")).contains("10.1000/xyz+1");
  }

  @Test
  void keepsABracketThatBelongsToTheDoiAndDropsOneThatCloses() {
    assertThat(Doi.find("10.1016/0005-2795(76)90109-4")).contains("10.1016/0005-2795(76)90109-4");
    assertThat(Doi.find("(see doi:10.1000/xyz123)")).contains("10.1000/xyz123");
  }

  @Test
  void aValidDoiIsARegistrantPrefixASlashAndASuffixWithoutSpaceQueryOrFragment() {
    assertThat(Doi.isValid("10.1099/ijsem.0.005146")).isTrue();
    assertThat(Doi.isValid("10.1000.10/sub-registrant")).isTrue();
    assertThat(Doi.isValid("10.1099/ijsem.0.005146?track=rss")).isFalse();
    assertThat(Doi.isValid("10.1002/x#y")).isFalse();
    assertThat(Doi.isValid("10.1002/a b")).isFalse();
    assertThat(Doi.isValid("11.1002/x")).isFalse();
    assertThat(Doi.isValid(null)).isFalse();
  }

  @Test
  void findsNothingWithoutADoi() {
    assertThat(Doi.find("pmid:34929406")).isEmpty();
    assertThat(Doi.find(null)).isEmpty();
    assertThat(Doi.find("version 10.5 of the software")).isEmpty();
  }
}
