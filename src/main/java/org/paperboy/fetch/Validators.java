package org.paperboy.fetch;

/**
 * What a server said about a response so that the next request can be conditional (RFC 9110 §8.8):
 * either may be {@code null}.
 *
 * @param etag the {@code ETag} header as sent
 * @param lastModified the {@code Last-Modified} header as sent
 */
public record Validators(String etag, String lastModified) {

  public static final Validators NONE = new Validators(null, null);
}
