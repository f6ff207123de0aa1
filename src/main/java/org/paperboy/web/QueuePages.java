package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperboy.model.OutboxState;
import org.paperboy.operate.AccountStanding;
import org.paperboy.operate.Edit;
import org.paperboy.operate.Operations;
import org.paperboy.operate.QueuedPost;

/**
 * The queue and its forms: approve, edit, drop, retry. Each change is one of the operations the
 * command line's {@code queue} uses, then a redirect to the queue, which says what it did.
 */
final class QueuePages {

  private final Operations operations;
  private final Guard guard;
  private final Templates templates;
  private final Clock clock;

  QueuePages(Operations operations, Guard guard, Templates templates, Clock clock) {
    this.operations = operations;
    this.guard = guard;
    this.templates = templates;
    this.clock = clock;
  }

  /** {@code GET /queue[?state=failed]}: every account's posts not yet posted. */
  void queue(Context ctx) {
    OutboxState state = state(ctx.queryParam("state"));
    Map<String, List<QueuedPost>> byAccount = new LinkedHashMap<>();
    Map<String, AccountStanding> accounts = new LinkedHashMap<>();
    for (AccountStanding account : operations.accounts()) {
      accounts.put(account.id(), account);
      byAccount.put(account.id(), new ArrayList<>());
    }
    for (QueuedPost post : operations.queue(null, state)) {
      String id = post.item().accountId();
      // A post of an account the config no longer holds is listed, under its account's name.
      accounts.computeIfAbsent(
          id, gone -> new AccountStanding(gone, "no longer in the config", false, null));
      byAccount.computeIfAbsent(id, gone -> new ArrayList<>()).add(post);
    }
    List<QueuePage.Section> sections = new ArrayList<>();
    accounts.forEach(
        (id, account) -> sections.add(new QueuePage.Section(account, byAccount.get(id))));
    templates.render(
        ctx,
        200,
        "queue.jte",
        new QueuePage(
            Guard.viewer(ctx), clock.instant(), sections, state == null ? null : state.written()));
  }

  private static OutboxState state(String written) {
    if (written == null || written.isBlank()) {
      return null;
    }
    for (OutboxState state : OutboxState.values()) {
      if (state.written().equals(written)) {
        return state;
      }
    }
    return null;
  }

  /** {@code POST /queue/{id}} with {@code action} approve, drop or retry. */
  void act(Context ctx) {
    long id = id(ctx);
    String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
    String done =
        switch (action) {
          case "approve" ->
              operations.approve(id, null) > 0
                  ? "Approved post " + id + ": it goes out at its turn."
                  : "Post " + id + " is not awaiting approval: nothing changed.";
          case "drop" ->
              operations.drop(id)
                  ? "Dropped post " + id + "; Retry brings it back."
                  : "Post " + id + " is not waiting to be sent: nothing changed.";
          case "retry" ->
              operations.retry(id) > 0
                  ? "Queued post " + id + " again."
                  : "Post "
                      + id
                      + " has not failed, is not waiting to retry and its outcome is known:"
                      + " nothing changed.";
          default -> null;
        };
    if (done == null) {
      guard.refuse(ctx, "expected the action approve, drop or retry, found " + action);
      return;
    }
    guard.flash(ctx, done);
    ctx.redirect("/queue#post-" + id, HttpStatus.SEE_OTHER);
  }

  /** {@code GET /queue/{id}/edit}: the post's text in a form. */
  void editForm(Context ctx) {
    Optional<QueuedPost> post = post(ctx);
    if (post.isEmpty()) {
      return;
    }
    QueuedPost found = post.get();
    templates.render(
        ctx,
        200,
        "edit.jte",
        new EditPage(
            Guard.viewer(ctx), found, found.item().text(), found.item().replyText(), null));
  }

  /**
   * {@code POST /queue/{id}/edit}: saves the text when it fits its platform. A refused text is
   * shown again with why (422), and the post keeps its old one.
   */
  void edit(Context ctx) {
    long id = id(ctx);
    // Browsers send a textarea's line breaks as CR LF; platforms and counts expect LF.
    String text = lines(ctx.formParam("text"));
    String reply = lines(ctx.formParam("reply"));
    Edit edit = operations.edit(id, text == null ? "" : text, reply, Guard.viewer(ctx).username());
    if (edit.outcome() == Edit.Outcome.REFUSED) {
      Optional<QueuedPost> post = post(ctx);
      if (post.isPresent()) {
        templates.render(
            ctx,
            422,
            "edit.jte",
            new EditPage(Guard.viewer(ctx), post.get(), text, reply, edit.message()));
      }
      return;
    }
    guard.flash(ctx, capitalised(edit.message()));
    ctx.redirect("/queue#post-" + id, HttpStatus.SEE_OTHER);
  }

  private Optional<QueuedPost> post(Context ctx) {
    Optional<QueuedPost> post = operations.post(id(ctx));
    if (post.isEmpty()) {
      templates.render(
          ctx,
          404,
          "error.jte",
          new ErrorPage(
              Guard.viewer(ctx), 404, "No such post", "there is no post " + ctx.pathParam("id")));
    }
    return post;
  }

  private static long id(Context ctx) {
    return ctx.pathParamAsClass("id", Long.class).get();
  }

  private static String lines(String text) {
    return text == null ? null : text.replace("\r\n", "\n");
  }

  private static String capitalised(String message) {
    return message.isEmpty()
        ? message
        : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
