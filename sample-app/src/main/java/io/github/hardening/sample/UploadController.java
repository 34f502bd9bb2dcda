package io.github.hardening.sample;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.github.hardening.sanitize.MultipartUploadFilter;
import io.github.hardening.sanitize.SafeFilenames;

/**
 * Upload checks: by the time this runs, the file's type was detected from its bytes and found allowed
 * (png, jpeg, gif, pdf, plain text) and fitting its extension; the name is made safe to store. Nothing is
 * stored here.
 */
@RestController
class UploadController {

	@PostMapping("/api/uploads")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> upload(@RequestParam("file") MultipartFile file, HttpServletRequest request) {
		return Map.of("name", SafeFilenames.sanitize(file.getOriginalFilename()), "size", file.getSize(), "type",
				MultipartUploadFilter.detectedType(request, "file"));
	}

}
