/**
 * The figures' scope: the whole contest or one of its rounds, as a labelled select whose
 * value is the round's number ('' for the whole contest).
 */
export function RoundSelect(props: {
  label: string;
  wholeContest: string;
  rounds: { number: number; name: string }[] | undefined;
  roundLabel: (round: { number: number; name: string }) => string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label class="inline-field">
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{props.wholeContest}</option>
        {props.rounds?.map((r) => (
          <option key={r.number} value={String(r.number)}>
            {props.roundLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
