package io.github.hardening.sample;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.sanitize.NoHtml;
import io.github.hardening.sanitize.SafeText;
import io.github.hardening.sanitize.SanitizedHtml;

/**
 * Input sanitization: the author is plain text (normalised, HTML refused), the body is HTML cleaned with
 * the {@code basic} policy. Stored in memory, the last 100 only.
 */
@RestController
class CommentController {

	private static final int KEPT = 100;

	private final Deque<Comment> comments = new ArrayDeque<>();

	private final AtomicLong ids = new AtomicLong();

	@PostMapping("/api/comments")
	@ResponseStatus(HttpStatus.CREATED)
	Comment create(@Valid @RequestBody NewComment comment) {
		Comment stored = new Comment(this.ids.incrementAndGet(), comment.author(), comment.body(), Instant.now());
		synchronized (this.comments) {
			this.comments.addFirst(stored);
			if (this.comments.size() > KEPT) {
				this.comments.removeLast();
			}
		}
		return stored;
	}

	/**
	 * What a client sends.
	 *
	 * @param author plain-text name
	 * @param body HTML, sanitised with the {@code basic} policy as it is read
	 */
	record NewComment(@NotBlank @NoHtml @SafeText(maxLength = 100) String author,
			@NotBlank @SanitizedHtml("basic") String body) {
	}

	/**
	 * What is stored and returned.
	 *
	 * @param id identifier
	 * @param author plain-text name
	 * @param body sanitised HTML
	 * @param created when it was stored
	 */
	record Comment(long id, String author, String body, Instant created) {
	}

}
