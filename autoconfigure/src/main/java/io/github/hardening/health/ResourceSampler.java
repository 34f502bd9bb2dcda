package io.github.hardening.health;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the JVM's and the operating system's resource figures. Every method returns {@code NaN} when the
 * figure is not available on this JVM or platform, which never counts as pressure.
 */
public class ResourceSampler {

	/**
	 * Returns the heap used after the last collection of the long-lived pools, in percent of their maximum.
	 * @return percent, or NaN
	 */
	public double heapAfterGcPercent() {
		long used = 0;
		long max = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			MemoryUsage afterGc = pool.getCollectionUsage();
			String name = pool.getName();
			if (pool.getType() == MemoryType.HEAP && afterGc != null
					&& (name.contains("Old") || name.contains("Tenured"))) {
				used += afterGc.getUsed();
				max += (afterGc.getMax() > 0) ? afterGc.getMax() : Runtime.getRuntime().maxMemory();
			}
		}
		return (max > 0) ? 100.0 * used / max : Double.NaN;
	}

	/**
	 * Returns this process's recent CPU usage, in percent of all processors.
	 * @return percent, or NaN
	 */
	public double processCpuPercent() {
		if (os() instanceof com.sun.management.OperatingSystemMXBean sun) {
			double load = sun.getProcessCpuLoad();
			return (load >= 0) ? load * 100 : Double.NaN;
		}
		return Double.NaN;
	}

	/**
	 * Returns the one-minute system load average divided by the number of processors.
	 * @return load per processor, or NaN
	 */
	public double systemLoadPerCpu() {
		double load = os().getSystemLoadAverage();
		return (load >= 0) ? load / Runtime.getRuntime().availableProcessors() : Double.NaN;
	}

	/**
	 * Returns the open file descriptors in percent of the process limit.
	 * @return percent, or NaN
	 */
	public double openFilesPercent() {
		if (os() instanceof com.sun.management.UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() > 0) {
			return 100.0 * unix.getOpenFileDescriptorCount() / unix.getMaxFileDescriptorCount();
		}
		return Double.NaN;
	}

	/**
	 * Returns the number of live threads.
	 * @return the count
	 */
	public double liveThreads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	/**
	 * Returns the usable space of the file system holding a folder, in percent of its size.
	 * @param folder the folder
	 * @return percent, or NaN when the folder cannot be read
	 */
	public double diskFreePercent(Path folder) {
		try {
			FileStore store = Files.getFileStore(folder);
			long total = store.getTotalSpace();
			return (total > 0) ? 100.0 * store.getUsableSpace() / total : Double.NaN;
		}
		catch (IOException | SecurityException ex) {
			return Double.NaN;
		}
	}

	private static OperatingSystemMXBean os() {
		return ManagementFactory.getOperatingSystemMXBean();
	}

}
