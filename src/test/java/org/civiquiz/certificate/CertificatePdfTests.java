package org.civiquiz.certificate;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CertificatePdfTests {

	private static final CertificatePdf pdf = CertificatePdf.withBundledFonts();

	private static final CertificateContent CONTENT = new CertificateContent("7K3QM2XHD90AB1CDEFGH",
			"Sở Tư pháp thành phố Hải Phòng", "Hải Phòng", "Cuộc thi trực tuyến tìm hiểu Luật Hợp tác xã năm 2023",
			"Phạm Đức Hưởng", "Liên minh Hợp tác xã thành phố Hải Phòng", 18, 20, "Giải Nhất (Tuần 1)",
			Instant.parse("2024-03-04T17:30:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"),
			"https://thi.example.vn/#/verify/7K3QM-2XHD9-0AB1C-DEFGH");

	@Test
	void aCertificateIsOneA4PageInVietnameseWithItsCodeAndAQrCodeToTheVerificationPage() throws IOException {
		byte[] certificate = pdf.render(CONTENT);

		assertThat(CertificatePdfFixtures.pages(certificate)).isEqualTo(1);
		assertThat(CertificatePdfFixtures.size(certificate)).containsExactly(595.27563f, 841.8898f);
		String text = CertificatePdfFixtures.text(certificate);
		assertThat(text).contains("GIẤY CHỨNG NHẬN", "Phạm Đức Hưởng", "Liên minh Hợp tác xã thành phố Hải Phòng",
				"Đã tham gia Cuộc thi trực tuyến tìm hiểu Luật Hợp tác xã", "18/20", "Đạt Giải Nhất (Tuần 1)",
				"SỞ TƯ PHÁP THÀNH PHỐ HẢI PHÒNG", "7K3QM-2XHD9-0AB1C-DEFGH");
		// the date in Vietnam: 00:30 on 5 March
		assertThat(text).contains("Hải Phòng, ngày 5 tháng 3 năm 2024");
		assertThat(CertificatePdfFixtures.scan(certificate))
			.isEqualTo("https://thi.example.vn/#/verify/7K3QM-2XHD9-0AB1C-DEFGH");
	}

	@Test
	void theSameCertificateGivesTheSameBytes() {
		assertThat(pdf.render(CONTENT)).isEqualTo(pdf.render(CONTENT));
	}

	@Test
	void aNameInDecomposedFormOrWithCharactersTheFontLacksStillPrints() throws IOException {
		CertificateContent odd = new CertificateContent(CONTENT.code(), CONTENT.issuer(), CONTENT.place(),
				CONTENT.contest(), "Pha\u0323m \u0110u\u031b\u0301c Hu\u031bo\u031b\u0309ng \uD83D\uDE00 \u4E2D",
				CONTENT.unit(), 12, 20, null, CONTENT.issuedAt(), CONTENT.zone(), CONTENT.verifyUrl());
		String text = CertificatePdfFixtures.text(pdf.render(odd));
		assertThat(text).contains("Phạm Đức Hưởng ? ?").doesNotContain("Đạt ");
	}

}
