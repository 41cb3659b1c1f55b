package org.civiquiz.certificate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reading certificates back as a person would: their text, and their QR code scanned.
 */
final class CertificatePdfFixtures {

	private CertificatePdfFixtures() {
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	static int pages(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}

	/** The page's width and height in points. */
	static float[] size(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new float[] { document.getPage(0).getMediaBox().getWidth(),
					document.getPage(0).getMediaBox().getHeight() };
		}
	}

	/** What the QR code on the page says, scanned from the page drawn at 200 dpi. */
	static String scan(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
			// the lower left quarter, where the code is
			BufferedImage corner = page.getSubimage(0, page.getHeight() / 2, page.getWidth() / 2, page.getHeight() / 2);
			int[] pixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
			BinaryBitmap bitmap = new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(corner.getWidth(), corner.getHeight(), pixels)));
			return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
		}
		catch (NotFoundException | ChecksumException | FormatException ex) {
			throw new AssertionError("No QR code read on the page", ex);
		}
	}

}
