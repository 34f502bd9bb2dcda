package io.github.hardening.health;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Probes: the readiness checks the starter runs and the defaults it gives the liveness and readiness groups.
 */
@ConfigurationProperties("hardening.health")
public class HealthProperties {

	/**
	 * Whether the starter sets up probes and runs its readiness checks.
	 */
	private boolean enabled = true;

	/**
	 * Readiness checks run by the 'hardening' component of the readiness group.
	 */
	private final Readiness readiness = new Readiness();

	/**
	 * Storage folders checked for readiness and watched by the resource monitor.
	 */
	private final Storage storage = new Storage();

	/**
	 * Resource monitor: thresholds that turn the 'resources' health component DEGRADED.
	 */
	private final Resources resources = new Resources();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Readiness getReadiness() {
		return this.readiness;
	}

	public Storage getStorage() {
		return this.storage;
	}

	public Resources getResources() {
		return this.resources;
	}

	/**
	 * Readiness checks.
	 */
	public static class Readiness {

		/**
		 * How long all readiness checks together may take before the slow ones count as not ready.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * Whether the application's DataSource, when there is one, is a readiness check.
		 */
		private boolean database = true;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isDatabase() {
			return this.database;
		}

		public void setDatabase(boolean database) {
			this.database = database;
		}

	}

	/**
	 * Storage folders.
	 */
	public static class Storage {

		/**
		 * Folders the application writes to; each must exist and be writable for the instance to be ready.
		 */
		private List<Path> folders = new ArrayList<>();

		/**
		 * Free space below which a storage folder makes the instance not ready.
		 */
		private DataSize minFreeSpace = DataSize.ofMegabytes(50);

		public List<Path> getFolders() {
			return this.folders;
		}

		public void setFolders(List<Path> folders) {
			this.folders = folders;
		}

		public DataSize getMinFreeSpace() {
			return this.minFreeSpace;
		}

		public void setMinFreeSpace(DataSize minFreeSpace) {
			this.minFreeSpace = minFreeSpace;
		}

	}

	/**
	 * Resource monitor thresholds.
	 */
	public static class Resources {

		/**
		 * Whether the resource monitor samples the JVM and the storage folders.
		 */
		private boolean enabled = true;

		/**
		 * How often the resources are sampled.
		 */
		private Duration interval = Duration.ofSeconds(15);

		/**
		 * Heap used after the last garbage collection, in percent of the maximum, above which the instance is degraded.
		 */
		private double heapAfterGcPercent = 90;

		/**
		 * Process CPU usage, in percent of all processors, above which the instance is degraded.
		 */
		private double processCpuPercent = 90;

		/**
		 * One-minute system load average per processor above which the instance is degraded.
		 */
		private double systemLoadPerCpu = 2.0;

		/**
		 * Open file descriptors, in percent of the process limit, above which the instance is degraded.
		 */
		private double openFilesPercent = 90;

		/**
		 * Live threads above which the instance is degraded.
		 */
		private int liveThreads = 1000;

		/**
		 * Free space of a storage folder, in percent of its file system, below which the instance is degraded.
		 */
		private double diskFreePercent = 20;

		/**
		 * Whether resource pressure also makes the instance not ready, instead of only degraded.
		 */
		private boolean failReadiness = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public double getHeapAfterGcPercent() {
			return this.heapAfterGcPercent;
		}

		public void setHeapAfterGcPercent(double heapAfterGcPercent) {
			this.heapAfterGcPercent = heapAfterGcPercent;
		}

		public double getProcessCpuPercent() {
			return this.processCpuPercent;
		}

		public void setProcessCpuPercent(double processCpuPercent) {
			this.processCpuPercent = processCpuPercent;
		}

		public double getSystemLoadPerCpu() {
			return this.systemLoadPerCpu;
		}

		public void setSystemLoadPerCpu(double systemLoadPerCpu) {
			this.systemLoadPerCpu = systemLoadPerCpu;
		}

		public double getOpenFilesPercent() {
			return this.openFilesPercent;
		}

		public void setOpenFilesPercent(double openFilesPercent) {
			this.openFilesPercent = openFilesPercent;
		}

		public int getLiveThreads() {
			return this.liveThreads;
		}

		public void setLiveThreads(int liveThreads) {
			this.liveThreads = liveThreads;
		}

		public double getDiskFreePercent() {
			return this.diskFreePercent;
		}

		public void setDiskFreePercent(double diskFreePercent) {
			this.diskFreePercent = diskFreePercent;
		}

		public boolean isFailReadiness() {
			return this.failReadiness;
		}

		public void setFailReadiness(boolean failReadiness) {
			this.failReadiness = failReadiness;
		}

	}

}
