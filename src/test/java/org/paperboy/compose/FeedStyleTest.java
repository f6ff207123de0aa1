package org.paperboy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.model.Person;

class FeedStyleTest {

  private static final Template TEMPLATE = Template.parse("{title}\n{summary} {link} {hashtags}");

  private static FeedStyle style(int maxHashtags, boolean thread) {
    return new FeedStyle(
        TEMPLATE, List.of("#MedEd"), List.of(), maxHashtags, List.<Person>of(), thread);
  }

  @Test
  void stylesThatWriteAlikeShareAFingerprintAndAnyChangeChangesIt() {
    String fingerprint = style(2, false).fingerprint();

    assertThat(fingerprint).hasSize(64).matches("[0-9a-f]+");
    assertThat(style(2, false).fingerprint()).isEqualTo(fingerprint);
    assertThat(style(2, true).fingerprint()).isNotEqualTo(fingerprint);
    assertThat(style(3, false).fingerprint()).isNotEqualTo(fingerprint);
  }

  @Test
  void aFeedMayPostWithoutHashtagsButNotWithFewerThanNone() {
    assertThat(style(0, false).maxHashtags()).isZero();
    assertThatThrownBy(() -> style(-1, false)).hasMessage("max-hashtags < 0: -1");
  }
}
