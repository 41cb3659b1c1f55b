/** GET /api/admin/contests/{slug}/stats and its stream (stats/ContestStats.java). */
export interface ScoreFigures {
  count: number;
  perfect: number;
  perfectShare: number;
  atLeast15: number;
  atLeast15Share: number;
  mean: number;
  median: number;
}

export interface UnitFigures {
  code: string;
  name: string;
  participants: number;
  attempts: number;
  meanScore: number;
  headcount: number | null;
  participationRate: number | null;
}

export interface DistrictFigures {
  district: string;
  participants: number;
  attempts: number;
  meanScore: number;
}

export interface QuestionFigures {
  id: number;
  code: string;
  chapter: number;
  article: number;
  text: string;
  drawn: number;
  correct: number;
  correctRate: number;
  mostChosenWrongOption: string | null;
  mostChosenWrongCount: number;
}

export interface HourFigures {
  hour: string;
  started: number;
  submitted: number;
}

export interface ContestStats {
  contest: string;
  round: number | null;
  source: string;
  computedAt: string;
  participants: number;
  attemptsStarted: number;
  attemptsSubmitted: number;
  attemptsExpired: number | null;
  attemptsPerParticipant: number;
  questionsPerAttempt: number;
  scoreHistogram: number[];
  bestScoreHistogram: number[];
  attempts: ScoreFigures;
  bestAttempts: ScoreFigures;
  meanDurationMs: number;
  units: UnitFigures[];
  districts: DistrictFigures[];
  questions: QuestionFigures[];
  timeline: HourFigures[];
}

/** The tables: on the stream, a `tables` event sent when they changed (10 hardest questions). */
export type StatsTables = Pick<ContestStats, 'units' | 'districts' | 'questions' | 'timeline'>;

/** The stream's `stats` event, at every change: everything but the tables. */
export type StatsSummary = Omit<ContestStats, keyof StatsTables>;
