package io.github.hardening.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import io.github.hardening.signedurl.UrlSignSpec;
import io.github.hardening.signedurl.UrlSigner;
import io.github.hardening.storage.FileStorage;
import io.github.hardening.storage.StoredFile;
import io.github.hardening.storage.StoredFileResponder;

/**
 * Signed links to stored files: upload, get a 10-minute link, download through it (ranges and conditional
 * requests included). {@code /files/**} is a protected path, so only validly signed requests reach
 * {@link #download}. The sample lets anyone create links; a real application checks who asks.
 */
@RestController
class FileController {

	private static final Duration UPLOAD_LINK_TTL = Duration.ofMinutes(10);

	private final ObjectProvider<FileStorage> storage;

	private final ObjectProvider<StoredFileResponder> responder;

	private final ObjectProvider<UrlSigner> signer;

	// Providers: with hardening.enabled=false (or either feature off) the beans are absent and the sample
	// still starts; these endpoints then answer 404.
	FileController(ObjectProvider<FileStorage> storage, ObjectProvider<StoredFileResponder> responder,
			ObjectProvider<UrlSigner> signer) {
		this.storage = storage;
		this.responder = responder;
		this.signer = signer;
	}

	@PostMapping("/api/files")
	ResponseEntity<Map<String, String>> upload(@RequestParam("file") MultipartFile file, HttpServletRequest request)
			throws IOException {
		StoredFile stored;
		try (InputStream content = file.getInputStream()) {
			stored = required(this.storage).store(content, file.getOriginalFilename(), file.getContentType());
		}
		String url = link(stored, UPLOAD_LINK_TTL, false, request);
		return ResponseEntity.created(URI.create(url))
			.body(Map.of("id", stored.id(), "url", url));
	}

	@GetMapping("/files/{id}")
	void download(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		required(this.responder).serve(find(id), request, response);
	}

	@PostMapping("/api/files/{id}/links")
	ResponseEntity<Map<String, String>> createLink(@PathVariable String id, @RequestBody LinkRequest body,
			HttpServletRequest request) throws IOException {
		StoredFile file = find(id);
		long ttl = (body.ttlSeconds() != null) ? body.ttlSeconds() : UPLOAD_LINK_TTL.toSeconds();
		if (ttl < 1 || ttl > Duration.ofDays(7).toSeconds()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "ttlSeconds is between 1 and 604800.");
		}
		String url = link(file, Duration.ofSeconds(ttl), Boolean.TRUE.equals(body.singleUse()), request);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("url", url));
	}

	private StoredFile find(String id) throws IOException {
		return required(this.storage).find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such file."));
	}

	private String link(StoredFile file, Duration ttl, boolean singleUse, HttpServletRequest request) {
		UrlSignSpec spec = UrlSignSpec.get("/files/" + file.id()).ttl(ttl);
		return request.getContextPath() + required(this.signer).sign(singleUse ? spec.singleUse() : spec);
	}

	private static <T> T required(ObjectProvider<T> provider) {
		T bean = provider.getIfAvailable();
		if (bean == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "File storage is switched off.");
		}
		return bean;
	}

	/**
	 * Body of {@code POST /api/files/{id}/links}.
	 *
	 * @param ttlSeconds lifetime of the link, 600 when left out
	 * @param singleUse whether the link works once
	 */
	record LinkRequest(Long ttlSeconds, Boolean singleUse) {
	}

}
