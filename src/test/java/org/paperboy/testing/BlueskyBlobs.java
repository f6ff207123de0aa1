package org.paperboy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperboy.testing.FakeHttp.Refusal;
import org.paperboy.testing.FakeHttp.Reply;

/**
 * A PDS's blobs: {@code com.atproto.repo.uploadBlob} (api/com/atproto/repo/uploadBlob.ts) takes raw
 * bytes up to 5 MiB (413 {@code PayloadTooLarge} past it), names them by a CIDv1 of their SHA-256,
 * and takes their type from their first bytes, as actor-store/blob/transactor.ts does with the
 * file-type library, falling back to the {@code Content-Type} only when it knows none; a record
 * that references a blob must name one uploaded here with the same {@code mimeType} and {@code
 * size} ({@code verifyBlobAndMakePermanent}). Thread-safe.
 */
final class BlueskyBlobs {

  static final int UPLOAD_LIMIT = 5 * 1024 * 1024;

  private final Map<String, FakeBluesky.Blob> blobs = new LinkedHashMap<>();

  synchronized Reply upload(String contentType, byte[] bytes) throws Refusal {
    if (contentType == null || contentType.isBlank()) {
      throw Xrpc.invalid("Request encoding (Content-Type) required but not provided");
    }
    if (bytes.length > UPLOAD_LIMIT) {
      throw Xrpc.refusal(413, "PayloadTooLarge", "request entity too large");
    }
    String declared = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    String sniffed = sniff(bytes);
    FakeBluesky.Blob blob =
        new FakeBluesky.Blob(
            AtprotoSyntax.cid(AtprotoSyntax.RAW, bytes),
            sniffed == null ? declared : sniffed,
            bytes.length,
            declared,
            bytes);
    blobs.put(blob.cid(), blob);
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("$type", "blob");
    ref.put("ref", Map.of("$link", blob.cid()));
    ref.put("mimeType", blob.mimeType());
    ref.put("size", blob.size());
    return new Reply(200, Map.of("blob", ref));
  }

  /** Refuses a record that references a blob not uploaded here, or misstates one. */
  synchronized void verify(JsonNode node) throws Refusal {
    if (node.isObject() && "blob".equals(node.path("$type").asText(null))) {
      String cid = node.path("ref").path("$link").asText();
      FakeBluesky.Blob found = blobs.get(cid);
      if (found == null) {
        throw Xrpc.refusal(400, "BlobNotFound", "Could not find blob: " + cid);
      }
      String mime = node.path("mimeType").asText();
      if (!found.mimeType().equals(mime)) {
        throw Xrpc.refusal(
            400,
            "InvalidMimeType",
            "Referenced Mimetype does not match stored blob. Expected: "
                + found.mimeType()
                + ", Got: "
                + mime);
      }
      long size = node.path("size").asLong();
      if (found.size() != size) {
        throw Xrpc.refusal(
            400,
            "InvalidSize",
            "Referenced Size does not match stored blob. Expected: "
                + found.size()
                + ", Got: "
                + size);
      }
      return;
    }
    for (JsonNode child : node) {
      verify(child);
    }
  }

  synchronized List<FakeBluesky.Blob> blobs() {
    return List.copyOf(blobs.values());
  }

  private static String sniff(byte[] b) {
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "image/png";
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (starts(b, 'R', 'I', 'F', 'F')
        && b.length >= 12
        && new String(b, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
      return "image/webp";
    }
    if (starts(b, '%', 'P', 'D', 'F')) {
      return "application/pdf";
    }
    return null;
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
