import { durationText } from '../../lib/format';
import { intlLocale } from '../../lib/i18n';
import { vietnamDateTime } from '../../lib/vietnam-time';
import { t, type MessageKey } from './messages';

/** The cheating signals of a round or of the contest (docs/api.md, "Integrity flags"). */
export type FlagKind =
  'TOO_FAST' | 'IDENTICAL_ANSWERS' | 'SHARED_NETWORK' | 'SHARED_DEVICE' | 'PHONE_MANY_NAMES' | 'PHONE_DETAILS_CHANGED';

export const FLAG_KINDS: FlagKind[] = [
  'TOO_FAST',
  'IDENTICAL_ANSWERS',
  'SHARED_NETWORK',
  'SHARED_DEVICE',
  'PHONE_MANY_NAMES',
  'PHONE_DETAILS_CHANGED',
];

export interface TooFastEvidence {
  durationMs: number;
  thresholdMs: number;
  questions: number;
  score: number;
  minScore: number;
}

export interface IdenticalAnswersEvidence {
  sequence: string;
  participants: number;
  attempts: number;
  otherAttemptIds: string[];
}

export interface SharedOriginEvidence {
  label: string;
  participants: number;
  attempts: number;
  from: string;
  to: string;
  threshold: number;
  windowSeconds: number;
}

export interface PhoneManyNamesEvidence {
  names: { name: string; attempts: number }[];
  threshold: number;
  enteredName?: string | null;
}

/** Details entered with a phone; unit and district are null for starts made before they were recorded. */
export interface PhoneEntry {
  fullName: string | null;
  unitCode: string | null;
  district: string | null;
}

export interface PhoneDetailsChangedEvidence {
  registered: PhoneEntry;
  registeredAt: string;
  entered: PhoneEntry;
  phoneVerified: boolean;
}

export type IntegrityFlag = {
  attemptId: string;
  participantId: number;
  maskedName: string;
  roundNumber: number;
  score: number;
  excluded: boolean;
  /** the server submitted the attempt from its last save when time ran out (its duration says nothing) */
  autoSubmitted?: boolean;
} & (
  | { kind: 'TOO_FAST'; evidence: TooFastEvidence }
  | { kind: 'IDENTICAL_ANSWERS'; evidence: IdenticalAnswersEvidence }
  | { kind: 'SHARED_NETWORK' | 'SHARED_DEVICE'; evidence: SharedOriginEvidence }
  | { kind: 'PHONE_MANY_NAMES'; evidence: PhoneManyNamesEvidence }
  | { kind: 'PHONE_DETAILS_CHANGED'; evidence: PhoneDetailsChangedEvidence }
);

export interface IntegrityReport {
  contest: string;
  round?: number | null;
  summary: Record<FlagKind, number>;
  flaggedAttempts: number;
  flags: IntegrityFlag[];
}

/** The longest reason the server takes for an exclusion. */
const MAX_REASON = 1000;

/** A kind as words; an unknown kind as is. */
export function kindText(kind: string): string {
  const key = `kind_${kind}` as MessageKey;
  const text = t(key);
  return text === key ? kind : text;
}

/** 45000 → "45 giây", 59999 → "59,999 giây": a second too few matters here. */
function seconds(ms: number): string {
  return `${new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 3 }).format(ms / 1000)} ${t('seconds')}`;
}

/** 600 → "10 phút"; 90 → "1 phút 30 giây". */
function windowText(totalSeconds: number): string {
  return totalSeconds % 60 === 0 && totalSeconds >= 60
    ? `${totalSeconds / 60} ${t('minutes')}`
    : durationText(totalSeconds * 1000, { min: t('minutes'), sec: t('seconds') });
}

/** "Nguyễn Văn An, HTX-1, Quận Lê Chân": what is known of an entry. */
function entryText(entry: PhoneEntry): string {
  return [entry.fullName, entry.unitCode, entry.district].filter((part) => part).join(', ');
}

/** A flag's evidence in words, in the current language. */
export function evidenceText(flag: IntegrityFlag): string {
  const when = (iso: string) => vietnamDateTime(iso, intlLocale());
  switch (flag.kind) {
    case 'TOO_FAST': {
      const e = flag.evidence;
      return t('ev_TOO_FAST', {
        duration: seconds(e.durationMs),
        questions: e.questions,
        threshold: seconds(e.thresholdMs),
        score: e.score,
        minScore: e.minScore,
      });
    }
    case 'IDENTICAL_ANSWERS': {
      const e = flag.evidence;
      return t('ev_IDENTICAL_ANSWERS', { sequence: e.sequence, others: e.participants - 1, attempts: e.attempts });
    }
    case 'SHARED_NETWORK':
    case 'SHARED_DEVICE': {
      const e = flag.evidence;
      return t(flag.kind === 'SHARED_NETWORK' ? 'ev_SHARED_NETWORK' : 'ev_SHARED_DEVICE', {
        participants: e.participants,
        attempts: e.attempts,
        label: e.label,
        from: when(e.from),
        to: when(e.to),
        threshold: e.threshold,
        window: windowText(e.windowSeconds),
      });
    }
    case 'PHONE_MANY_NAMES': {
      const e = flag.evidence;
      const names = e.names.map((use) => t('nameUses', { name: use.name, n: use.attempts })).join('; ');
      return e.enteredName
        ? t('ev_PHONE_MANY_NAMES', { count: e.names.length, names, entered: e.enteredName })
        : t('ev_PHONE_MANY_NAMES_unknown', { count: e.names.length, names });
    }
    case 'PHONE_DETAILS_CHANGED': {
      const e = flag.evidence;
      const text = t('ev_PHONE_DETAILS_CHANGED', {
        registered: entryText(e.registered),
        at: when(e.registeredAt),
        entered: entryText(e.entered),
      });
      return e.phoneVerified ? `${text} ${t('ev_PHONE_DETAILS_CHANGED_verified')}` : text;
    }
    default:
      return '';
  }
}

/** The reason an exclusion prompted by a flag starts with: the sign and its evidence. */
export function exclusionReason(flag: IntegrityFlag): string {
  const reason = `${kindText(flag.kind)}: ${evidenceText(flag)}`;
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
}

/** Each flagged attempt's kinds, in the order of {@link FLAG_KINDS}. */
export function kindsByAttempt(flags: IntegrityFlag[]): Map<string, FlagKind[]> {
  const byAttempt = new Map<string, FlagKind[]>();
  for (const flag of flags) {
    const kinds = byAttempt.get(flag.attemptId) ?? [];
    if (!kinds.includes(flag.kind)) kinds.push(flag.kind);
    byAttempt.set(flag.attemptId, kinds);
  }
  for (const kinds of byAttempt.values()) {
    kinds.sort((a, b) => FLAG_KINDS.indexOf(a) - FLAG_KINDS.indexOf(b));
  }
  return byAttempt;
}
