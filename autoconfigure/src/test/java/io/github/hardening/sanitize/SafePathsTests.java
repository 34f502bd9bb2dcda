package io.github.hardening.sanitize;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SafePathsTests {

	@TempDir
	Path temp;

	Path root;

	Path outside;

	@BeforeEach
	void createTree() throws Exception {
		this.root = Files.createDirectories(this.temp.resolve("root"));
		this.outside = Files.createDirectories(this.temp.resolve("outside"));
		Files.writeString(this.outside.resolve("secret.txt"), "secret");
		Files.createDirectories(this.root.resolve("docs/2024"));
		Files.writeString(this.root.resolve("docs/a.txt"), "a");
	}

	@Test
	void relativePathsInsideTheRootResolve() throws Exception {
		assertThat(SafePaths.resolve(this.root, "docs/a.txt")).isEqualTo(this.root.toRealPath().resolve("docs/a.txt"));
		assertThat(SafePaths.resolve(this.root, "docs/2024/new.txt"))
			.isEqualTo(this.root.toRealPath().resolve("docs/2024/new.txt"));
		assertThat(SafePaths.resolve(this.root, "not/yet/there.txt"))
			.isEqualTo(this.root.toRealPath().resolve("not/yet/there.txt"));
		assertThat(SafePaths.resolve(this.root, "docs/../docs/./a.txt"))
			.isEqualTo(this.root.toRealPath().resolve("docs/a.txt"));
		assertThat(SafePaths.resolve(this.root, "docs\\2024\\b.txt"))
			.isEqualTo(this.root.toRealPath().resolve("docs/2024/b.txt"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "../outside/secret.txt", "..", "../", "docs/../../outside/secret.txt",
			"..\\outside\\secret.txt", "/etc/passwd", "\\etc\\passwd", "docs/../..", "", " ", ".", "docs/..",
			"a\u0000b", "a\nb", "x/../../root/../outside" })
	void pathsThatLeaveTheRootOrNameNothingAreRefused(String untrusted) {
		assertThatExceptionOfType(UnsafePathException.class).isThrownBy(() -> SafePaths.resolve(this.root, untrusted));
	}

	@Test
	void siblingDirectoryWithTheRootAsPrefixIsOutside() throws Exception {
		Files.createDirectories(this.temp.resolve("root-evil"));
		assertThatExceptionOfType(UnsafePathException.class)
			.isThrownBy(() -> SafePaths.resolve(this.root, "../root-evil/x"));
	}

	@Test
	void symlinkToADirectoryOutsideIsRefused() throws Exception {
		Files.createSymbolicLink(this.root.resolve("escape"), this.outside);
		assertThatExceptionOfType(UnsafePathException.class)
			.isThrownBy(() -> SafePaths.resolve(this.root, "escape/secret.txt"));
		assertThatExceptionOfType(UnsafePathException.class)
			.isThrownBy(() -> SafePaths.resolve(this.root, "escape/new-file.txt"));
		assertThatExceptionOfType(UnsafePathException.class).isThrownBy(() -> SafePaths.resolve(this.root, "escape"));
	}

	@Test
	void symlinkToAFileOutsideIsRefused() throws Exception {
		Files.createSymbolicLink(this.root.resolve("docs/link.txt"), this.outside.resolve("secret.txt"));
		assertThatExceptionOfType(UnsafePathException.class)
			.isThrownBy(() -> SafePaths.resolve(this.root, "docs/link.txt"));
	}

	@Test
	void danglingSymlinkIsRefusedBecauseWritingThroughItWouldCreateAFileOutside() throws Exception {
		Files.createSymbolicLink(this.root.resolve("dangling"), this.outside.resolve("created-by-attacker.txt"));
		assertThatExceptionOfType(UnsafePathException.class).isThrownBy(() -> SafePaths.resolve(this.root, "dangling"));
		assertThat(this.outside.resolve("created-by-attacker.txt")).doesNotExist();
	}

	@Test
	void symlinkThatStaysInsideTheRootResolvesToItsTarget() throws Exception {
		Files.createSymbolicLink(this.root.resolve("current"), this.root.resolve("docs/2024"));
		assertThat(SafePaths.resolve(this.root, "current/x.txt"))
			.isEqualTo(this.root.toRealPath().resolve("docs/2024/x.txt"));
	}

	@Test
	void rootThatIsItselfASymlinkWorks() throws Exception {
		Path linkedRoot = Files.createSymbolicLink(this.temp.resolve("linked-root"), this.root);
		assertThat(SafePaths.resolve(linkedRoot, "docs/a.txt")).isEqualTo(this.root.toRealPath().resolve("docs/a.txt"));
		assertThatExceptionOfType(UnsafePathException.class)
			.isThrownBy(() -> SafePaths.resolve(linkedRoot, "../outside/secret.txt"));
	}

	@Test
	void refusalCarriesA400ProblemThatDoesNotEchoTheInput() {
		UnsafePathException ex = org.junit.jupiter.api.Assertions.assertThrows(UnsafePathException.class,
				() -> SafePaths.resolve(this.root, "../elsewhere/<script>"));
		assertThat(ex.getStatusCode().value()).isEqualTo(400);
		assertThat(ex.getBody().getType().toString()).isEqualTo("https://hardening.github.io/problems/unsafe-path");
		assertThat(ex.getBody().getDetail()).doesNotContain("script").doesNotContain("elsewhere");
	}

}
