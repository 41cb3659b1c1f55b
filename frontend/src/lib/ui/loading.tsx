import { tc } from '../common-messages';

/** Said while a page's data is on its way (a live region: screen readers hear it). */
export function Loading() {
  return (
    <p class="loading" role="status">
      {tc('loading')}
    </p>
  );
}
