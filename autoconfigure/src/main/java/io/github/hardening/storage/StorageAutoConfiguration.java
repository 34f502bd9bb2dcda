package io.github.hardening.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.apache.tika.Tika;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.HardeningReportContributor;

/**
 * Safe local file storage and the responder that serves stored files.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.storage", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageAutoConfiguration {

	private static final Set<String> ACTIVE_TYPES = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
			"text/xml", "application/xml", "text/javascript", "application/javascript");

	@Bean
	@ConditionalOnMissingBean
	ContentTypeDetector contentTypeDetector() {
		return ContentTypeDetector.OCTET_STREAM;
	}

	@Bean
	@ConditionalOnMissingBean
	StorageCounters storageCounters(HardeningMetrics metrics) {
		return new StorageCounters(metrics);
	}

	@Bean
	@ConditionalOnMissingBean
	FileStorage fileStorage(StorageProperties properties, ContentTypeDetector detector, ObjectProvider<Clock> clock,
			StorageCounters counters) {
		if (!StringUtils.hasText(properties.getRoot())) {
			throw new InvalidConfigurationPropertyValueException("hardening.storage.root", properties.getRoot(),
					"Give the folder uploads are kept in, e.g. ./data/uploads.");
		}
		if (properties.getMaxFileSize() == null || properties.getMaxFileSize().toBytes() < 1) {
			throw new InvalidConfigurationPropertyValueException("hardening.storage.max-file-size",
					properties.getMaxFileSize(), "Give a positive size, e.g. 100MB.");
		}
		return new LocalFileStorage(Path.of(properties.getRoot()), properties.getMaxFileSize().toBytes(), detector,
				clock.getIfAvailable(Clock::systemUTC), counters);
	}

	@Bean
	@ConditionalOnMissingBean
	StoredFileResponder storedFileResponder(FileStorage storage, StorageProperties properties,
			StorageCounters counters) {
		return new StoredFileResponder(storage, inlineTypes(properties.getInlineTypes()), counters);
	}

	@Bean
	@ConditionalOnMissingBean(name = "storageReportContributor")
	HardeningReportContributor storageReportContributor(StorageProperties properties, FileStorage storage,
			StorageCounters counters) {
		return new StorageReportContributor(properties, storage, counters);
	}

	private static Set<String> inlineTypes(List<String> types) {
		for (int i = 0; i < types.size(); i++) {
			String property = "hardening.storage.inline-types[" + i + "]";
			MediaType type;
			try {
				type = MediaType.parseMediaType(types.get(i));
			}
			catch (RuntimeException ex) {
				throw new InvalidConfigurationPropertyValueException(property, types.get(i), "Not a media type.");
			}
			if (ACTIVE_TYPES.contains(type.getType() + "/" + type.getSubtype())) {
				throw new InvalidConfigurationPropertyValueException(property, types.get(i),
						"Active content served inline runs scripts in the application's origin; remove it.");
			}
		}
		return Set.copyOf(types);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tika.class)
	static class TikaConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ContentTypeDetector tikaContentTypeDetector() {
			return new TikaContentTypeDetector();
		}

	}

}
