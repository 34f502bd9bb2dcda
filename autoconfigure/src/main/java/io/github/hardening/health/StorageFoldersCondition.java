package io.github.hardening.health;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one storage folder is configured, whether as a comma-separated value or a YAML list.
 */
class StorageFoldersCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		List<String> folders = Binder.get(context.getEnvironment())
			.bind("hardening.health.storage.folders", Bindable.listOf(String.class))
			.orElse(List.of());
		return folders.isEmpty() ? ConditionOutcome.noMatch("no hardening.health.storage.folders")
				: ConditionOutcome.match("storage folders " + folders);
	}

}
