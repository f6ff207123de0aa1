package org.paperboy.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.paperboy.testing.FakeHttp.Refusal;
import org.paperboy.testing.FakeHttp.Reply;

/**
 * The fake Mastodon's media: {@code POST /api/v2/media} and {@code GET /api/v1/media/:id}
 * (app/controllers/api/v2/media_controller.rb and v1's), and the checks a status makes of the media
 * it attaches ({@code PostStatusService#validate_media!}). Mastodon processes an image while it
 * answers the upload (200, with its {@code url}); it answers 202 with a null {@code url} and 206 to
 * each {@code GET} until a video, GIF or audio file is processed. {@link
 * MastodonSettings#processingGets} makes every upload take that path. Thread-safe.
 */
final class MastodonMedia {

  private static final class Item {
    final FakeMastodon.Upload upload;
    int pendingGets;
    String statusId;

    Item(FakeMastodon.Upload upload, int pendingGets) {
      this.upload = upload;
      this.pendingGets = pendingGets;
    }

    Map<String, Object> json() {
      return MastodonJson.media(
          upload.id(), upload.contentType(), upload.description(), pendingGets == 0);
    }
  }

  private final MastodonSettings settings;
  private final Supplier<String> ids;
  private final Map<String, Item> items = new LinkedHashMap<>();

  MastodonMedia(MastodonSettings settings, Supplier<String> ids) {
    this.settings = settings;
    this.ids = ids;
  }

  /** Takes an upload's parts; Rails' validations name every problem at once, joined. */
  synchronized Reply upload(List<Multipart.Part> parts) throws Refusal {
    Multipart.Part file = null;
    String description = null;
    for (Multipart.Part part : parts) {
      if (part.name().equals("file")) {
        file = part;
      } else if (part.name().equals("description")) {
        description = part.text();
      }
    }
    List<String> problems = new ArrayList<>();
    if (file == null) {
      problems.add("File can't be blank");
    } else {
      String type = file.contentType().split(";")[0].trim();
      if (!settings.supportedMimeTypes.contains(type)) {
        // Paperclip's content type validator marks the attribute and the attachment.
        problems.add("File content type is invalid");
        problems.add("File is invalid");
      }
      long limit = type.startsWith("image/") ? settings.imageSizeLimit : settings.videoSizeLimit;
      if (file.bytes().length >= limit) {
        // validates_attachment_size ... less_than: the limit itself is too big.
        String size = humanSize(limit);
        problems.add("File file size must be less than " + size);
        problems.add("File must be less than " + size);
      }
    }
    if (description != null
        && description.codePointCount(0, description.length()) > settings.descriptionLimit) {
      problems.add(
          "Description is too long (maximum is " + settings.descriptionLimit + " characters)");
    }
    if (!problems.isEmpty()) {
      throw new Refusal(
          422, MastodonJson.error("Validation failed: " + String.join(", ", problems)));
    }
    String type = file.contentType().split(";")[0].trim();
    boolean large = !type.startsWith("image/") || type.equals("image/gif");
    int pending = Math.max(settings.processingGets, large ? 1 : 0);
    Item item =
        new Item(new FakeMastodon.Upload(ids.get(), file.bytes(), type, description), pending);
    items.put(item.upload.id(), item);
    return new Reply(pending == 0 ? 200 : 202, item.json());
  }

  /** {@code GET /api/v1/media/:id}: only the account's media not yet attached to a status. */
  synchronized Reply show(String id) throws Refusal {
    Item item = items.get(id);
    if (item == null || item.statusId != null) {
      throw new Refusal(404, MastodonJson.error("Record not found"));
    }
    if (item.pendingGets > 0) {
      item.pendingGets--;
      return new Reply(
          206, MastodonJson.media(id, item.upload.contentType(), item.upload.description(), false));
    }
    return new Reply(200, item.json());
  }

  /** The attachments for a new status, refused as {@code PostStatusService} refuses them. */
  synchronized List<Map<String, Object>> check(List<String> ids) throws Refusal {
    if (ids.size() > 4) {
      throw new Refusal(422, MastodonJson.error("Cannot attach more than 4 files"));
    }
    List<String> missing = new ArrayList<>();
    List<Map<String, Object>> json = new ArrayList<>();
    boolean ready = true;
    for (String id : ids) {
      Item item = items.get(id);
      if (item == null || item.statusId != null) {
        missing.add(id);
      } else {
        ready &= item.pendingGets == 0;
        json.add(item.json());
      }
    }
    if (!missing.isEmpty()) {
      throw new Refusal(
          422,
          MastodonJson.error(
              "Media "
                  + String.join(", ", missing)
                  + " not found or already attached to another post"));
    }
    if (!ready) {
      throw new Refusal(
          422,
          MastodonJson.error(
              "Cannot attach files that have not finished processing. Try again in a moment!"));
    }
    return json;
  }

  synchronized void attach(List<String> ids, String statusId) {
    ids.forEach(id -> items.get(id).statusId = statusId);
  }

  synchronized List<FakeMastodon.Upload> uploads() {
    return items.values().stream().map(i -> i.upload).toList();
  }

  // ActiveSupport's number_to_human_size: binary units, three significant digits.
  private static String humanSize(long bytes) {
    String[] units = {"Bytes", "KB", "MB", "GB"};
    double size = bytes;
    int unit = 0;
    while (size >= 1024 && unit < units.length - 1) {
      size /= 1024;
      unit++;
    }
    String number =
        new BigDecimal(size).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    return number + " " + units[unit];
  }
}
