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
  void keepsABracketThatBelongsToTheDoiAndDropsOneThatCloses() {
    assertThat(Doi.find("10.1016/0005-2795(76)90109-4")).contains("10.1016/0005-2795(76)90109-4");
    assertThat(Doi.find("(see doi:10.1000/xyz123)")).contains("10.1000/xyz123");
  }

  @Test
  void findsNothingWithoutADoi() {
    assertThat(Doi.find("pmid:34929406")).isEmpty();
    assertThat(Doi.find(null)).isEmpty();
    assertThat(Doi.find("version 10.5 of the software")).isEmpty();
  }
}
