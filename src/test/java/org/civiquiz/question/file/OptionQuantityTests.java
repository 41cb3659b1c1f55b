package org.civiquiz.question.file;

import org.civiquiz.question.file.OptionQuantity.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OptionQuantityTests {

	@Test
	void quantitiesCompareAsAReaderComparesThem() {
		assertThat(OptionQuantity.of("05 thành viên chính thức")).contains(new OptionQuantity(Kind.COUNT, 5));
		assertThat(OptionQuantity.of("Ít nhất 65%")).contains(new OptionQuantity(Kind.SHARE, 65));
		assertThat(OptionQuantity.of("Ít nhất hai phần ba số thành viên"))
			.hasValueSatisfying((quantity) -> assertThat(quantity.value()).isBetween(66.6, 66.7));
		assertThat(OptionQuantity.of("30 ngày")).contains(new OptionQuantity(Kind.DURATION, 30));
		assertThat(OptionQuantity.of("06 tháng kể từ ngày thông qua")).contains(new OptionQuantity(Kind.DURATION, 180));
		assertThat(OptionQuantity.of("05 ngày làm việc")).contains(new OptionQuantity(Kind.DURATION, 7));
		assertThat(OptionQuantity.of("Tối đa 02 năm")).contains(new OptionQuantity(Kind.DURATION, 730));
		assertThat(OptionQuantity.of("Từ 01 tỷ đồng trở lên")).contains(new OptionQuantity(Kind.MONEY, 1e9));
		assertThat(OptionQuantity.of("Trên 1.000 thành viên")).contains(new OptionQuantity(Kind.COUNT, 1000));
		assertThat(OptionQuantity.of("2,5%")).contains(new OptionQuantity(Kind.SHARE, 2.5));
		assertThat(OptionQuantity.of("Ngày 01/7/2024")).hasValueSatisfying((date) -> {
			assertThat(date.kind()).isEqualTo(Kind.DATE);
			assertThat(date.value()).isGreaterThan(OptionQuantity.of("Ngày 20/6/2023").get().value());
		});
		assertThat(OptionQuantity.of("Hằng năm")).isEmpty();
		assertThat(OptionQuantity.of("Mẫu F032")).isEmpty();
	}

}
