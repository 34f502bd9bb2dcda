package io.github.hardening.health;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.ReadinessResult;

/**
 * The resource monitor: heap after GC, process CPU, system load, open files, live threads and the free space
 * of every storage folder, sampled at an interval; crossing a threshold turns the {@code resources} health
 * component {@code DEGRADED}, is logged once and published as a {@code ResourcePressureEvent}.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.health", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.health.resources", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(HealthProperties.class)
public class ResourceMonitorAutoConfiguration {

	static final String PRESSURE_EVENTS = "hardening.health.resource.pressure.events";

	@Bean
	@ConditionalOnMissingBean
	ResourceMonitor hardeningResourceMonitor(HealthProperties properties, ApplicationEventPublisher publisher,
			HardeningMetrics metrics) {
		HealthSettingsValidator.validate(properties);
		List<ResourceLimit> limits = limits(properties, new ResourceSampler());
		Map<String, HardeningCounter> counters = new HashMap<>();
		for (ResourceLimit limit : limits) {
			counters.put(limit.name(), metrics.counter(PRESSURE_EVENTS, "Times a resource went past its threshold",
					"resource", limit.name()));
		}
		return new ResourceMonitor(limits, publisher::publishEvent, (name) -> counters.get(name).increment());
	}

	@Bean
	@ConditionalOnMissingBean
	ResourceMonitorScheduler hardeningResourceMonitorScheduler(ResourceMonitor monitor, HealthProperties properties) {
		return new ResourceMonitorScheduler(monitor, properties.getResources().getInterval());
	}

	@Bean
	@ConditionalOnMissingBean(name = "hardeningResourcesReadinessCheck")
	@ConditionalOnProperty(prefix = "hardening.health.resources", name = "fail-readiness")
	ReadinessCheck hardeningResourcesReadinessCheck(ResourceMonitor monitor) {
		return new ReadinessCheck() {

			@Override
			public ReadinessResult check() {
				return monitor.isUnderPressure()
						? ReadinessResult.notReady("Resource pressure (hardening.health.resources.fail-readiness=true)")
						: ReadinessResult.ready(Map.of());
			}

			@Override
			public String name() {
				return "resources";
			}

		};
	}

	static List<ResourceLimit> limits(HealthProperties properties, ResourceSampler sampler) {
		HealthProperties.Resources resources = properties.getResources();
		List<ResourceLimit> limits = new ArrayList<>();
		limits.add(new ResourceLimit("heap-after-gc", sampler::heapAfterGcPercent, resources.getHeapAfterGcPercent(), false));
		limits.add(new ResourceLimit("process-cpu", sampler::processCpuPercent, resources.getProcessCpuPercent(), false));
		limits.add(new ResourceLimit("system-load", sampler::systemLoadPerCpu, resources.getSystemLoadPerCpu(), false));
		limits.add(new ResourceLimit("open-files", sampler::openFilesPercent, resources.getOpenFilesPercent(), false));
		limits.add(new ResourceLimit("live-threads", sampler::liveThreads, resources.getLiveThreads(), false));
		for (Path folder : properties.getStorage().getFolders()) {
			limits.add(new ResourceLimit("disk-free:" + folder, () -> sampler.diskFreePercent(folder),
					resources.getDiskFreePercent(), true));
		}
		return limits;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class ResourcesHealthConfiguration {

		/** Named so that the health component is {@code resources}. */
		@Bean
		@ConditionalOnMissingBean(name = "resourcesHealthIndicator")
		ResourcesHealthIndicator resourcesHealthIndicator(ResourceMonitor monitor) {
			return new ResourcesHealthIndicator(monitor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class ResourceMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hardeningResourceMeters")
		MeterBinder hardeningResourceMeters(ResourceMonitor monitor) {
			return (registry) -> {
				for (ResourceLimit limit : monitor.limits()) {
					Gauge.builder("hardening.health.resource.pressure", monitor,
							(m) -> Boolean.TRUE.equals(m.lastSample().getOrDefault(limit.name(), Map.of()).get("pressure")) ? 1 : 0)
						.description("1 while the resource is past its threshold, else 0")
						.tag("resource", limit.name())
						.register(registry);
				}
			};
		}

	}

}
