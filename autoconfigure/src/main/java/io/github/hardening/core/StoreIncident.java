package io.github.hardening.core;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An outage of a feature's store, tracked so that it is logged once when it begins and once when it ends,
 * however many failed calls it spans.
 */
public final class StoreIncident {

	private final AtomicBoolean ongoing = new AtomicBoolean();

	/**
	 * Records a failed call.
	 * @return whether this failure began an incident (the one to log)
	 */
	public boolean failed() {
		return this.ongoing.compareAndSet(false, true);
	}

	/**
	 * Records a successful call; cheap while no incident is going on, as it runs on every call.
	 * @return whether this success ended an incident (the recovery to log)
	 */
	public boolean succeeded() {
		return this.ongoing.get() && this.ongoing.compareAndSet(true, false);
	}

	/**
	 * Tells whether the store is failing now.
	 * @return whether an incident is going on
	 */
	public boolean isOngoing() {
		return this.ongoing.get();
	}

}
