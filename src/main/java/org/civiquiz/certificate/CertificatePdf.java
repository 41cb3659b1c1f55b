package org.civiquiz.certificate;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws a certificate: one A4 page in Vietnamese, set in DejaVu Serif (embedded, subset;
 * shipped in the jar with its licence) and a QR code drawn as vector squares. The same
 * content gives the same bytes: the document's id and dates come from the code and the
 * issue time, never from the clock.
 */
final class CertificatePdf {

	private static final float WIDTH = PDRectangle.A4.getWidth();

	private static final float HEIGHT = PDRectangle.A4.getHeight();

	private static final float MARGIN = 56;

	private static final Color INK = new Color(0x1f, 0x2a, 0x44);

	private static final Color ACCENT = new Color(0x9b, 0x1c, 0x1c);

	private final byte[] regular;

	private final byte[] bold;

	private CertificatePdf(byte[] regular, byte[] bold) {
		this.regular = regular;
		this.bold = bold;
	}

	/**
	 * Reads the fonts from the jar; call once, at start-up.
	 * @return the renderer
	 */
	static CertificatePdf withBundledFonts() {
		return new CertificatePdf(resource("/fonts/DejaVuSerif.ttf"), resource("/fonts/DejaVuSerif-Bold.ttf"));
	}

	private static byte[] resource(String name) {
		try (InputStream in = CertificatePdf.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Draws the certificate. CPU work: call off the event loop.
	 * @param content what it states
	 * @return the PDF
	 */
	byte[] render(CertificateContent content) {
		try (PDDocument document = new PDDocument()) {
			PDFont regular = PDType0Font.load(document, new ByteArrayInputStream(this.regular));
			PDFont bold = PDType0Font.load(document, new ByteArrayInputStream(this.bold));
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream out = new PDPageContentStream(document, page)) {
				frame(out);
				draw(out, content, regular, bold);
			}
			fix(document, content);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void draw(PDPageContentStream out, CertificateContent content, PDFont regular, PDFont bold)
			throws IOException {
		float width = WIDTH - 2 * MARGIN - 40;
		float y = HEIGHT - MARGIN - 50;
		out.setNonStrokingColor(INK);
		for (String line : wrap(upper(content.issuer()), bold, 13, width)) {
			centered(out, line, bold, 13, y);
			y -= 18;
		}
		out.setStrokingColor(INK);
		out.setLineWidth(0.8f);
		out.moveTo(WIDTH / 2 - 60, y + 6);
		out.lineTo(WIDTH / 2 + 60, y + 6);
		out.stroke();

		y -= 70;
		out.setNonStrokingColor(ACCENT);
		centered(out, "GIẤY CHỨNG NHẬN", bold, fit("GIẤY CHỨNG NHẬN", bold, 34, width), y);
		out.setNonStrokingColor(INK);
		y -= 50;
		centered(out, "Chứng nhận", regular, 15, y);
		y -= 40;
		String name = safe(content.fullName(), bold);
		centered(out, name, bold, fit(name, bold, 26, width), y);
		y -= 30;
		for (String line : wrap("Đơn vị: " + content.unit(), regular, 14, width)) {
			centered(out, line, regular, 14, y);
			y -= 20;
		}
		y -= 14;
		for (String line : wrap("Đã tham gia " + content.contest(), regular, 14, width)) {
			centered(out, line, regular, 14, y);
			y -= 20;
		}
		y -= 8;
		centered(out, "Kết quả cao nhất: %d/%d câu trả lời đúng".formatted(content.score(), content.total()), regular,
				14, y);
		y -= 30;
		if (content.prize() != null) {
			out.setNonStrokingColor(ACCENT);
			for (String line : wrap("Đạt " + content.prize(), bold, 16, width)) {
				centered(out, line, bold, 16, y);
				y -= 22;
			}
			out.setNonStrokingColor(INK);
		}

		ZonedDateTime issued = content.issuedAt().atZone(content.zone());
		String date = "%s, ngày %d tháng %d năm %d".formatted(content.place(), issued.getDayOfMonth(),
				issued.getMonthValue(), issued.getYear());
		float right = WIDTH - MARGIN - 30;
		float column = Math.min(width / 2 + 60, 320);
		float signature = 250;
		for (String line : wrap(date, regular, 13, column)) {
			centered(out, line, regular, 13, right - column / 2, signature);
			signature -= 18;
		}
		for (String line : wrap(upper(content.issuer()), bold, 11, column)) {
			centered(out, line, bold, 11, right - column / 2, signature);
			signature -= 15;
		}

		qr(out, content.verifyUrl(), MARGIN + 24, MARGIN + 24, 96);
		float x = MARGIN + 24 + 96 + 16;
		text(out, "Mã xác minh:", regular, 10, x, MARGIN + 98);
		text(out, VerificationCodes.grouped(content.code()), bold, 12, x, MARGIN + 82);
		float urlWidth = WIDTH - MARGIN - 24 - x;
		float line = MARGIN + 62;
		text(out, "Kiểm tra giấy chứng nhận tại:", regular, 9, x, line);
		for (String part : hardWrap(content.verifyUrl(), regular, 9, urlWidth)) {
			line -= 12;
			text(out, part, regular, 9, x, line);
		}
	}

	private static void frame(PDPageContentStream out) throws IOException {
		out.setStrokingColor(ACCENT);
		out.setLineWidth(3);
		out.addRect(MARGIN - 20, MARGIN - 20, WIDTH - 2 * (MARGIN - 20), HEIGHT - 2 * (MARGIN - 20));
		out.stroke();
		out.setLineWidth(0.8f);
		out.addRect(MARGIN - 12, MARGIN - 12, WIDTH - 2 * (MARGIN - 12), HEIGHT - 2 * (MARGIN - 12));
		out.stroke();
	}

	/** The QR code of the text, dark modules as filled squares, runs of them merged. */
	private static void qr(PDPageContentStream out, String text, float x, float y, float size) throws IOException {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
		ByteMatrix matrix;
		try {
			matrix = Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode " + text, ex);
		}
		int modules = matrix.getWidth();
		float module = size / modules;
		out.setNonStrokingColor(Color.BLACK);
		for (int row = 0; row < modules; row++) {
			int col = 0;
			while (col < modules) {
				if (matrix.get(col, row) != 1) {
					col++;
					continue;
				}
				int start = col;
				while (col < modules && matrix.get(col, row) == 1) {
					col++;
				}
				out.addRect(x + start * module, y + (modules - 1 - row) * module, (col - start) * module, module);
			}
		}
		out.fill();
		out.setNonStrokingColor(INK);
	}

	/** Fixes the id and the dates, which PDFBox would otherwise take from the clock. */
	private static void fix(PDDocument document, CertificateContent content) {
		PDDocumentInformation info = document.getDocumentInformation();
		Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
		issued.setTimeInMillis(content.issuedAt().toEpochMilli() / 1000 * 1000);
		info.setCreationDate(issued);
		info.setModificationDate(issued);
		info.setTitle("Giấy chứng nhận " + VerificationCodes.grouped(content.code()));
		info.setSubject(content.contest());
		info.setAuthor(content.issuer());
		info.setProducer("Civiquiz");
		byte[] id = Arrays.copyOf(sha256(content.code()), 16);
		COSArray ids = new COSArray();
		ids.add(new COSString(id));
		ids.add(new COSString(id));
		document.getDocument().setDocumentID(ids);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void centered(PDPageContentStream out, String text, PDFont font, float size, float y)
			throws IOException {
		centered(out, text, font, size, WIDTH / 2, y);
	}

	private static void centered(PDPageContentStream out, String text, PDFont font, float size, float center, float y)
			throws IOException {
		text(out, text, font, size, center - width(text, font, size) / 2, y);
	}

	private static void text(PDPageContentStream out, String text, PDFont font, float size, float x, float y)
			throws IOException {
		out.beginText();
		out.setFont(font, size);
		out.newLineAtOffset(x, y);
		out.showText(safe(text, font));
		out.endText();
	}

	/** The largest size up to {@code size} at which the text fits the width. */
	private static float fit(String text, PDFont font, float size, float width) throws IOException {
		float natural = width(text, font, size);
		return (natural <= width) ? size : Math.max(8, size * width / natural);
	}

	/**
	 * Lines of whole words that fit the width (a word longer than a line stands alone).
	 */
	private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : safe(text, font).strip().split("\\s+")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (!line.isEmpty() && width(candidate, font, size) > width) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** Lines of as many characters as fit: for a URL, which has no spaces. */
	private static List<String> hardWrap(String text, PDFont font, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		String rest = safe(text, font);
		while (!rest.isEmpty()) {
			int end = rest.length();
			while (end > 1 && width(rest.substring(0, end), font, size) > width) {
				end--;
			}
			lines.add(rest.substring(0, end));
			rest = rest.substring(end);
		}
		return lines;
	}

	private static float width(String text, PDFont font, float size) throws IOException {
		return font.getStringWidth(safe(text, font)) / 1000 * size;
	}

	private static String upper(String text) {
		return text.toUpperCase(Locale.forLanguageTag("vi"));
	}

	/**
	 * The text in composed form (the font has every Vietnamese letter precomposed), each
	 * character the font lacks (or a control) replaced by "?": a name may hold anything.
	 */
	static String safe(String text, PDFont font) {
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder safe = new StringBuilder(composed.length());
		composed.codePoints().forEach((point) -> {
			String character = new String(Character.toChars(point));
			if (Character.isISOControl(point) || !encodes(font, character)) {
				safe.append('?');
			}
			else {
				safe.append(character);
			}
		});
		return safe.toString();
	}

	private static boolean encodes(PDFont font, String character) {
		try {
			font.encode(character);
			return true;
		}
		catch (IllegalArgumentException | IOException ex) {
			return false;
		}
	}

}
