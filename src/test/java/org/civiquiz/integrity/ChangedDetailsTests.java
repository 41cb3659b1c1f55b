package org.civiquiz.integrity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a start's details count as other than its registration's.
 */
class ChangedDetailsTests {

	private static final Evidence.Entry REGISTERED = new Evidence.Entry("Nguyễn Văn An", "HTX-1", "Quận Lê Chân");

	@Test
	void theSameDetailsTypedOtherwiseAreNoChange() {
		assertThat(IntegrityService.changed(REGISTERED, REGISTERED)).isFalse();
		assertThat(IntegrityService.changed(REGISTERED, new Evidence.Entry("NGUYEN VAN AN.", "HTX-1", "Quận Lê Chân")))
			.isFalse();
	}

	@Test
	void anotherNameUnitOrDistrictIsAChange() {
		assertThat(IntegrityService.changed(REGISTERED, new Evidence.Entry("Trần Thị Bình", "HTX-1", "Quận Lê Chân")))
			.isTrue();
		assertThat(IntegrityService.changed(REGISTERED, new Evidence.Entry("Nguyễn Văn An", "HTX-2", "Quận Lê Chân")))
			.isTrue();
		assertThat(IntegrityService.changed(REGISTERED, new Evidence.Entry("Nguyễn Văn An", "HTX-1", "Quận Ngô Quyền")))
			.isTrue();
	}

	@Test
	void whatAStartDidNotRecordIsNotCompared() {
		// starts made before units and districts were recorded with them
		assertThat(IntegrityService.changed(REGISTERED, new Evidence.Entry("Nguyễn Văn An", null, null))).isFalse();
		assertThat(IntegrityService.changed(REGISTERED, new Evidence.Entry("Lê Văn Cường", null, null))).isTrue();
		assertThat(IntegrityService.changed(REGISTERED, new Evidence.Entry(null, null, null))).isFalse();
	}

}
