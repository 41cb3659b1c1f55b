package org.civiquiz.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class UnprivilegedPostgresTests {

	@TempDir
	Path temp;

	@Test
	void keepsTheDataDirectoryWhenItsParentsAreOpenToOtherAccounts() throws IOException {
		Path open = Files.createDirectories(this.temp.resolve("open"));
		Files.setPosixFilePermissions(this.temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-x--x"));

		assertThat(UnprivilegedPostgres.home(open.resolve(".civiquiz-data"))).isEqualTo(open.resolve(".civiquiz-data"));
	}

	@Test
	void movesThePostgresFilesWhenAParentIsClosedToOtherAccounts() throws IOException {
		Path home = Files.createDirectories(this.temp.resolve("root-home"));
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
		Path dataDir = home.resolve("civiquiz").resolve(".civiquiz-data");
		Path other = home.resolve("other").resolve(".civiquiz-data");

		Path moved = UnprivilegedPostgres.home(dataDir);

		assertThat(moved.getParent()).isEqualTo(Path.of(UnprivilegedPostgres.RELOCATED_BASE));
		assertThat(moved.getFileName().toString()).matches(".*root-home_civiquiz_\\.civiquiz-data-[0-9a-f]{12}");
		assertThat(UnprivilegedPostgres.home(dataDir)).as("the same checkout, the same place").isEqualTo(moved);
		assertThat(UnprivilegedPostgres.home(other)).as("another checkout, another place").isNotEqualTo(moved);
	}

	@Test
	void refusesToStartAnEmptyDatabaseElsewhereWhenAnUnreachableOneExists() throws IOException {
		Path home = Files.createDirectories(this.temp.resolve("alice"));
		Path dataDir = home.resolve("civiquiz").resolve(".civiquiz-data");
		Files.createDirectories(dataDir.resolve("postgres"));
		Files.writeString(dataDir.resolve("postgres").resolve("PG_VERSION"), "17\n");
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));

		assertThatIllegalStateException().isThrownBy(() -> UnprivilegedPostgres.home(dataDir))
			.withMessageContaining(UnprivilegedPostgres.ACCOUNT)
			.withMessageContaining("Run as the user who made it");
	}

}
