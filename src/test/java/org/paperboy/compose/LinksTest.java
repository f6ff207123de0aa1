package org.paperboy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {

  @Test
  void aDoiKeepsWhatAUrlPathMayHoldAndPercentEncodesTheRest() {
    assertThat(Links.encodePath("10.1002/(SICI)1097-4636:AZaz09-._~;@!$'*+,="))
        .isEqualTo("10.1002/(SICI)1097-4636:AZaz09-._~;@!$'*+,=");
    assertThat(Links.encodePath("10.1002/<abc>[x]#`{y}^ é"))
        .isEqualTo("10.1002/%3Cabc%3E%5Bx%5D%23%60%7By%7D%5E%20%C3%A9");
  }
}
