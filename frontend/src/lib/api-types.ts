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
  /** false for practice ("thi thử"): no leaderboard, no prizes, no ranks */
  ranked?: boolean;
}

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
