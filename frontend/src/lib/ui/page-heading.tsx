import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { tc } from '../common-messages';

/** Sets the document title and moves focus to the page's heading on navigation. */
export function PageHeading(props: { children: ComponentChildren; title: string }) {
  useEffect(() => {
    document.title = `${props.title} · ${tc('siteName')}`;
  }, [props.title]);
  return (
    <h1 tabIndex={-1} id="page-heading">
      {props.children}
    </h1>
  );
}
