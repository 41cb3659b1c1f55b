package org.civiquiz.question.file;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first quantity an option states, for comparing numeric options as a reader compares
 * them (see {@link AnswerCues}).
 *
 * @param kind what it measures: options of different kinds do not compare
 * @param value its value: days for a duration or a date, đồng for money, percent for a
 * share
 */
public record OptionQuantity(Kind kind, double value) {

	private static final Pattern QUANTITY = Pattern.compile("(?<date>(\\d{1,2})/(\\d{1,2})/(\\d{4}))"
			+ "|(?<fraction>một phần ba|hai phần ba|một phần tư|ba phần tư|một nửa)"
			+ "|(?<![\\p{L}\\p{N}])(?<number>\\d+(?:[.,]\\d+)*)\\s*(?<unit>%|ngày làm việc|ngày|tuần|tháng|năm|tỷ đồng|triệu đồng|đồng)?"
			+ "(?![\\p{L}\\p{M}])");

	/**
	 * The first quantity an option states: a date, a fraction in words, or a number with
	 * its unit, durations in days and sums in đồng so that "30 ngày" and "06 tháng"
	 * compare as a reader compares them.
	 * @param option the option
	 * @return the quantity, or empty if the option states none
	 */
	public static Optional<OptionQuantity> of(String option) {
		Matcher matcher = QUANTITY.matcher(Normalizer.normalize(option, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
		if (!matcher.find()) {
			return Optional.empty();
		}
		if (matcher.group("date") != null) {
			try {
				LocalDate date = LocalDate.of(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(3)),
						Integer.parseInt(matcher.group(2)));
				return Optional.of(new OptionQuantity(Kind.DATE, date.toEpochDay()));
			}
			catch (DateTimeException ex) {
				return Optional.empty();
			}
		}
		if (matcher.group("fraction") != null) {
			return Optional.of(new OptionQuantity(Kind.SHARE, switch (matcher.group("fraction")) {
				case "một phần ba" -> 100.0 / 3;
				case "hai phần ba" -> 200.0 / 3;
				case "một phần tư" -> 25;
				case "ba phần tư" -> 75;
				default -> 50;
			}));
		}
		double number = number(matcher.group("number"));
		String unit = (matcher.group("unit") != null) ? matcher.group("unit") : "";
		return Optional.of(switch (unit) {
			case "%" -> new OptionQuantity(Kind.SHARE, number);
			case "ngày làm việc" -> new OptionQuantity(Kind.DURATION, number * 7 / 5);
			case "ngày" -> new OptionQuantity(Kind.DURATION, number);
			case "tuần" -> new OptionQuantity(Kind.DURATION, number * 7);
			case "tháng" -> new OptionQuantity(Kind.DURATION, number * 30);
			case "năm" -> new OptionQuantity(Kind.DURATION, number * 365);
			case "tỷ đồng" -> new OptionQuantity(Kind.MONEY, number * 1e9);
			case "triệu đồng" -> new OptionQuantity(Kind.MONEY, number * 1e6);
			case "đồng" -> new OptionQuantity(Kind.MONEY, number);
			default -> new OptionQuantity(Kind.COUNT, number);
		});
	}

	/** "1.000" is a thousand and "2,5" two and a half, as Vietnamese writes them. */
	private static double number(String text) {
		String plain = text.replaceAll("\\.(?=\\d{3}(?!\\d))", "").replace(',', '.');
		int dot = plain.indexOf('.');
		if (dot >= 0 && plain.indexOf('.', dot + 1) >= 0) {
			plain = plain.substring(0, plain.indexOf('.', dot + 1));
		}
		return Double.parseDouble(plain);
	}

	public enum Kind {

		COUNT, SHARE, DURATION, MONEY, DATE

	}

}
