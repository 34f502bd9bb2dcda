package io.github.hardening.health;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.hardening.core.ResourcePressureEvent;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ResourceMonitorTests {

	private final AtomicReference<Double> heap = new AtomicReference<>(50.0);

	private final List<ResourcePressureEvent> events = new ArrayList<>();

	private final List<String> pressured = new ArrayList<>();

	private final ResourceMonitor monitor = new ResourceMonitor(
			List.of(new ResourceLimit("heap-after-gc", this.heap::get, 90, false),
					new ResourceLimit("disk-free:/data", () -> 50.0, 20, true),
					new ResourceLimit("open-files", () -> Double.NaN, 90, false)),
			this.events::add, this.pressured::add);

	@Test
	void crossingIsLoggedAndPublishedOnceUntilItRecovers(CapturedOutput output) {
		this.monitor.sample();
		assertThat(this.monitor.isUnderPressure()).isFalse();
		assertThat(this.events).isEmpty();

		this.heap.set(95.0);
		this.monitor.sample();
		this.monitor.sample();
		this.monitor.sample();
		assertThat(this.monitor.isUnderPressure()).isTrue();
		assertThat(this.events).hasSize(1);
		assertThat(this.events.get(0).getResource()).isEqualTo("heap-after-gc");
		assertThat(this.events.get(0).isUnderPressure()).isTrue();
		assertThat(this.events.get(0).getValue()).isEqualTo(95.0);
		assertThat(this.pressured).containsExactly("heap-after-gc");
		assertThat(output.getOut().split("Resource pressure: heap-after-gc", -1)).hasSize(2);

		this.heap.set(60.0);
		this.monitor.sample();
		assertThat(this.monitor.isUnderPressure()).isFalse();
		assertThat(this.events).hasSize(2);
		assertThat(this.events.get(1).isUnderPressure()).isFalse();
	}

	@Test
	void unavailableFiguresNeverCountAsPressure() {
		this.monitor.sample();
		assertThat(this.monitor.lastSample().get("open-files")).containsEntry("value", "n/a")
			.containsEntry("pressure", false);
	}

	@Test
	void freeSpaceIsPressureBelowItsThreshold() {
		ResourceLimit disk = new ResourceLimit("disk-free:/data", () -> 10.0, 20, true);
		assertThat(disk.isPressure(10.0)).isTrue();
		assertThat(disk.isPressure(30.0)).isFalse();
	}

	@Test
	void samplerReadsThisJvmAndFileSystem(@TempDir Path folder) {
		ResourceSampler sampler = new ResourceSampler();
		assertThat(sampler.liveThreads()).isGreaterThan(0);
		assertThat(sampler.diskFreePercent(folder)).isBetween(0.0, 100.0);
		assertThat(sampler.diskFreePercent(folder.resolve("missing"))).isNaN();
		assertThat(sampler.openFilesPercent()).isBetween(0.0, 100.0);
		double heap = sampler.heapAfterGcPercent();
		assertThat(Double.isNaN(heap) || (heap >= 0 && heap <= 100)).as("heap after GC " + heap).isTrue();
	}

}
