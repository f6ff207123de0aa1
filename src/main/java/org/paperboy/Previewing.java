package org.paperboy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.paperboy.config.FeedConfig;
import org.paperboy.model.Picture;
import org.paperboy.operate.Preview;
import org.paperboy.operate.Previews;
import org.paperboy.pipeline.FeedPreview;
import org.paperboy.pipeline.Verdict;

/**
 * A feed's preview for the dashboard, made by the running pipeline's previewer exactly as {@code
 * preview --explain} makes it: fetched in full, judged as a poll would, recorded nowhere.
 */
final class Previewing implements Previews {

  private final Supplier<PaperboyEngine.Parts> parts;

  /**
   * @param parts the pipeline in force, asked at each preview (it changes at a reload)
   */
  Previewing(Supplier<PaperboyEngine.Parts> parts) {
    this.parts = parts;
  }

  @Override
  public Preview of(String feedId) {
    PaperboyEngine.Parts current = parts.get();
    FeedConfig feed = current.config().feeds().get(feedId);
    if (feed == null) {
      throw new IllegalArgumentException("no feed " + feedId + " in the config in force");
    }
    FeedPreview preview = current.previewer().preview(List.of(feed), false, done -> {}).get(0);
    List<Preview.Line> lines = new ArrayList<>();
    for (Verdict verdict : preview.verdicts()) {
      lines.add(
          new Preview.Line(
              verdict.accountId(),
              verdict.paper().guid(),
              verdict.paper().title(),
              verdict.paper().link(),
              verdict.outcome() == Verdict.Outcome.POST,
              verdict.reason(),
              verdict.posts(),
              picture(verdict.picture())));
    }
    return new Preview(feedId, preview.error(), lines);
  }

  /** The picture as {@code preview} names it, or {@code null} for none. */
  private static String picture(Picture picture) {
    return picture == null
        ? null
        : picture.source()
            + " ("
            + picture.mimeType()
            + ", "
            + picture.width()
            + "x"
            + picture.height()
            + "); alt: "
            + picture.alt();
  }
}
