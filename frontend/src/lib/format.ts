import { intlLocale } from './i18n';

/** 754000 → "12:34"; an hour or more → "1:02:34". */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return h > 0 ? `${h}:${mm}:${String(s).padStart(2, '0')}` : `${mm}:${String(s).padStart(2, '0')}`;
}

export function dateTime(iso: string | undefined | null): string {
  if (!iso) {
    return '';
  }
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function number(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(), {
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  }).format(value);
}

export function percent(share: number, fractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(), {
    style: 'percent',
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  }).format(share);
}

/** 125000 → "2 phút 5 giây" style, via the given unit words. */
export function durationText(ms: number, words: { min: string; sec: string }): string {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? `${m} ${words.min} ${s} ${words.sec}` : `${s} ${words.sec}`;
}

/** 5 → "V": how the law numbers its chapters. */
export function romanNumeral(n: number): string {
  const numerals: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let text = '';
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      text += numeral;
      rest -= value;
    }
  }
  return text;
}

/** 0 → "A": an option's letter by its place on the page. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
