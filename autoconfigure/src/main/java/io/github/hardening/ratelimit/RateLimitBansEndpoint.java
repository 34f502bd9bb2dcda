package io.github.hardening.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/ratelimitbans}: the active bans, and {@code DELETE /actuator/ratelimitbans/{key}} to lift one.
 * Like every actuator endpoint it is exposed only when listed in {@code management.endpoints.web.exposure.include}
 * and should sit behind authentication or on the management port.
 */
@Endpoint(id = "ratelimitbans")
public class RateLimitBansEndpoint {

	private final PenaltyBox penaltyBox;

	/**
	 * Creates the endpoint.
	 * @param penaltyBox the bans
	 */
	public RateLimitBansEndpoint(PenaltyBox penaltyBox) {
		this.penaltyBox = penaltyBox;
	}

	/**
	 * Lists active bans and the seconds each has left.
	 * @return banned keys
	 */
	@ReadOperation
	public Map<String, Long> bans() {
		Map<String, Long> bans = new LinkedHashMap<>();
		this.penaltyBox.activeBans(1000).forEach((key, left) -> bans.put(key, left.toSeconds()));
		return bans;
	}

	/**
	 * Lifts a ban.
	 * @param key the banned key, as listed
	 * @return whether a ban was lifted
	 */
	@DeleteOperation
	public Map<String, Object> lift(@Selector String key) {
		return Map.of("key", key, "lifted", this.penaltyBox.lift(key));
	}

}
