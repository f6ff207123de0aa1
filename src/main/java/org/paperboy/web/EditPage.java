package org.paperboy.web;

import org.paperboy.operate.QueuedPost;

/**
 * A post's text in a form, to edit.
 *
 * @param viewer who edits
 * @param post the post as it stands
 * @param text the text in the form: the post's, or the one just refused
 * @param reply the reply's text in the form, or {@code null} for a post without one
 * @param refusal why the text just sent was refused, or {@code null}
 */
public record EditPage(Viewer viewer, QueuedPost post, String text, String reply, String refusal) {}
