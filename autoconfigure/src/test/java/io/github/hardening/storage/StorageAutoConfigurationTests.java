package io.github.hardening.storage;

import java.io.InputStream;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;

import static org.assertj.core.api.Assertions.assertThat;

class StorageAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, StorageAutoConfiguration.class));

	@Test
	void localStorageWithTikaDetectionAndReportByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(LocalFileStorage.class).hasSingleBean(StoredFileResponder.class);
			assertThat(context.getBean(ContentTypeDetector.class)).isInstanceOf(TikaContentTypeDetector.class);
			assertThat(context.getBeansOfType(HardeningReportContributor.class).values())
				.anySatisfy((c) -> {
					assertThat(c.feature()).isEqualTo("storage");
					assertThat(c.report().settings()).containsEntry("max-file-size", "104857600B");
				});
		});
	}

	@Test
	void featureBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.storage.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FileStorage.class));
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FileStorage.class));
	}

	@Test
	void userStorageWins() {
		this.contextRunner.withUserConfiguration(UserStorage.class)
			.run((context) -> assertThat(context.getBean(FileStorage.class)).isSameAs(context.getBean("myStorage")));
	}

	@Test
	void activeInlineTypeFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.storage.inline-types=image/png,image/svg+xml")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.storage.inline-types[1]"));
	}

	@Test
	void emptyRootOrZeroSizeFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.storage.root=")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.storage.root"));
		this.contextRunner.withPropertyValues("hardening.storage.max-file-size=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.storage.max-file-size"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStorage {

		@Bean
		FileStorage myStorage() {
			return new FileStorage() {
				@Override
				public StoredFile store(InputStream content, String originalName, String declaredType) {
					throw new UnsupportedOperationException();
				}

				@Override
				public Optional<StoredFile> find(String id) {
					return Optional.empty();
				}

				@Override
				public InputStream open(StoredFile file, long offset) {
					throw new UnsupportedOperationException();
				}

				@Override
				public boolean delete(String id) {
					return false;
				}
			};
		}

	}

}
