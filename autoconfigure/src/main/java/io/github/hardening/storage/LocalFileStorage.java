package io.github.hardening.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import io.github.hardening.sanitize.SafeFilenames;
import io.github.hardening.sanitize.SafePaths;
import io.github.hardening.sanitize.UnsafePathException;

/**
 * Stores files in a local folder under random ids: the content goes to a temporary file in the same folder,
 * is size-checked and type-detected, then moved into place atomically next to its metadata, so readers never
 * see half a file. Client input never becomes a path.
 */
public class LocalFileStorage implements FileStorage {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final String TEMP_FOLDER = ".tmp";

	private final Path root;

	private final long maxBytes;

	private final ContentTypeDetector detector;

	private final Clock clock;

	private final StorageCounters counters;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Creates the storage; the folder is created on first store.
	 * @param root the folder everything is kept in
	 * @param maxBytes largest file accepted
	 * @param detector detects the stored type
	 * @param clock gives the creation time
	 */
	public LocalFileStorage(Path root, long maxBytes, ContentTypeDetector detector, Clock clock) {
		this(root, maxBytes, detector, clock, StorageCounters.local());
	}

	/**
	 * Creates the storage, counting what it stores and refuses; the folder is created on first store.
	 * @param root the folder everything is kept in
	 * @param maxBytes largest file accepted
	 * @param detector detects the stored type
	 * @param clock gives the creation time
	 * @param counters counts files and bytes stored and uploads refused
	 */
	public LocalFileStorage(Path root, long maxBytes, ContentTypeDetector detector, Clock clock,
			StorageCounters counters) {
		this.root = root.toAbsolutePath().normalize();
		this.maxBytes = maxBytes;
		this.detector = detector;
		this.clock = clock;
		this.counters = counters;
	}

	/**
	 * Returns the folder files are kept in.
	 * @return the absolute root
	 */
	public Path root() {
		return this.root;
	}

	@Override
	public StoredFile store(InputStream content, String originalName, String declaredType) throws IOException {
		String filename = safeName(originalName);
		Path temp = Files.createDirectories(this.root.resolve(TEMP_FOLDER));
		Path part = Files.createTempFile(temp, "upload-", ".part");
		try {
			long size = copyLimited(content, part);
			String type = this.detector.detect(part, filename);
			String id = newId();
			StoredFile file = new StoredFile(id, filename, type, size, this.clock.instant());
			Path meta = Files.createTempFile(temp, "meta-", ".part");
			writeMetadata(file, meta);
			move(meta, SafePaths.resolve(this.root, id + ".properties"));
			move(part, SafePaths.resolve(this.root, id));
			this.counters.stored(file);
			return file;
		}
		catch (StorageLimitException ex) {
			this.counters.refusedTooLarge();
			throw ex;
		}
		finally {
			Files.deleteIfExists(part);
		}
	}

	@Override
	public Optional<StoredFile> find(String id) throws IOException {
		if (id == null || !ID.matcher(id).matches()) {
			return Optional.empty();
		}
		Path meta = SafePaths.resolve(this.root, id + ".properties");
		if (!Files.isRegularFile(meta) || !Files.isRegularFile(SafePaths.resolve(this.root, id))) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return Optional.of(new StoredFile(id, properties.getProperty("filename"), properties.getProperty("type"),
				Long.parseLong(properties.getProperty("size")), Instant.parse(properties.getProperty("created"))));
	}

	@Override
	public InputStream open(StoredFile file, long offset) throws IOException {
		SeekableByteChannel channel = Files.newByteChannel(SafePaths.resolve(this.root, file.id()));
		channel.position(offset);
		return Channels.newInputStream(channel);
	}

	@Override
	public boolean delete(String id) throws IOException {
		if (id == null || !ID.matcher(id).matches()) {
			return false;
		}
		boolean existed = Files.deleteIfExists(SafePaths.resolve(this.root, id));
		Files.deleteIfExists(SafePaths.resolve(this.root, id + ".properties"));
		return existed;
	}

	private static String safeName(String originalName) {
		try {
			return SafeFilenames.sanitize((originalName != null) ? originalName : "");
		}
		catch (UnsafePathException ex) {
			// Nothing usable is left of the client's name; the file is still stored, under a neutral name.
			return "file";
		}
	}

	private long copyLimited(InputStream content, Path target) throws IOException {
		byte[] buffer = new byte[16 * 1024];
		long total = 0;
		try (OutputStream out = Files.newOutputStream(target)) {
			int read;
			while ((read = content.read(buffer)) != -1) {
				total += read;
				if (total > this.maxBytes) {
					throw new StorageLimitException(this.maxBytes);
				}
				out.write(buffer, 0, read);
			}
		}
		return total;
	}

	private String newId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void writeMetadata(StoredFile file, Path target) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("filename", file.filename());
		properties.setProperty("type", file.contentType());
		properties.setProperty("size", Long.toString(file.size()));
		properties.setProperty("created", file.created().toString());
		try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
			properties.store(writer, null);
		}
	}

	private static void move(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("The storage folder does not support atomic moves: " + target.getParent(), ex);
		}
		catch (NoSuchFileException ex) {
			throw new IOException("The storage folder vanished while storing: " + target.getParent(), ex);
		}
	}

}
