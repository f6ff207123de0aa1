package org.paperboy.pipeline;

/**
 * What one poll of a feed did.
 *
 * @param feedId the feed
 * @param entries entries in the feed ({@code 0} when not modified or failed)
 * @param fresh entries this feed had not shown before
 * @param queued posts queued
 * @param error why the poll failed, or {@code null}
 */
public record PollReport(String feedId, int entries, int fresh, int queued, String error) {

  public boolean failed() {
    return error != null;
  }
}
