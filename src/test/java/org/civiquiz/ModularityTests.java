package org.civiquiz;

import java.util.Map;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feature packages depend on each other one way only and never reach into another's
 * internals: a feature's subpackages ({@code platform.embedded}, say) are its inside,
 * which no other feature may use.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(CiviquizApplication.class);

	/** STYLE.md: about ten classes to a package, then split. */
	private static final int MAX_TYPES_IN_BASE_PACKAGE = 12;

	@Test
	void featureBoundariesHold() {
		MODULES.verify();
	}

	@Test
	void largeFeaturesKeepTheirInsideInSubpackages() {
		Map<String, Long> typesInBasePackage = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(CiviquizApplication.class.getPackageName())
			.stream()
			.filter((type) -> type.isTopLevelClass())
			.filter((type) -> !type.getSimpleName().equals("package-info"))
			.collect(Collectors.groupingBy(JavaClass::getPackageName, Collectors.counting()));
		for (ApplicationModule module : MODULES) {
			String base = module.getBasePackage().getName();
			assertThat(typesInBasePackage.getOrDefault(base, 0L)).as("types directly in " + base)
				.isLessThanOrEqualTo(MAX_TYPES_IN_BASE_PACKAGE);
		}
	}

}
