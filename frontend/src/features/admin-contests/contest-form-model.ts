import type { ContestWarning } from '../../lib/api-types';
import { fromVietnamLocal, toVietnamLocal } from '../../lib/vietnam-time';

/** The contest as the API takes and gives it (docs/api.md, "The contest form"). */
export interface ContestForm {
  slug?: string;
  title: string;
  law: string;
  description: string;
  rules: string;
  /** What a person agrees to when registering; empty: the server's default text. */
  consentText?: string;
  questionBank: string;
  opensAt: string | null;
  closesAt: string | null;
  timeLimitMinutes: number | null;
  questionsPerAttempt: number | null;
  maxAttemptsPerRound: number | null;
  chapterQuotas: Record<string, number>;
  predictionQuestion: string;
  districts: string[];
  status: ContestStatus;
  rounds: { number: number | null; name: string; opensAt: string | null; closesAt: string | null }[];
  units: { code: string; name: string; parentCode: string | null; headcount: number | null }[];
  /** In answers only: the contest's question bank ships with the platform (answers public). */
  bankPublic?: boolean;
  /** In answers only: what organizers should know (`PUBLIC_BANK`). */
  warnings?: ContestWarning[];
  /** REQUIRED: a one-time code sent to the phone before each person's start. */
  phoneVerification?: PhoneVerification;
  /** When a participant may review an attempt and anyone read the answer key. */
  reviewPolicy?: ReviewPolicy;
  /** AUTO_SUBMIT: an attempt whose time ran out is submitted from its last save on the server. */
  overdueHandling?: OverdueHandling;
  /** Certificates: to whom (best score from `minScore`, or a prize) and from whom. */
  certificate?: CertificateSetting;
  /**
   * false: practice ("thi thử"), no leaderboard, prizes or public figures; no prediction
   * question needed; `maxAttemptsPerRound` 0 or empty is no limit. Absent: ranked (new) or
   * unchanged (edit).
   */
  ranked?: boolean;
}

export interface CertificateSetting {
  enabled: boolean;
  minScore: number | null;
  issuer: string | null;
  place: string | null;
}

export type PhoneVerification = 'OFF' | 'REQUIRED';

export type ReviewPolicy = 'AFTER_SUBMISSION' | 'AFTER_ROUND_CLOSES' | 'AFTER_CONTEST_CLOSES' | 'NEVER';

export const REVIEW_POLICIES: ReviewPolicy[] = [
  'AFTER_SUBMISSION',
  'AFTER_ROUND_CLOSES',
  'AFTER_CONTEST_CLOSES',
  'NEVER',
];

export type OverdueHandling = 'AUTO_SUBMIT' | 'DISCARD';

export type ContestStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'FINALIZED';

export interface RoundFields {
  number: string;
  name: string;
  opensAt: string;
  closesAt: string;
}

export interface UnitFields {
  code: string;
  name: string;
  parentCode: string;
  headcount: string;
}

/** What the form's inputs hold: text, times as Vietnam wall-clock time. */
export interface FormFields {
  slug: string;
  title: string;
  law: string;
  description: string;
  rules: string;
  consentText: string;
  questionBank: string;
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: string;
  questionsPerAttempt: string;
  maxAttemptsPerRound: string;
  /** "1: 3, 4: 2" (chapter: questions) */
  chapterQuotas: string;
  predictionQuestion: string;
  /** one district a line */
  districts: string;
  status: ContestStatus;
  phoneVerification: PhoneVerification;
  reviewPolicy: ReviewPolicy;
  rounds: RoundFields[];
  units: UnitFields[];
  overdueHandling: OverdueHandling;
  certificateEnabled: boolean;
  certificateMinScore: string;
  certificateIssuer: string;
  certificatePlace: string;
  /** false: practice */
  ranked: boolean;
}

export function emptyRound(number: number): RoundFields {
  return { number: String(number), name: '', opensAt: '', closesAt: '' };
}

export function emptyUnit(): UnitFields {
  return { code: '', name: '', parentCode: '', headcount: '' };
}

export function newContestFields(): FormFields {
  return {
    slug: '',
    title: '',
    law: 'Luật Hợp tác xã 2023',
    description: '',
    rules: '',
    consentText: '',
    questionBank: '',
    opensAt: '',
    closesAt: '',
    timeLimitMinutes: '20',
    questionsPerAttempt: '20',
    maxAttemptsPerRound: '3',
    chapterQuotas: '',
    predictionQuestion: '',
    districts: '',
    status: 'DRAFT',
    phoneVerification: 'OFF',
    reviewPolicy: 'AFTER_CONTEST_CLOSES',
    rounds: [emptyRound(1)],
    units: [emptyUnit()],
    overdueHandling: 'AUTO_SUBMIT',
    certificateEnabled: false,
    certificateMinScore: '15',
    certificateIssuer: '',
    certificatePlace: '',
    ranked: true,
  };
}

function text(value: number | null | undefined): string {
  return value == null ? '' : String(value);
}

/** A whole number, or null for an empty box (the server says what is required). */
export function wholeNumber(value: string): number | null {
  const trimmed = value.trim();
  if (!/^-?\d+$/.test(trimmed)) {
    return null;
  }
  return Number(trimmed);
}

export function quotasText(quotas: Record<string, number>): string {
  return Object.entries(quotas)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([chapter, count]) => `${chapter}: ${count}`)
    .join(', ');
}

/** "1: 3, 4: 2" → {"1": 3, "4": 2}; null when a part is not "chapter: count". */
export function parseQuotas(value: string): Record<string, number> | null {
  const quotas: Record<string, number> = {};
  for (const part of value.split(/[,;\n]/)) {
    if (!part.trim()) continue;
    const m = /^\s*(\d+)\s*[:=]\s*(\d+)\s*$/.exec(part);
    if (!m || m[1] in quotas) {
      return null;
    }
    quotas[m[1]] = Number(m[2]);
  }
  return quotas;
}

export function fieldsOf(form: ContestForm): FormFields {
  return {
    slug: form.slug ?? '',
    title: form.title ?? '',
    law: form.law ?? '',
    description: form.description ?? '',
    rules: form.rules ?? '',
    consentText: form.consentText ?? '',
    questionBank: form.questionBank ?? '',
    opensAt: toVietnamLocal(form.opensAt),
    closesAt: toVietnamLocal(form.closesAt),
    timeLimitMinutes: text(form.timeLimitMinutes),
    questionsPerAttempt: text(form.questionsPerAttempt),
    maxAttemptsPerRound: text(form.maxAttemptsPerRound),
    chapterQuotas: quotasText(form.chapterQuotas ?? {}),
    predictionQuestion: form.predictionQuestion ?? '',
    districts: (form.districts ?? []).join('\n'),
    status: form.status,
    phoneVerification: form.phoneVerification ?? 'OFF',
    reviewPolicy: form.reviewPolicy ?? 'AFTER_CONTEST_CLOSES',
    rounds: (form.rounds ?? []).map((r) => ({
      number: text(r.number),
      name: r.name ?? '',
      opensAt: toVietnamLocal(r.opensAt),
      closesAt: toVietnamLocal(r.closesAt),
    })),
    units: (form.units ?? []).map((u) => ({
      code: u.code ?? '',
      name: u.name ?? '',
      parentCode: u.parentCode ?? '',
      headcount: text(u.headcount),
    })),
    overdueHandling: form.overdueHandling ?? 'AUTO_SUBMIT',
    certificateEnabled: form.certificate?.enabled ?? false,
    certificateMinScore: text(form.certificate?.minScore),
    certificateIssuer: form.certificate?.issuer ?? '',
    certificatePlace: form.certificate?.place ?? '',
    ranked: form.ranked ?? true,
  };
}

/**
 * The request for the form's fields, and the errors found before sending (field names as
 * the server's): what the server checks it is left to say.
 */
export function requestOf(fields: FormFields): { form: ContestForm; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const quotas = parseQuotas(fields.chapterQuotas);
  if (quotas === null) {
    errors.chapterQuotas = 'CHAPTER_QUOTAS_FORMAT';
  }
  const form: ContestForm = {
    slug: fields.slug.trim(),
    title: fields.title.trim(),
    law: fields.law.trim(),
    description: fields.description.trim(),
    rules: fields.rules.trim(),
    consentText: fields.consentText.trim(),
    questionBank: fields.questionBank.trim(),
    opensAt: fromVietnamLocal(fields.opensAt),
    closesAt: fromVietnamLocal(fields.closesAt),
    timeLimitMinutes: wholeNumber(fields.timeLimitMinutes),
    questionsPerAttempt: wholeNumber(fields.questionsPerAttempt),
    maxAttemptsPerRound: wholeNumber(fields.maxAttemptsPerRound),
    chapterQuotas: quotas ?? {},
    predictionQuestion: fields.predictionQuestion.trim(),
    districts: fields.districts
      .split('\n')
      .map((d) => d.trim())
      .filter((d) => d !== ''),
    status: fields.status,
    phoneVerification: fields.phoneVerification,
    reviewPolicy: fields.reviewPolicy,
    rounds: fields.rounds.map((r) => ({
      number: wholeNumber(r.number),
      name: r.name.trim(),
      opensAt: fromVietnamLocal(r.opensAt),
      closesAt: fromVietnamLocal(r.closesAt),
    })),
    units: fields.units.map((u) => ({
      code: u.code.trim(),
      name: u.name.trim(),
      parentCode: u.parentCode.trim() || null,
      headcount: wholeNumber(u.headcount),
    })),
    overdueHandling: fields.overdueHandling,
    certificate: {
      enabled: fields.certificateEnabled,
      minScore: wholeNumber(fields.certificateMinScore),
      issuer: fields.certificateIssuer.trim() || null,
      place: fields.certificatePlace.trim() || null,
    },
    ranked: fields.ranked,
  };
  return { form, errors };
}
