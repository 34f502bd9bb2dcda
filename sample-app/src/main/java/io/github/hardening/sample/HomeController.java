package io.github.hardening.sample;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.github.hardening.headers.CspNonces;

/**
 * An HTML page under the {@code web} header preset. Its first inline script runs because it carries the
 * request's CSP nonce; the second, standing for an injected one, has no nonce and is blocked (and reported
 * to the CSP report endpoint). A template engine would read the same request attribute ({@code cspNonce}).
 */
@RestController
class HomeController {

	private static final String PAGE = """
			<!doctype html>
			<html lang="en">
			<head>
			  <meta charset="utf-8">
			  <title>Hardening Starter sample</title>
			</head>
			<body>
			  <h1>Hardening Starter sample</h1>
			  <p id="status">The inline script did not run.</p>
  <p id="injected">A script without the nonce (as an attacker would inject) was blocked.</p>
			  <ul>
			    <li><a href="/api/hello">/api/hello</a> (api preset)</li>
			    <li><a href="/actuator/hardening">/actuator/hardening</a> (what is on, with which settings)</li>
			  </ul>
			  <script nonce="%s">
			    document.getElementById('status').textContent = 'The inline script ran: its CSP nonce matched.';
			  </script>
			</body>
			</html>
			""";

	@GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
	String home(HttpServletRequest request) {
		return PAGE.formatted(HtmlUtils.htmlEscape(CspNonces.get(request)));
	}

}
