package io.github.hardening.storage.cleanup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Retention of files in local folders: deletion by age, size quotas and disk-pressure runs, one run at a time
 * across a cluster. Off unless at least one rule is configured.
 */
@ConfigurationProperties("hardening.storage.cleanup")
public class StorageCleanupProperties {

	/**
	 * Whether the configured cleanup rules run.
	 */
	private boolean enabled = true;

	/**
	 * Delay between the end of a run and the start of the next, when no cron expression is set.
	 */
	private Duration interval = Duration.ofHours(1);

	/**
	 * Cron expression of the runs (six fields, seconds first), used instead of the interval when set.
	 */
	private String cron;

	/**
	 * Delay between startup and the first run.
	 */
	private Duration initialDelay = Duration.ofMinutes(1);

	/**
	 * Longest a run may take; it then stops cleanly and reports that it was cut short. Also the longest the
	 * cluster lock is held.
	 */
	private Duration maxRunTime = Duration.ofMinutes(10);

	/**
	 * Whether runs only report what they would delete, deleting nothing.
	 */
	private boolean dryRun = false;

	/**
	 * Lock that lets one instance of a cluster run at a time.
	 */
	private final Lock lock = new Lock();

	/**
	 * Folders to clean and what to delete from each.
	 */
	private List<Rule> rules = new ArrayList<>();

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

	public String getCron() {
		return this.cron;
	}

	public void setCron(String cron) {
		this.cron = cron;
	}

	public Duration getInitialDelay() {
		return this.initialDelay;
	}

	public void setInitialDelay(Duration initialDelay) {
		this.initialDelay = initialDelay;
	}

	public Duration getMaxRunTime() {
		return this.maxRunTime;
	}

	public void setMaxRunTime(Duration maxRunTime) {
		this.maxRunTime = maxRunTime;
	}

	public boolean isDryRun() {
		return this.dryRun;
	}

	public void setDryRun(boolean dryRun) {
		this.dryRun = dryRun;
	}

	public Lock getLock() {
		return this.lock;
	}

	public List<Rule> getRules() {
		return this.rules;
	}

	public void setRules(List<Rule> rules) {
		this.rules = rules;
	}

	/**
	 * Which lock keeps runs on one instance at a time.
	 */
	public enum LockType {

		/** Redis when a Redis URL is known, else JDBC when a DataSource exists, else in-process. */
		AUTO,

		/** A Redis key set with NX and an expiry. */
		REDIS,

		/** A row in a table of the application's DataSource (ShedLock's JDBC provider). */
		JDBC,

		/** Within this JVM only. */
		LOCAL

	}

	/**
	 * Lock that lets one instance of a cluster run at a time.
	 */
	public static class Lock {

		/**
		 * Kind of lock.
		 */
		private LockType type = LockType.AUTO;

		/**
		 * Redis URL of the lock, e.g. redis://127.0.0.1:6379; when empty, spring.data.redis.url if set.
		 */
		private String redisUrl;

		/**
		 * Name of the lock, shared by every instance that must not run at the same time.
		 */
		private String name = "hardening-storage-cleanup";

		/**
		 * Shortest time a scheduled run holds the lock, so that an instance whose tick comes a little later
		 * (clock skew, a cron tick) does not run the same tick again; below the maximum run time.
		 */
		private Duration atLeastFor = Duration.ofSeconds(30);

		/**
		 * Table of the JDBC lock.
		 */
		private String tableName = "shedlock";

		/**
		 * Whether the JDBC lock table is created at startup when it does not exist.
		 */
		private boolean createTable = true;

		public LockType getType() {
			return this.type;
		}

		public void setType(LockType type) {
			this.type = type;
		}

		public String getRedisUrl() {
			return this.redisUrl;
		}

		public void setRedisUrl(String redisUrl) {
			this.redisUrl = redisUrl;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Duration getAtLeastFor() {
			return this.atLeastFor;
		}

		public void setAtLeastFor(Duration atLeastFor) {
			this.atLeastFor = atLeastFor;
		}

		public String getTableName() {
			return this.tableName;
		}

		public void setTableName(String tableName) {
			this.tableName = tableName;
		}

		public boolean isCreateTable() {
			return this.createTable;
		}

		public void setCreateTable(boolean createTable) {
			this.createTable = createTable;
		}

	}

	/**
	 * One folder and what is deleted from it.
	 */
	public static class Rule {

		/**
		 * Name of the rule in metrics and the report; defaults to the folder's name.
		 */
		private String name;

		/**
		 * Folder to clean; must exist and may not be the file-system root, the home or working folder, or a
		 * system folder.
		 */
		private String path;

		/**
		 * Whether the folder is created at startup when it does not exist, instead of refusing to start.
		 */
		private boolean createMissing = false;

		/**
		 * Age after which files are deleted; when empty, only the size quota and disk pressure delete.
		 */
		private Duration maxAge;

		/**
		 * Which file time counts as its age.
		 */
		private AgeBy ageBy = AgeBy.MODIFIED;

		/**
		 * Globs of the files the rule deletes, matched against the path relative to the folder and the file
		 * name; when empty, every file.
		 */
		private List<String> include = new ArrayList<>();

		/**
		 * Globs of files and folders that are never deleted.
		 */
		private List<String> exclude = new ArrayList<>();

		/**
		 * Depth from which entries are considered, 1 being the entries directly in the folder.
		 */
		private int minDepth = 1;

		/**
		 * Whether folders left empty are deleted; the rule's own folder never is.
		 */
		private boolean deleteEmptyDirectories = true;

		/**
		 * Most the selected files may take together; past it, the oldest files are deleted first.
		 */
		private DataSize maxTotalSize;

		/**
		 * Free space of the folder's file store under which a pressure run starts at once, as a percentage
		 * (10%) or an amount (500MB).
		 */
		private String freeSpaceThreshold;

		/**
		 * Age after which files may be deleted, oldest first, during a pressure run.
		 */
		private Duration pressureMaxAge = Duration.ofHours(1);

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public boolean isCreateMissing() {
			return this.createMissing;
		}

		public void setCreateMissing(boolean createMissing) {
			this.createMissing = createMissing;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public AgeBy getAgeBy() {
			return this.ageBy;
		}

		public void setAgeBy(AgeBy ageBy) {
			this.ageBy = ageBy;
		}

		public List<String> getInclude() {
			return this.include;
		}

		public void setInclude(List<String> include) {
			this.include = include;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

		public int getMinDepth() {
			return this.minDepth;
		}

		public void setMinDepth(int minDepth) {
			this.minDepth = minDepth;
		}

		public boolean isDeleteEmptyDirectories() {
			return this.deleteEmptyDirectories;
		}

		public void setDeleteEmptyDirectories(boolean deleteEmptyDirectories) {
			this.deleteEmptyDirectories = deleteEmptyDirectories;
		}

		public DataSize getMaxTotalSize() {
			return this.maxTotalSize;
		}

		public void setMaxTotalSize(DataSize maxTotalSize) {
			this.maxTotalSize = maxTotalSize;
		}

		public String getFreeSpaceThreshold() {
			return this.freeSpaceThreshold;
		}

		public void setFreeSpaceThreshold(String freeSpaceThreshold) {
			this.freeSpaceThreshold = freeSpaceThreshold;
		}

		public Duration getPressureMaxAge() {
			return this.pressureMaxAge;
		}

		public void setPressureMaxAge(Duration pressureMaxAge) {
			this.pressureMaxAge = pressureMaxAge;
		}

	}

}
