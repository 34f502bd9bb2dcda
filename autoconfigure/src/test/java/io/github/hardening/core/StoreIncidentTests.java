package io.github.hardening.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoreIncidentTests {

	@Test
	void anIncidentBeginsAtItsFirstFailureAndEndsAtTheNextSuccess() {
		StoreIncident incident = new StoreIncident();
		assertThat(incident.succeeded()).as("no incident to end").isFalse();
		assertThat(incident.failed()).as("begins").isTrue();
		assertThat(incident.failed()).as("already going on").isFalse();
		assertThat(incident.isOngoing()).isTrue();
		assertThat(incident.succeeded()).as("ends").isTrue();
		assertThat(incident.succeeded()).isFalse();
		assertThat(incident.isOngoing()).isFalse();
		assertThat(incident.failed()).as("a new incident").isTrue();
	}

}
