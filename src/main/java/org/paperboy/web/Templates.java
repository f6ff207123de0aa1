package org.paperboy.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * The dashboard's pages, from templates compiled at build time. jte escapes every value a template
 * prints for where it prints it (text, attribute), so a title, an error or an edited post holding
 * markup is shown as text. Thread-safe.
 */
final class Templates {

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.paperboy.web.pages");

  /** Answers {@code ctx} with {@code template} rendered for {@code page}, and {@code status}. */
  void render(Context ctx, int status, String template, Object page) {
    StringOutput out = new StringOutput(64 * 1024);
    engine.render(template, page, out);
    ctx.status(status);
    ctx.html(out.toString());
  }
}
