import { useRef, useState } from 'preact/hooks';
import { forgetThisDevice } from './attempt-session';
import { tc } from './common-messages';

/**
 * "Quên tôi trên thiết bị này": removes everything Civiquiz keeps in this browser, after a
 * confirmation, and says it is done. For the contest and result pages (a shared computer's
 * user leaves from there).
 */
export function ForgetDevice(props: { onForgotten?: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [done, setDone] = useState(false);
  const forget = () => {
    forgetThisDevice();
    dialog.current?.close();
    setDone(true);
    props.onForgotten?.();
  };
  return (
    <section class="forget-device" aria-labelledby="forget-heading">
      <h2 id="forget-heading">{tc('forgetHeading')}</h2>
      <p>{tc('forgetText')}</p>
      <button type="button" class="button secondary" onClick={() => dialog.current?.showModal()}>
        {tc('forgetButton')}
      </button>
      <p role="status" class={done ? 'alert' : undefined}>
        {done ? tc('forgotten') : ''}
      </p>
      <dialog ref={dialog} aria-labelledby="forget-title" class="confirm">
        <h2 id="forget-title">{tc('forgetConfirmTitle')}</h2>
        <p>{tc('forgetConfirmText')}</p>
        <div class="actions">
          <button type="button" class="button primary" onClick={forget}>
            {tc('forgetConfirm')}
          </button>
          <button type="button" class="button secondary" onClick={() => dialog.current?.close()}>
            {tc('forgetCancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
