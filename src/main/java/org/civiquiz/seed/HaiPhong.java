package org.civiquiz.seed;

import java.util.ArrayList;
import java.util.List;

import org.civiquiz.contest.ContestService.NewUnit;

/**
 * Hải Phòng's districts and units as in the reference campaign (2024, before the district
 * level was abolished in 2025): demo data, not an authority.
 */
final class HaiPhong {

	static final List<String> DISTRICTS = List.of("Quận Hồng Bàng", "Quận Ngô Quyền", "Quận Lê Chân", "Quận Hải An",
			"Quận Kiến An", "Quận Đồ Sơn", "Quận Dương Kinh", "Huyện Thủy Nguyên", "Huyện An Dương", "Huyện An Lão",
			"Huyện Kiến Thụy", "Huyện Tiên Lãng", "Huyện Vĩnh Bảo", "Huyện Cát Hải", "Huyện Bạch Long Vĩ");

	private static final List<String> DISTRICT_CODES = List.of("HB", "NQ", "LC", "HA", "KA", "DS", "DK", "TN", "AD",
			"AL", "KT", "TL", "VB", "CH", "BLV");

	private HaiPhong() {
	}

	static List<NewUnit> units() {
		List<NewUnit> units = new ArrayList<>();
		units.add(new NewUnit("HP", "Thành phố Hải Phòng", null, null));
		units.add(new NewUnit("HP-LMHTX", "Liên minh Hợp tác xã thành phố", "HP", null));
		units.add(new NewUnit("HP-HND", "Hội Nông dân thành phố", "HP", null));
		units.add(new NewUnit("HP-HLHPN", "Hội Liên hiệp Phụ nữ thành phố", "HP", null));
		units.add(new NewUnit("HP-DOAN", "Thành đoàn Hải Phòng", "HP", null));
		units.add(new NewUnit("HP-HTX", "Hợp tác xã, tổ hợp tác", "HP", null));
		units.add(new NewUnit("HP-DN", "Doanh nghiệp", "HP", null));
		units.add(new NewUnit("HP-TH", "Trường học", "HP", null));
		units.add(new NewUnit("HP-DAN", "Người dân", "HP", null));
		for (int i = 0; i < DISTRICTS.size(); i++) {
			units.add(new NewUnit("HP-UB-" + DISTRICT_CODES.get(i), "UBND " + DISTRICTS.get(i), "HP", null));
		}
		return units;
	}

}
