package org.paperboy.enrich;

import java.net.URI;
import java.util.Optional;

/** Where article pages come from; the pipeline hands in the fetcher. */
@FunctionalInterface
public interface PageSource {

  /** The page at {@code url}, or empty when it could not be fetched (the reason is logged). */
  Optional<byte[]> fetch(URI url);
}
