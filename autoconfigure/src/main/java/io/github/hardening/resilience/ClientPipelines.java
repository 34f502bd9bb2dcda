package io.github.hardening.resilience;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the pipeline of a call: the client named in the request attribute {@link #CLIENT_ATTRIBUTE}, else the
 * client whose hosts include the request's host, else a pipeline per host with the default settings.
 */
public class ClientPipelines {

	/** Request attribute (e.g. {@code RestClient...attribute(CLIENT_ATTRIBUTE, "inventory")}) naming the client. */
	public static final String CLIENT_ATTRIBUTE = "hardening.resilience.client";

	private final Map<String, ClientPipeline> byName = new LinkedHashMap<>();

	private final Map<String, ClientPipeline> byHost = new LinkedHashMap<>();

	private final Map<String, ClientPipeline> perHost = new ConcurrentHashMap<>();

	private final Function<String, ClientPipeline> defaultsForHost;

	/**
	 * Creates the lookup.
	 * @param clients the configured clients' pipelines
	 * @param defaultsForHost creates a pipeline with the default settings for a host no client covers
	 */
	public ClientPipelines(List<ClientPipeline> clients, Function<String, ClientPipeline> defaultsForHost) {
		for (ClientPipeline pipeline : clients) {
			this.byName.put(pipeline.settings().name(), pipeline);
			pipeline.settings().hosts().forEach((host) -> this.byHost.putIfAbsent(host, pipeline));
		}
		this.defaultsForHost = defaultsForHost;
	}

	/**
	 * Returns the pipeline of a call.
	 * @param uri the request URI
	 * @param attributes the request attributes
	 * @return the pipeline; its settings say whether it is enabled
	 * @throws IllegalArgumentException when the attribute names an unknown client
	 */
	public ClientPipeline select(URI uri, Map<String, Object> attributes) {
		Object named = attributes.get(CLIENT_ATTRIBUTE);
		if (named != null) {
			ClientPipeline pipeline = this.byName.get(named.toString());
			if (pipeline == null) {
				throw new IllegalArgumentException("No client '" + named + "' under hardening.resilience.clients; known: "
						+ this.byName.keySet());
			}
			return pipeline;
		}
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		ClientPipeline pipeline = this.byHost.get(host);
		return (pipeline != null) ? pipeline : this.perHost.computeIfAbsent(host, this.defaultsForHost);
	}

	/**
	 * Returns the configured clients' pipelines by name.
	 * @return the pipelines
	 */
	public Map<String, ClientPipeline> clients() {
		return this.byName;
	}

	/**
	 * Returns the pipelines created for hosts that no client covers.
	 * @return the pipelines by host
	 */
	public Map<String, ClientPipeline> unmatchedHosts() {
		return this.perHost;
	}

}
