/** A frozen winners list (docs/api.md, "A frozen list"). */
export interface Winner {
  rank: number;
  prize: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  district: string;
  /** Absent once the list has been redacted. */
  phone?: string | null;
  email?: string | null;
  score: number;
  durationMs: number;
  prediction: number | null;
  actualValue: number | null;
  predictionDistance: number | null;
  submittedAt: string;
  attemptId: string;
  rankReason: string;
  /** the server submitted the attempt from its last save when time ran out */
  autoSubmitted?: boolean;
}

export interface UnitPrize {
  rank: number;
  prize: string;
  criterion: 'PARTICIPANTS' | 'PARTICIPATION_RATE';
  unitCode: string;
  unitName: string;
  participants: number;
  headcount: number | null;
  participationRate: number | null;
}

export interface Excluded {
  attemptId: string;
  fullName: string;
  reason: string;
  excludedBy: string;
  excludedAt: string;
}

export interface WinnersList {
  contest: string;
  round?: number | null;
  roundName: string;
  ruleRevision: number;
  tieBreak: string[];
  actualPrediction: number | null;
  ranked: number;
  winners: Winner[];
  unitPrizes: UnitPrize[];
  passedOver: { rank: number; fullName: string; unitCode: string; attemptId: string; heldPrize: string }[];
  superseded: { attemptId: string; fullName: string; heldPrize: string }[];
  excluded: Excluded[];
  timeZone: string;
  sha256: string;
  finalizedAt: string;
  finalizedBy: string;
  /** When retention removed the names and contacts (the SHA-256 is still the original's). */
  redactedAt?: string | null;
}

export interface AwardLogEntry {
  action: string;
  round: number | null;
  actor: string;
  detail: string;
  at: string;
}

export interface ContestRounds {
  slug: string;
  title: string;
  rounds: { number: number; name: string; opensAt: string; closesAt: string }[];
}

/** What the committee's components get from the page: where a 401 (the session ended) goes. */
export interface CommitteeProps {
  onUnauthorized: () => void;
}
