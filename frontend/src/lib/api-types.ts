/** The shapes of the API's answers the pages read (see docs/api.md). */

export type ContestStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'FINALIZED';

export interface ContestSummary {
  slug: string;
  title: string;
  law: string;
  status: ContestStatus;
  opensAt: string;
  closesAt: string;
  /** false for practice ("thi thử"), absent from older servers: ranked */
  ranked?: boolean;
}

/**
 * Something organizers should know about a contest. `PUBLIC_BANK`: the contest, a draft
 * or open, draws from a public question bank (shipped with the platform, answers included).
 */
export interface ContestWarning {
  code: string;
  bank: string;
}

/** A contest in the organizers' list (`GET /api/admin/contests`). */
export interface AdminContestSummary extends ContestSummary {
  questionBank: string;
  /** Its question bank ships with the platform: anyone can read the correct options. */
  bankPublic: boolean;
  warnings: ContestWarning[];
}

export interface RoundView {
  number: number;
  name: string;
  opensAt: string;
  closesAt: string;
  current: boolean;
}

export interface UnitView {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface ContestDetails extends ContestSummary {
  description: string;
  rules: string;
  timeLimitSeconds: number;
  questionsPerAttempt: number;
  /** 0: no limit (practice only) */
  maxAttemptsPerRound: number;
  /** none (null) in practice, which separates no winners */
  predictionQuestion: string | null;
  rounds: RoundView[];
  currentRound: number | null;
  units: UnitView[];
  districts: string[];
  /** What the registration form asks a person to agree to: the organizers' text. */
  consentText: string;
  /** The text's version (SHA-256), sent back with the registration. */
  consentVersion: string;
  /** REQUIRED: the registration asks for a one-time code sent to the phone before the start. */
  phoneVerification?: 'OFF' | 'REQUIRED';
  serverTime: string;
  /** When an attempt may be reviewed and the answer key read. */
  reviewPolicy?: ReviewPolicy;
  /** Who gets a certificate (best score from `minScore`, or a prize), and from whom. */
  certificate?: { enabled: boolean; minScore?: number | null; issuer?: string | null; place?: string | null };
  /** false for practice ("thi thử"): no leaderboard, no prizes, no ranks */
  ranked?: boolean;
}

/** Whether a participant gets a certificate, and when (`GET /api/attempts/{id}/certificate/status`). */
export interface CertificateStatus {
  offered: boolean;
  minScore?: number;
  bestScore?: number;
  total?: number;
  prize?: string;
  qualifies: boolean;
  available: boolean;
  availableAt?: string;
}

/** What a certificate's code tells anyone (`GET /api/certificates/{code}`). */
export interface CertificateVerification {
  code: string;
  valid: boolean;
  reason: 'revoked' | 'superseded' | 'prize-withdrawn' | null;
  contest: string;
  name: string;
  score: number;
  total: number;
  prize: string | null;
  issuedAt: string;
}

/** A contest's finalized winners lists (`GET /api/contests/{slug}/results`). */
export interface PublicResults {
  contest: string;
  lists: PublicList[];
}

export interface PublicList {
  round: number | null;
  name: string;
  finalizedAt: string;
  sha256: string;
  actualValue: number;
  participants: number;
  attempts: number;
  winners: { rank: number; name: string; unitName: string; district: string; prize: string }[];
  unitPrizes: {
    rank: number;
    prize: string;
    criterion: 'PARTICIPANTS' | 'PARTICIPATION_RATE';
    unitName: string;
    participants: number;
    participationRate: number | null;
  }[];
}

export type ReviewPolicy = 'AFTER_SUBMISSION' | 'AFTER_ROUND_CLOSES' | 'AFTER_CONTEST_CLOSES' | 'NEVER';

export interface ExamOption {
  id: number;
  text: string;
}

export interface ExamQuestion {
  id: number;
  text: string;
  options: ExamOption[];
}

export interface AttemptStarted {
  attemptId: string;
  token: string;
  round: number;
  startedAt: string;
  deadline: string;
  serverTime: string;
  questions: ExamQuestion[];
  predictionQuestion: string | null;
}

export interface SubmissionResult {
  attemptId: string;
  score: number;
  total: number;
  durationMs: number;
  submittedAt: string;
  /** the server submitted it from its last save when its time ran out (submittedAt: the deadline) */
  autoSubmitted?: boolean;
}

export interface AttemptView {
  attemptId: string;
  status: 'OPEN' | 'SUBMITTED' | 'EXPIRED';
  startedAt: string;
  deadline: string;
  serverTime: string;
  questions: ExamQuestion[] | null;
  predictionQuestion: string | null;
  result: SubmissionResult | null;
}

export interface Standing {
  rank?: number | null;
  ranked: number;
}

export interface AttemptRank {
  attemptId: string;
  round: number;
  inRound: Standing;
  inContest: Standing;
  inUnit: Standing;
  inDistrict: Standing;
  ranksHidden: boolean;
}

export interface LeaderboardEntry {
  /** absent while the round is open: the list is then by time of entry, latest first */
  rank?: number | null;
  name: string;
  unit: string;
  unitName: string;
  district: string;
  score?: number | null;
  durationMs?: number | null;
}

export interface LeaderboardPage {
  round: number | null;
  unit: string | null;
  district: string | null;
  ranked: number;
  scoresHidden: boolean;
  entries: LeaderboardEntry[];
}
