package io.github.hardening.headers;

import java.util.Locale;
import java.util.Map;

import io.github.hardening.core.HardeningMode;
import io.github.hardening.core.StartupAudit;
import io.github.hardening.core.StartupAuditCheck;

/**
 * Flags header settings that weaken the defaults: scripts allowed inline or through eval, a policy that
 * only reports (in strict mode), and a short HSTS lifetime.
 */
class HeadersAuditCheck implements StartupAuditCheck {

	private static final long HALF_A_YEAR_SECONDS = 15_768_000L;

	private final HeadersProperties properties;

	HeadersAuditCheck(HeadersProperties properties) {
		this.properties = properties;
	}

	@Override
	public void audit(StartupAudit audit) {
		checkScripts(audit, "api", this.properties.getApi().getContentSecurityPolicy());
		checkScripts(audit, "web", this.properties.getWeb().getContentSecurityPolicy());
		if (audit.mode() == HardeningMode.STRICT && this.properties.getCsp().isReportOnly()) {
			audit.report("hardening.headers.csp.report-only", "The Content-Security-Policy only reports and blocks "
					+ "nothing.", "Set hardening.headers.csp.report-only=false once the reports are clean.");
		}
		HeadersProperties.Hsts hsts = this.properties.getHsts();
		if (hsts.isEnabled() && hsts.getMaxAge() != null && hsts.getMaxAge().toSeconds() < HALF_A_YEAR_SECONDS) {
			audit.report("hardening.headers.hsts.max-age", "An HSTS max-age under six months lets browsers forget "
					+ "the policy between visits.", "Use at least 180d; 365d is the default.");
		}
	}

	private static void checkScripts(StartupAudit audit, String preset, Map<String, String> directives) {
		String source = directives.containsKey("script-src") ? "script-src" : "default-src";
		String value = directives.getOrDefault(source, "").toLowerCase(Locale.ROOT);
		if (value.contains("'unsafe-inline'") && !value.contains("'nonce-") && !value.contains("'strict-dynamic'")) {
			audit.report("hardening.headers." + preset + ".content-security-policy." + source, "'unsafe-inline' "
					+ "lets any injected <script> run, which is what CSP is there to stop.",
					"Use 'nonce-{nonce}' and put nonce=\"${cspNonce}\" on your inline scripts.");
		}
		if (value.contains("'unsafe-eval'")) {
			audit.report("hardening.headers." + preset + ".content-security-policy." + source, "'unsafe-eval' lets "
					+ "strings be run as code.", "Remove 'unsafe-eval' and the eval()/new Function() uses that need it.");
		}
	}

}
